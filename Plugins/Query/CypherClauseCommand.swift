import GraphQuery
import ShellCore

/// A Cypher query typed as Cypher writes it: the command word is the query's first keyword
/// (`match`, `optional`, `unwind`, `with`, `return`, `merge`, `call`) and the rest of the
/// statement follows it, over several lines if need be. `create` has a command of its own
/// (flags that say where its nodes come from); `explain` and `profile` take a whole query.
///
/// ```swift
/// CypherClauseCommand("unwind", summary: "...", examples: [...])  // unwind [1, 2] as x return x
/// ```
struct CypherClauseCommand: Command {
  /// The keyword the query starts with, as typed before the rest (`OPTIONAL` for `optional`).
  let keyword: String
  let signature: Signature

  init(_ word: String, summary: String, about: String = "", examples: [Example]) {
    keyword = word.uppercased()
    let first = word == "optional" ? "OPTIONAL MATCH" : keyword
    signature = Signature(
      word, summary: summary, parameters: [Cypher.query.spec],
      help: """
        Runs a Cypher query that starts with \(first): the command word is the query's first
        keyword and the rest of the statement (several lines are fine) follows it. \(about)The
        result is a table with one column per RETURN item; it can be piped and formatted like any
        other table (a --format option goes at the very end of the query).

        \(Cypher.mapping)
        """,
      examples: examples, takesRawText: true)
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    try Cypher.run(keyword + " " + call.rawText, session, prefix: keyword.count + 1)
  }

  func vocabulary(_ session: Session) -> [String] { CypherVocabulary.words }

  func isComplete(_ text: String) -> Bool {
    Cypher.isBlank(text) || Cypher.isComplete(keyword + " " + text)
  }

  /// A query with CREATE, MERGE, SET, REMOVE or DELETE writes; a reading one does not (and
  /// runs under --read-only).
  func writes(_ call: Call) -> Bool {
    (try? QueryEngine.writes(keyword + " " + call.rawText)) ?? false
  }
}
