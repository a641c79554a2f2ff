import KnowledgeGraph
import ShellCore

/// `labels [LABEL]`: node labels with counts; with a label, the predicates its entities'
/// facts use (the label's "properties").
struct LabelsCommand: Command {
  static let label: Param<String?> = .optionalArgument(
    "label", .label, "the predicates of this label's facts, with how many of its entities have each")

  let signature = Signature(
    "labels", summary: "Node labels with how many entities carry each, or the predicates of one label",
    parameters: [label.spec],
    examples: [
      Example("labels", "Company, Person, Model ..."),
      Example("labels Exchange", "what is known about exchanges", expect: "listings"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let asked = call[Self.label] else {
      return .table(
        Table(
          columns: ["label", "count"],
          rows: try session.store.labelCounts().map { [.string($0.label), .int(Int64($0.count))] }))
    }
    let label = try session.resolveLabel(asked)
    let members = try session.store.nodeCount(label: label)
    var table = Table(
      columns: ["predicate", "entities", "facts"],
      rows: try session.store.predicateCounts(label: label).map {
        [.string($0.predicate), .int(Int64($0.entities)), .int(Int64($0.facts))]
      })
    table.notes = [
      table.rows.isEmpty
        ? "no facts about the \(members.counted("entity", plural: "entities")) labelled \(label)"
        : "of the \(members.counted("entity", plural: "entities")) labelled \(label); facts ENTITY --predicate P reads one"
    ]
    return .table(table)
  }
}
