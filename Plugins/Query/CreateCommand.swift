import GraphQuery
import ShellCore

/// `create PATTERN`: adds nodes and relationships to the user's layer of the knowledge base.
struct CreateCommand: Command {
  let signature = Signature(
    "create",
    summary: "Add nodes and relationships with a Cypher CREATE",
    parameters: [Cypher.query.spec],
    help: """
      Runs a Cypher query that starts with CREATE; the rest of the statement is the query.
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
    try Cypher.run("CREATE " + call.rawText, session)
  }

  func isComplete(_ text: String) -> Bool {
    Cypher.isBlank(text) || Cypher.isComplete("CREATE " + text)
  }
}
