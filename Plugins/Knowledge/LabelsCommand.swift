import KnowledgeGraph
import ShellCore

/// `labels`: node labels with counts.
struct LabelsCommand: Command {
  let signature = Signature(
    "labels", summary: "Node labels with how many entities carry each", parameters: [],
    examples: [Example("labels", "Company, Person, Model ...")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    .table(
      Table(
        columns: ["label", "count"],
        rows: try session.store.labelCounts().map { [.string($0.label), .int(Int64($0.count))] }))
  }
}
