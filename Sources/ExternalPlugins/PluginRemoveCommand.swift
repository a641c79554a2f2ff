import KnowledgeGraph
import ShellCore

/// `plugin remove NAME`: forgets a plugin: its commands go away, its process is stopped.
struct PluginRemoveCommand: Command {
  static let name = Param<String>.argument("name", .text, "the plugin's name (see plugin list)")
    .completing(.plugin)
  let signature = Signature(
    "plugin remove", summary: "Remove a third-party plugin and its commands",
    parameters: [name.spec],
    examples: [
      Example(
        "plugin add Plugins/Examples/python/kgsh-plugin-news; plugin remove news; plugin list",
        "remove the news plugin")
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let host = PluginHost.of(session) else {
      throw KgshError(
        .unsupported, "plugins are not available in this session", hint: "run kgsh itself to use plugins")
    }
    let name = call[Self.name]
    var file = try PluginRegistryFile.load(host.paths.registry)
    guard let record = file.record(named: name) else {
      let near = Names.suggestions(for: name, among: file.plugins.map(\.name))
      throw KgshError.notFound("plugin", name, suggestions: near, hint: "plugin list shows the added plugins")
    }
    file.plugins.removeAll { $0.name == record.name }
    try file.save(host.paths.registry)
    host.unregister(record.name, from: session.registry)
    var text =
      "removed plugin \(record.name) (commands: \(record.commands.map(\.name).joinedText(", ")))"
    if record.discovered == true {
      text += "; delete \(record.path) too, or it is found again at the next start"
    }
    return .message(text)
  }
}
