import Foundation
import KnowledgeGraph
import PluginProtocol
import ShellCore

extension PluginHost {
  /// Starts a plugin program once, exchanges `hello`, and returns what it declared.
  /// - Throws: `KgshError` when it cannot start, fails the handshake or declares bad commands.
  func inspect(path: String, session: Session) throws -> PluginRecord {
    let fallback = Self.name(fromFile: path)
    let connection = try PluginConnection(
      path: path, name: fallback, log: logPath(fallback), limits: limits(session), kgshVersion: kgshVersion)
    defer { connection.close() }
    let hello = connection.hello
    let name = hello.name ?? fallback
    guard SignatureMapping.isWord(Substring(name)) else {
      throw KgshError(
        .plugin, "plugin at \(path) calls itself '\(name)'",
        hint: "a plugin name uses letters, digits, - and _")
    }
    let features = hello.features ?? []
    let commands = hello.commands ?? []
    try SignatureMapping.validate(commands, plugin: name, features: features)
    return PluginRecord(
      name: name, path: path, version: hello.version ?? "", protocol: hello.protocol ?? "",
      features: features,
      commands: commands)
  }

  /// `kgsh-plugin-news` -> `news`.
  static func name(fromFile path: String) -> String {
    let file = (path as NSString).lastPathComponent
    let base = file.hasPrefix("kgsh-plugin-") ? String(file.dropFirst("kgsh-plugin-".count)) : file
    return (base as NSString).deletingPathExtension
  }

  /// Registers a plugin's commands in the session.
  /// - Throws: `KgshError` when one of its names is taken by a built-in or another plugin.
  func register(_ record: PluginRecord, in registry: CommandRegistry) throws {
    try checkClashes(record, registry)
    let commands: [any Command] = record.commands.map { wire in
      if let tool = record.mcp?.tools.first(where: { $0.command == wire.name }) {
        return MCPToolCommand(plugin: record.name, wire: wire, record: tool)
      }
      return ExternalCommand(plugin: record.name, wire: wire)
    }
    try registry.register(
      Plugin(
        name: record.name, version: record.version, summary: "external: \(record.path)", commands: commands,
        origin: "external"))
    records[record.name] = record
  }

  /// Removes a plugin's commands from the session and stops its process.
  func unregister(_ name: String, from registry: CommandRegistry) {
    stop(name)
    registry.unregister(plugin: name)
    records[name] = nil
  }

  func checkClashes(_ record: PluginRecord, _ registry: CommandRegistry) throws {
    if let other = registry.plugins.first(where: { $0.name.lowercased() == record.name.lowercased() }) {
      throw KgshError(
        .plugin, "a plugin named \(record.name) is already loaded (\(other.origin))",
        hint: other.origin == "external" ? "plugin reload \(other.name) re-reads it" : "rename the plugin")
    }
    for command in record.commands {
      for name in [command.name] + (command.aliases ?? []) {
        guard let owner = registry.owner(of: name.lowercased()) else { continue }
        let kind = registry.plugins.first { $0.name == owner }?.origin ?? "user-defined"
        throw KgshError(
          .plugin,
          "plugin \(record.name): command '\(name)' clashes with the \(kind) command '\(name)' of \(owner)",
          hint: "rename the command in the plugin; built-in and added commands are never shadowed")
      }
    }
  }

  /// Adds the executables named `kgsh-plugin-*` in the discovery folder that are not yet
  /// recorded; problems are reported on the error output and the file is skipped.
  func discover(_ session: Session) {
    let fm = FileManager.default
    guard let files = try? fm.contentsOfDirectory(atPath: paths.discovery) else { return }
    let known = Set(records.values.map(\.path))
    for file in files.sorted() where file.hasPrefix("kgsh-plugin-") {
      let path = paths.discovery + "/" + file
      guard !known.contains(path), fm.isExecutableFile(atPath: path) else { continue }
      do {
        var record = try inspect(path: path, session: session)
        record.discovered = true
        try register(record, in: session.registry)
        var file = try PluginRegistryFile.load(paths.registry)
        file.plugins.append(record)
        try file.save(paths.registry)
      } catch {
        session.err.write("kgsh: \(path) not loaded: \(KgshError.describe(error))\n")
      }
    }
  }
}
