import KnowledgeGraph

/// `help [COMMAND]`: the commands grouped by plugin, or one command's full help.
struct HelpCommand: Command {
  static let command: Param<String?> = .optionalArgument(
    "command", .command, "a command name, or a topic: cypher, json, variables, settings, scripts"
  ).completing(.dynamic(words))
  /// The completion provider of help's first word: commands and topics.
  static let words = "help-words"
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
        if let (target, lead) = Self.topics[name.lowercased()],
          let (command, _) = registry.resolve(target, nil)
        {
          let width = session.width ?? Help.defaultWidth
          return .message(
            Help.wrap(lead + "; this is help \(target):", width: width, indent: 0).joinedText("\n") + "\n\n"
              + Help.text(for: command.signature, width: width))
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

  /// Tab after `help`: the commands' first words, then the topics, each once.
  static func completions(_ session: Session, _ prefix: String) -> [String] {
    let commands = session.registry.firstWords
    let covered = topics.filter { session.registry.resolve($0.value.0, nil) != nil }.keys
    return commands + covered.sorted().filter { !commands.contains($0) }
  }

  /// Words people ask help about that are not commands, with the command whose help covers
  /// them and a sentence that says so.
  static let topics: [String: (String, String)] = {
    let cypher = (
      "match",
      "Cypher queries are commands named by the query's first keyword (match, optional, unwind, with, "
        + "return, merge, call, create, explain, profile); the language and its functions are described once"
    )
    let formats = (
      "format", "format sets how every command's output prints; --format F sets it for one command"
    )
    var topics: [String: (String, String)] = [:]
    for word in ["cypher", "query", "queries", "functions", "function", "opencypher"] {
      topics[word] = cypher
    }
    for word in ["json", "jsonl", "csv", "tsv", "markdown", "formats", "output-format"] {
      topics[word] = formats
    }
    topics["variables"] = ("let", "variables are set with let and read as $NAME, in commands and in Cypher")
    topics["settings"] = ("set", "settings are shown and changed with set")
    topics["scripts"] = (
      "source", "a script is a file of commands: kgsh FILE runs it, source FILE runs it here"
    )
    return topics
  }()

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
