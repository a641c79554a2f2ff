import Foundation
import KnowledgeGraph
import ShellCore

/// `plugin list`: the added third-party plugins, their commands and whether they run.
struct PluginListCommand: Command {
  let signature = Signature(
    "plugin list", summary: "List the added third-party plugins",
    examples: [Example("plugin list", "the added plugins")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let host = PluginHost.of(session) else {
      throw KgshError(
        .unsupported, "plugins are not available in this session", hint: "run kgsh itself to use plugins")
    }
    let file = try PluginRegistryFile.load(host.paths.registry)
    let rows: [[Value]] = file.plugins.map { record in
      let status: String
      if !FileManager.default.isExecutableFile(atPath: record.path) {
        status = "missing"
      } else if host.records[record.name] == nil {
        status = "not loaded"
      } else {
        status = host.isRunning(record.name) ? "running" : "idle"
      }
      return [
        .string(record.name), .string(record.version), .string(record.protocol),
        .list(record.commands.map { .string($0.name) }), .string(status), .string(record.path),
      ]
    }
    return .table(
      Table(
        columns: ["plugin", "version", "protocol", "commands", "status", "path"], rows: rows,
        notes: rows.isEmpty ? ["no plugins added; plugin add PATH adds one"] : []))
  }
}
