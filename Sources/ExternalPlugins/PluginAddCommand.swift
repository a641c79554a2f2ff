import Foundation
import KnowledgeGraph
import ShellCore

/// `plugin add PATH`: starts a plugin program once, records its commands and loads them.
struct PluginAddCommand: Command {
  static let path = Param<String>.argument("path", .file, "the plugin's executable")
  let signature = Signature(
    "plugin add", summary: "Add a third-party plugin program (any language; see docs/PLUGINS.md)",
    parameters: [path.spec],
    help: """
      The program is started once to read its commands, which are recorded in
      $XDG_DATA_HOME/kgsh/plugins.json: help and completion then work without starting it.
      It runs again on first use and stays running for the session. A command name already
      taken by a built-in or another plugin is refused.
      """,
    examples: [
      Example(
        "plugin add Plugins/Examples/python/kgsh-plugin-news; plugin list | select plugin version commands",
        "add the Python example plugin (from the kgsh sources)")
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let host = PluginHost.of(session) else {
      throw KgshError(
        .unsupported, "plugins are not available in this session", hint: "run kgsh itself to use plugins")
    }
    let path = Self.absolute(call[Self.path])
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
    else {
      throw KgshError(
        .notFound, "plugin add: no file \(path)", hint: "give the path of the plugin's executable")
    }
    guard FileManager.default.isExecutableFile(atPath: path) else {
      throw KgshError(.invalidValue, "plugin add: \(path) is not executable", hint: "chmod +x \(path)")
    }
    var file = try PluginRegistryFile.load(host.paths.registry)
    let record = try host.inspect(path: path, session: session)
    if let existing = file.record(named: record.name) {
      throw KgshError(
        .invalidValue, "plugin \(record.name) is already added (from \(existing.path))",
        hint: "plugin reload \(record.name) re-reads it; plugin remove \(record.name) removes it")
    }
    try host.register(record, in: session.registry)
    file.plugins.append(record)
    do {
      try file.save(host.paths.registry)
    } catch {
      host.unregister(record.name, from: session.registry)
      throw error
    }
    return .message(
      "added plugin \(record.name) \(record.version) (protocol \(record.protocol)): "
        + record.commands.map(\.name).joined(separator: ", "))
  }

  static func absolute(_ path: String) -> String {
    let expanded = (path as NSString).expandingTildeInPath
    if expanded.hasPrefix("/") { return (expanded as NSString).standardizingPath }
    return ((FileManager.default.currentDirectoryPath + "/" + expanded) as NSString).standardizingPath
  }
}
