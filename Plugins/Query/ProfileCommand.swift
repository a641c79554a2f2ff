import GraphQuery
import ShellCore

/// `profile QUERY`: runs a Cypher query and shows how many rows each clause passed on.
struct ProfileCommand: Command {
  let signature = Signature(
    "profile",
    summary: "Run a Cypher query and count the rows each clause passes on",
    parameters: [Cypher.query.spec],
    help: """
      Runs the whole Cypher query (starting with MATCH, OPTIONAL MATCH, UNWIND, WITH, CALL or
      CREATE) and prints its result, then one line per clause with the rows that clause passed
      on to the next: where a query multiplies or filters its rows. explain shows the plan
      without running it. A query that writes is refused under --read-only, as with match.

      \(Cypher.mapping)
      """,
    examples: [
      Example(
        "profile match (i)-[:INVESTS_IN]->(c:Company) with c, count(i) as investors where investors > 3 return c.name, investors order by investors desc",
        "Companies with more than three investors, and where the rows went", expect: "WITH")
    ],
    takesRawText: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    try Cypher.run(call.rawText, session, profile: true)
  }

  func vocabulary(_ session: Session) -> [String] { CypherVocabulary.words }

  func isComplete(_ text: String) -> Bool {
    Cypher.isBlank(text) || Cypher.isComplete(text)
  }

  func writes(_ call: Call) -> Bool {
    (try? QueryEngine.writes(call.rawText)) ?? false
  }
}
