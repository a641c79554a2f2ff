import KnowledgeGraph
import ShellCore

/// `plugin reload NAME`: restarts a plugin and records its commands again (after an update).
struct PluginReloadCommand: Command {
  static let name = Param<String>.argument("name", .text, "the plugin's name (see plugin list)")
    .completing(.plugin)
  let signature = Signature(
    "plugin reload", summary: "Restart a third-party plugin and re-read its commands",
    parameters: [name.spec],
    examples: [
      Example(
        "plugin add Plugins/Examples/python/kgsh-plugin-news; plugin reload news",
        "after updating the news plugin")
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let host = PluginHost.of(session) else {
      throw KgshError(
        .unsupported, "plugins are not available in this session", hint: "run kgsh itself to use plugins")
    }
    let name = call[Self.name]
    var file = try PluginRegistryFile.load(host.paths.registry)
    guard let index = file.plugins.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else {
      throw KgshError.notFound(
        "plugin", name, suggestions: Names.suggestions(for: name, among: file.plugins.map(\.name)),
        hint: "plugin list shows the added plugins")
    }
    let old = file.plugins[index]
    var record =
      try old.mcp.map { try host.inspectMCP(path: old.path, arguments: $0.arguments, name: old.name, session: session) }
      ?? host.inspect(path: old.path, session: session)
    record.discovered = old.discovered
    guard record.name == old.name else {
      throw KgshError(
        .plugin, "the program at \(old.path) now calls itself \(record.name), not \(old.name)",
        hint: "plugin remove \(old.name), then plugin add \(old.path)")
    }
    host.unregister(old.name, from: session.registry)
    do {
      try host.register(record, in: session.registry)
    } catch {
      try? host.register(old, in: session.registry)
      throw error
    }
    file.plugins[index] = record
    try file.save(host.paths.registry)
    return .message(
      "reloaded plugin \(record.name) \(record.version): "
        + record.commands.map(\.name).joinedText(", "))
  }
}
