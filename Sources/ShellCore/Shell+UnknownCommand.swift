import KnowledgeGraph

extension Shell {
  /// "unknown command", suggesting only names a user could have meant (never `.`).
  static func unknownCommand(_ word: Word, _ name: String, among names: [String]) -> KgshError {
    if !word.quoted && word.source.hasPrefix("\\") {
      return KgshError(
        .usage, "unknown command '\(word.source)'",
        hint: "kgsh commands have no backslash: quit leaves, help lists commands")
    }
    if !word.quoted, let instead = otherToolsWords[name.lowercased()] {
      return KgshError(.usage, "unknown command '\(name)'", hint: instead)
    }
    let words = names.filter { $0.contains(where: \.isLetter) }
    return KgshError.unknownCommand(name, suggestions: Names.suggestions(for: name, among: words))
  }

  /// First words of cypher-shell, Cypher and sqlite3 that kgsh does differently.
  static let otherToolsWords: [String: String] = [
    "load": "LOAD CSV is Cypher's; kgsh loads CSV and TSV files with import NODES [EDGES] (help import)",
    "use": "USE is Cypher's; open another knowledge base with kgsh --db FILE",
    "drop": "kgsh keeps its own indexes and constraints; there is nothing to drop",
    ":param": "set a parameter with let NAME = VALUE; match reads it as $NAME",
    ":params": "params lists the variables a query reads as $NAME", ":help": "help lists the commands",
    ":exit": "quit leaves (or Ctrl-D)", ":schema": "labels and relations list what the graph holds",
    ".tables": "help sql lists the tables; sql runs a read-only query",
    ".schema": "help sql lists the tables and their columns", ".quit": "quit leaves (or Ctrl-D)",
    ".exit": "quit leaves (or Ctrl-D)",
  ]
}
