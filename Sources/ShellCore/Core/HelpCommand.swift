/// `help [COMMAND]`: the commands grouped by plugin, or one command's full help.
struct HelpCommand: Command {
  let signature = Signature(
    "help", aliases: ["?"], summary: "List commands by plugin, or show one command's help",
    arguments: [Argument("command", "a command name", completion: .command, optional: true)],
    examples: [Example("help show", "how to use show", expect: "usage: show")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    if let name = call.argument(0) {
      guard let command = session.registry.command(name) else {
        throw ShellError.unknownCommand(name, suggestions: Names.suggestions(for: name, among: session.registry.allNames))
      }
      return .message(Help.text(for: command.signature))
    }
    var rows: [[Value]] = []
    for plugin in session.registry.plugins {
      for command in plugin.commands {
        rows.append([.string(plugin.name), .string(command.signature.name), .string(command.signature.summary)])
      }
    }
    for name in session.registry.names where !session.registry.plugins.contains(where: { p in
      p.commands.contains { $0.signature.name == name }
    }) {
      if let c = session.registry.command(name) {
        rows.append([.string(session.registry.owner(of: name) ?? "user"), .string(name), .string(c.signature.summary)])
      }
    }
    return .table(Table(columns: ["plugin", "command", "summary"], rows: rows, notes: ["help COMMAND shows its usage and examples"]))
  }
}
