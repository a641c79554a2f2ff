import ShellCore

/// `relations`: edge types with counts.
struct RelationsCommand: Command {
  let signature = Signature(
    "relations", aliases: ["types"], summary: "Relation (edge) types with counts",
    examples: [Example("relations", "INVESTS_IN, LISTED_ON ...", expect: "LISTED_ON")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    .table(Table(columns: ["type", "count"], rows: try session.store.edgeTypeCounts().map { [.string($0.type), .int(Int64($0.count))] }))
  }
}
