import GraphQuery
import KnowledgeGraph
import ShellCore

/// `create PATTERN`: adds nodes and relationships to the user's layer of the knowledge base.
struct CreateCommand: Command {
  let signature = Signature(
    "create",
    summary: "Add nodes and relationships with a Cypher CREATE",
    parameters: [Cypher.query.spec],
    help: """
      Runs a Cypher query that starts with CREATE; the rest of the statement is the query.
      Each node and relationship it creates is a record of the change log (who and when).
      Flags before the pattern: --source ID (and --quote TEXT) record where it comes from;
      --new allows a node whose name already names an entity (refused otherwise, since two
      entities with one name make every lookup ambiguous: use fact add or link instead).
      Everything is written in one transaction once the query has run without error. Without
      RETURN it prints what it created ("created 2 nodes, 1 relationship"); with RETURN it
      prints the table, with the counts underneath. Refused when the knowledge base is open
      read-only.

      \(Cypher.mapping)
      """,
    examples: [
      Example(
        "create (:Company {name: 'Acme AI'})-[:INVESTS_IN]->(:Company {name: 'Beta Labs'})",
        "Two companies and an investment"),
      Example(
        "create (m:Model {name: 'Acme-1'}) return m.name", "A node, returned as a table"),
    ],
    takesRawText: true, writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let (context, query) = try Self.flags(call.rawText, session)
    // The flags before the pattern are not part of the query: positions skip them.
    let skipped = call.rawText.count - query.count
    return try Cypher.run("CREATE " + query, session, writes: context, prefix: "CREATE ".count - skipped)
  }

  /// The flags written before the pattern (`--new`, `--source ID`, `--quote TEXT`) and the rest.
  static func flags(_ text: String, _ session: Session) throws -> (QueryWriteContext, String) {
    var context = QueryWriteContext(allowExistingNames: false)
    var rest = Substring(text).drop { $0 == " " }
    while rest.hasPrefix("--") {
      let flag = rest.prefix { $0 != " " }
      rest = rest.dropFirst(flag.count).drop { $0 == " " }
      if flag == "--new" {
        context.allowExistingNames = true
        continue
      }
      guard flag == "--source" || flag == "--quote" else {
        throw KgshError(
          .usage, "create: unknown flag \(flag)", hint: "before the pattern: --new, --source ID, --quote TEXT"
        )
      }
      let value: Substring
      if let q = rest.first, q == "'" || q == "\"", let end = rest.dropFirst().firstIndex(of: q) {
        value = rest[rest.index(after: rest.startIndex)..<end]
        rest = rest[rest.index(after: end)...].drop { $0 == " " }
      } else {
        value = rest.prefix { $0 != " " }
        rest = rest.dropFirst(value.count).drop { $0 == " " }
      }
      guard !value.isEmpty else {
        throw KgshError(
          .usage, "create: \(flag) needs a value", hint: "e.g. create \(flag) article (:Company {...})")
      }
      if flag == "--source" {
        guard try session.store.source(key: String(value)) != nil else {
          throw KgshError(
            .notFound, "create: no source \(value)", hint: "add it first: source add \(value) --title '...'")
        }
        context.source = String(value)
      } else {
        context.quote = String(value)
      }
    }
    return (context, String(rest))
  }

  func vocabulary(_ session: Session) -> [String] { CypherVocabulary.words }

  func isComplete(_ text: String) -> Bool {
    Cypher.isBlank(text) || Cypher.isComplete("CREATE " + text)
  }
}
