import ShellCore

/// `find TEXT`: ranked search over names, aliases and quotes.
struct FindCommand: Command {
  let signature = Signature(
    "find", aliases: ["search"], summary: "Search entities by name, alias or quoted text",
    arguments: [
      Argument("text", "words to look for (Chinese works too)", completion: .entity, variadic: true)
    ],
    flags: [
      Flag("limit", "at most N results", kind: .int, default: "20"),
      Flag("prefix", "only names and aliases that start with the text, in name order (fast)", kind: .bool),
      Flag("count", "with --prefix: only count the entities", kind: .bool),
    ],
    examples: [
      Example("find GLM", "entities named like GLM", expect: "GLM"),
      Example("find zhi --prefix", "names starting with Zhi (case and script folded)", expect: "Zhipu AI"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let text = call.arguments.joined(separator: " ")
    let limit = call.int("limit") ?? 20
    guard limit >= 0 else { throw ShellError("find: --limit must not be negative") }
    if call.has("count") {
      guard call.has("prefix") else {
        throw ShellError(
          "find: --count needs --prefix", hint: "find \(text) --prefix --count, or find \(text) | count")
      }
      let total = try session.store.nodes(namePrefix: text, limit: 0).total
      return .table(Table(columns: ["count"], rows: [[.int(Int64(total))]]))
    }
    if call.has("prefix") {
      let (nodes, total) = try session.store.nodes(namePrefix: text, limit: limit)
      return .table(
        Table(
          columns: ["name", "key", "labels"],
          rows: nodes.map { [.entity($0.ref), .string($0.key), .string($0.labels.joined(separator: ","))] },
          notes: total == 0
            ? ["no name starts with '\(text)'"]
            : total > nodes.count ? [Table.limitNote(shown: nodes.count, of: total)] : []))
    }
    let hits = try session.store.search(text, limit: limit)
    return .table(
      Table(
        columns: ["name", "key", "labels", "matched", "score"],
        rows: hits.map { h in
          [
            .entity(h.node.ref), .string(h.node.key), .string(h.node.labels.joined(separator: ",")),
            .string(h.matched), .int(Int64(h.score)),
          ]
        },
        notes: hits.isEmpty ? ["no match for '\(text)'"] : []))
  }
}
