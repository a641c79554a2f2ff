import KnowledgeGraph

/// `help [COMMAND]`: the commands grouped by plugin, or one command's full help.
struct HelpCommand: Command {
  static let command: Param<String?> = .optionalArgument("command", .command, "a command name")
  static let subcommand: Param<String?> = .optionalArgument(
    "subcommand", .text, "a subcommand, as in help import prices")
  let signature = Signature(
    "help", aliases: ["?"], summary: "List commands by plugin, or show one command's help",
    parameters: [command.spec, subcommand.spec],
    examples: [Example("help show", "how to use show", expect: "usage: show")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    if let name = call[Self.command] {
      let registry = session.registry
      let sub = call[Self.subcommand]
      guard let (command, consumed) = registry.resolve(name, sub) else {
        if let text = Self.group(name, registry, width: session.width ?? Help.defaultWidth) {
          return .message(text)
        }
        throw KgshError.unknownCommand(
          name, suggestions: Names.suggestions(for: name, among: registry.firstWords))
      }
      if consumed == 1, let sub {
        throw KgshError(
          .notFound, "\(name) has no subcommand '\(sub)'",
          hint: registry.subcommands(of: name).isEmpty
            ? "help \(name)" : "one of \(registry.subcommands(of: name).joinedText(", "))")
      }
      var text = Help.text(for: command.signature, width: session.width ?? Help.defaultWidth)
      let subcommands = consumed == 1 ? registry.subcommands(of: name) : []
      if !subcommands.isEmpty {
        let list = "subcommands: " + subcommands.map { "\(name) \($0)" }.joinedText(", ")
        text +=
          "\n\n"
          + Help.wrap(list, width: session.width ?? Help.defaultWidth, indent: 2).joinedText("\n")
      }
      return .message(text)
    }
    return .message(Help.overview(session.registry, width: session.width ?? Help.defaultWidth))
  }

  /// `help fact` (and `fact --help`): a group's subcommands, each with its summary, laid out
  /// as help's list of commands; nil when `name` has none.
  static func group(_ name: String, _ registry: CommandRegistry, width: Int = Help.defaultWidth) -> String? {
    let subcommands = registry.subcommands(of: name)
    guard !subcommands.isEmpty else { return nil }
    var lines = ["\(name) has the subcommands:"]
    for sub in subcommands {
      let summary = registry.resolve(name, sub).map { $0.0.signature.summary } ?? ""
      lines += Help.entry("\(name) \(sub)", summary, width: max(width, 40))
    }
    lines.append("help \(name) \(subcommands[0]) shows one of them")
    return lines.joinedText("\n")
  }

}
