import KnowledgeGraph
import ShellCore

/// `prices remove ID [--as-of DATE] [--reason TEXT]`: withdraws user price rows (imported
/// or added); each removal is a record of the change log, so history and undo see it.
struct PricesRemoveCommand: Command {
  static let id = Param<String>.argument("id", .text, "the price id of a user row (the id column of prices)")
  static let asOf: Param<String?> = .option("as-of", .date, "only the row observed on this date")
  static let reason = Param.option("reason", .text, default: "removed by the user", "why it is removed")
  let signature = Signature(
    "prices remove", summary: "Remove user price rows (recorded in the change log; undo brings them back)",
    parameters: [id.spec, asOf.spec, reason.spec],
    help: """
      Removes every dated row of the price id, or only the one of --as-of. Built-in rows come \
      from Knowledge/reference/prices.tsv and are not removed here: correct that file instead.
      """,
    examples: [
      Example(
        "import prices shell-scripts/data/pricing-example.csv; prices remove U001",
        "import the example rows, then remove one of them")
    ],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let id = call[Self.id]
    var rows = try session.store.priceRows().filter { $0.id == id }
    if let asOf = call[Self.asOf] { rows = rows.filter { $0.asOf == asOf } }
    guard !rows.isEmpty else {
      if try PriceBook.builtIn(session).contains(where: { $0.id == id }) {
        throw KgshError(
          .invalidValue, "prices remove: \(id) is a built-in row",
          hint: "built-in prices come from Knowledge/reference/prices.tsv; correct them there")
      }
      throw KgshError(
        .notFound, "prices remove: no user price row \(id)\(call[Self.asOf].map { " as of \($0)" } ?? "")",
        hint: "prices lists the ids; user rows are the ones import prices added")
    }
    let reason = call[Self.reason]
    try session.store.write { w in
      for r in rows {
        try w.record(
          ChangeDraft(
            kind: .retract, targetType: .price, target: r.id + "@" + r.asOf,
            payload: .map(["reason": .string(reason)])))
      }
    }
    return .table(
      Table(
        columns: ["removed", "as_of", "product", "source"],
        rows: rows.map { [.string($0.id), .date($0.asOf), .string($0.product), .string($0.source)] },
        notes: ["undo brings \(rows.count == 1 ? "it" : "them") back"]))
  }
}
