import KnowledgeGraph
import ShellCore

/// `list [LABEL]`: entities, optionally of one label.
struct ListCommand: Command {
  static let label: Param<String?> = .optionalArgument("label", .label, "a node label")
  static let limit = Param.option("limit", .integer(min: 1), default: 1000, "at most N rows")

  let signature = Signature(
    "list", summary: "List entities, optionally of one label",
    parameters: [label.spec, limit.spec],
    examples: [
      Example("list Exchange", "the exchanges", expect: "Hong Kong Stock Exchange"),
      Example("list model --limit 3", "three models (the label's case is forgiven)"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let label = try call[Self.label].map(session.resolveLabel)
    let limit = call[Self.limit]
    let nodes = try session.store.nodes(label: label, limit: limit)
    // Counted only when the limit may have cut the list.
    let total = nodes.count < limit ? nodes.count : try session.store.nodeCount(label: label)
    return .table(
      Table(
        columns: ["name", "key", "labels"],
        rows: nodes.map { [.entity($0.ref), .string($0.key), FactText.labels($0)] },
        limitCut: total > nodes.count ? .of(total) : nil))
  }
}
