import KnowledgeGraph
import ShellCore

/// `list [LABEL]`: entities, optionally of one label.
struct ListCommand: Command {
  let signature = Signature(
    "list", summary: "List entities, optionally of one label",
    arguments: [Argument("label", "a node label", completion: .label, optional: true)],
    flags: [Flag("limit", "at most N rows", kind: .int, default: "1000")],
    examples: [Example("list Exchange", "the exchanges", expect: "Hong Kong")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var label = call.argument(0)
    if let l = label {
      let known = try session.store.labelNames()
      guard let match = known.first(where: { $0.lowercased() == l.lowercased() }) else {
        throw ShellError(
          "no label '\(l)'",
          hint: Names.suggestions(for: l, among: known).first.map { "did you mean '\($0)'?" }
            ?? "type labels to see them")
      }
      label = match
    }
    let limit = call.int("limit") ?? 1000
    let nodes = try session.store.nodes(label: label, limit: max(0, limit))
    return .table(
      Table(
        columns: ["name", "key", "labels"],
        rows: nodes.map { [.entity($0.ref), .string($0.key), .string($0.labels.joined(separator: ","))] }))
  }
}
