import GraphQuery
import KnowledgeGraph
import ShellCore

/// `explain QUERY`: the plan of a Cypher query, without running it.
struct ExplainCommand: Command {
  let signature = Signature(
    "explain",
    summary: "Show how a Cypher query would run, without running it",
    parameters: [Cypher.query.spec],
    help: """
      Shows the plan of a whole Cypher query (starting with MATCH, OPTIONAL MATCH, UNWIND,
      WITH or CREATE), one line per step: where matching starts (label scan, name/key index
      lookup or all nodes), expansions along relationships and filters, with estimated row
      counts. Nothing is run and nothing is written.

      \(Cypher.mapping)
      """,
    examples: [
      Example(
        "explain match (i)-[:INVESTS_IN]->(c:Company) where c.name = 'Zhipu AI' return i.name",
        "Plan of an investor query", expect: "expand"),
      Example("explain match (p:Person)-[:FOUNDED]->(c) return p.name, c.name", "Plan of a founders query"),
    ],
    takesRawText: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let engine = QueryEngine(store: session.store)
    do {
      return .message(try engine.explain(call.rawText, parameters: Cypher.parameters(session)))
    } catch let error as KgshError {
      throw Cypher.shellError(error)
    }
  }

  func vocabulary(_ session: Session) -> [String] { CypherVocabulary.words }

  func isComplete(_ text: String) -> Bool {
    Cypher.isBlank(text) || Cypher.isComplete(text)
  }
}
