import ShellCore

/// `find TEXT`: ranked search over names, aliases and quotes.
struct FindCommand: Command {
  let signature = Signature(
    "find", aliases: ["search"], summary: "Search entities by name, alias or quoted text",
    arguments: [Argument("text", "words to look for (Chinese works too)", completion: .entity, variadic: true)],
    flags: [Flag("limit", "at most N results", kind: .int, default: "20")],
    examples: [Example("find GLM", "entities named like GLM", expect: "GLM")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let text = call.arguments.joined(separator: " ")
    let limit = call.int("limit") ?? 20
    guard limit >= 0 else { throw ShellError("find: --limit must not be negative") }
    let hits = try session.store.search(text, limit: limit)
    return .table(Table(
      columns: ["name", "key", "labels", "matched", "score"],
      rows: hits.map { h in
        [.entity(h.node.ref), .string(h.node.key), .string(h.node.labels.joined(separator: ",")), .string(h.matched), .int(Int64(h.score))]
      },
      notes: hits.isEmpty ? ["no match for '\(text)'"] : []))
  }
}
