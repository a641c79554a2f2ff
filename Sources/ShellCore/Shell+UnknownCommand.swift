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

  /// Loops in other shells: kgsh hands a whole list to one command instead.
  static let noLoops =
    "kgsh scripts have no loops: a list is one word per item (compare $rows.name takes every name at once), "
    + "and Cypher's UNWIND walks a list in a query"

  /// What withdraws each kind of thing (nothing is deleted: the history keeps it).
  static let removeHint =
    "entity retract ENTITY --reason R withdraws an entity, fact retract FACT a fact, unlink EDGE a relation, "
    + "alias remove a name, prices remove a price row; each stays in the history"
  static let correctHint =
    "fact correct FACT VALUE --source SOURCE corrects a fact (facts ENTITY lists their ids); "
    + "entity correct ENTITY --name N / --description D an entity's own name or description"

  /// `fact delete F0001`: a group's word that is not one of its subcommands, with the one
  /// it may have meant (`retract`) or the list.
  static func unknownSubcommand(_ group: String, _ word: String, among subcommands: [String]) -> KgshError {
    let meant =
      subcommandSynonyms[word.lowercased(), default: []].first(where: subcommands.contains)
      ?? Names.suggestions(for: word, among: subcommands).first
    let hint =
      meant.map { "did you mean \(group) \($0)? help \(group) \($0)" }
      ?? "one of \(subcommands.joinedText(", ")); help \(group) \(subcommands[0])"
    return KgshError(.usage, "\(group) has no subcommand '\(word)'", hint: hint)
  }

  /// Other tools' verbs for what a subcommand does.
  static let subcommandSynonyms: [String: [String]] = [
    "delete": ["retract", "remove"], "remove": ["retract"], "rm": ["retract", "remove"],
    "del": ["retract", "remove"],
    "drop": ["retract", "remove"], "withdraw": ["retract"], "update": ["correct"], "edit": ["correct"],
    "change": ["correct"], "fix": ["correct"], "new": ["add"], "create": ["add"], "insert": ["add"],
    "ls": ["list"], "show": ["list"],
  ]

  /// First words of cypher-shell, Cypher, sqlite3, Nushell and Unix pipelines that kgsh does
  /// differently.
  static let otherToolsWords: [String: String] = [
    "load": "LOAD CSV is Cypher's; kgsh loads CSV and TSV files with import NODES [EDGES] (help import)",
    "use": "USE is Cypher's; open another knowledge base with kgsh --db FILE",
    "drop": "kgsh keeps its own indexes and constraints; there is nothing to drop",
    ":param": "set a parameter with let NAME = VALUE; match reads it as $NAME",
    ":params": "params lists the variables a query reads as $NAME", ":help": "help lists the commands",
    ":exit": "quit leaves (or Ctrl-D)", ":schema": "labels and relations list what the graph holds",
    ".tables":
      "sql .tables lists the tables and views with their columns; labels and relations list what the graph holds",
    ".schema": "sql .schema [NAME] shows how the tables and views are made",
    ".quit": "quit leaves (or Ctrl-D)",
    ".exit": "quit leaves (or Ctrl-D)", ":q": "quit leaves (or Ctrl-D)", ":quit": "quit leaves (or Ctrl-D)",
    "log": "history ENTITY lists an entity's changes; history --changes every change; team log the team's",
    "changelog": "history ENTITY lists an entity's changes; history --changes every change",
    "delete": removeHint, "remove": removeHint, "rm": removeHint, "del": removeHint,
    "update": correctHint, "edit": correctHint, "set-name": correctHint,
    "rename": "entity correct ENTITY --name NEW renames an entity (the old name stays an alias)",
    "mv": "entity correct ENTITY --name NEW renames an entity (the old name stays an alias)",
    "revert": "undo takes back the last change of this session; history --changes lists older ones",
    "rollback": "undo takes back the last change of this session; history --changes lists older ones",
    "version": "kgsh --version prints the version", "clear": "Ctrl-L clears the screen",
    "man": "help COMMAND shows a command's usage, options and examples",
    "h": "help lists the commands; history lists the statements run",
    "info": "show ENTITY is an entity's card; stats counts what the knowledge base holds",
    "cat": "source FILE runs a script; import FILE loads a CSV or TSV file",
    "for": noLoops, "foreach": noLoops, "each": noLoops, "while": noLoops,
    "if":
      "kgsh scripts have no if: assert A OP B stops a script when it does not hold; where COLUMN OP VALUE keeps the rows that match",
    "get": "select COLUMN keeps a column; after let t = COMMAND | first 1, $t.COLUMN is its value",
    "length": "count counts a table's rows", "wc": "count counts a table's rows",
    "sort-by": "sort COLUMN [desc] sorts a table by a column",
    "reverse": "sort COLUMN desc sorts by a column the other way",
    "last": "sort COLUMN desc | first N keeps the last N rows in COLUMN's order",
    "tail": "sort COLUMN desc | first N keeps the last N rows in COLUMN's order",
    "limit": "first N keeps a table's first N rows (LIMIT N ends a match query)",
    "skip": "a pipeline keeps rows with where and first; a match query skips rows with SKIP N",
    "grep":
      "where COLUMN contains TEXT keeps the rows whose COLUMN contains TEXT; find TEXT searches names and facts",
    "filter": "where COLUMN OP VALUE keeps the rows that match, e.g. where count > 10",
    "distinct":
      "uniq COLUMN... lists the distinct values (of whole rows, with no column) with how many rows have each",
    "group-by":
      "uniq COLUMN... counts the rows of each value (or combination of values); a match query groups with RETURN key, count(*)",
    "to":
      "--format json|jsonl|csv|tsv|markdown writes a command's output so; save FILE.json writes it to a file",
    "to-json": "--format json writes a command's output as JSON; save FILE.json writes it to a file",
    "jq": "kgsh -c 'COMMAND --format json' | jq reads kgsh's JSON in jq",
    "describe": "labels LABEL lists a label's predicates; help sql lists the tables and their columns",
    "desc": "labels LABEL lists a label's predicates; help sql lists the tables and their columns",
    "ls": "list shows entities (list LABEL those of one label); labels lists the labels",
    "open": "kgsh --db FILE opens another knowledge base; import FILE loads a CSV or TSV file",
  ]
}
