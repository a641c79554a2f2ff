import KgshPluginKit
import PluginProtocol

/// `funding COMPANY [--min-investors N]`: the company's funding rounds, one row per round,
/// from the INVESTS_IN edges of the knowledge base (asked through kgsh's engine calls).
struct FundingCommand: Command {
  let signature = Signature(
    "funding", summary: "Summarise a company's funding rounds: date, round, amount, investors",
    arguments: [Argument("company", "a company (any name or alias)", completion: .entity)],
    flags: [
      Flag("min-investors", "only rounds with at least N investors", kind: "int", default: "1")
    ],
    help: "Rounds are grouped by date and round name; amounts keep their currency.",
    examples: [Example("funding 智谱", "Zhipu's rounds", expect: "angel")])

  func run(_ call: Call, _ kgsh: any Engine) throws -> Output {
    let company = try kgsh.resolve(call.argument(0) ?? "")
    let minimum = call.int("min-investors") ?? 1
    let key = company.key.replacingOccurrences(of: "'", with: "''")
    let rows = try kgsh.query(
      """
      SELECT e.as_of AS date, json_extract(e.props, '$.round') AS round,
             json_extract(e.props, '$.amount') AS amount, json_extract(e.props, '$.currency') AS currency,
             group_concat(s.name, ', ') AS investors, count(*) AS n
      FROM edge e JOIN edge_type t ON t.id = e.type JOIN node s ON s.id = e.src JOIN node d ON d.id = e.dst
      WHERE t.name = 'INVESTS_IN' AND d.key = '\(key)'
      GROUP BY e.as_of, round ORDER BY e.as_of
      """)
    var table: [[WireValue]] = []
    for row in rows.rows {
      guard case .int(let n)? = rows.value(row, "n"), n >= minimum else { continue }
      table.append([
        .object(["$type": "date", "value": rows.value(row, "date") ?? .null]),
        rows.value(row, "round") ?? .null,
        amount(rows.value(row, "amount"), rows.value(row, "currency")),
        rows.value(row, "investors") ?? .null,
      ])
    }
    guard !table.isEmpty else { return .message("no funding rounds recorded for \(company.name)") }
    return .table(
      ["date", "round", "amount", "investors"], table,
      notes: ["\(table.count) rounds of \(company.name), from INVESTS_IN edges"])
  }

  /// A money cell when the amount is a number with a currency, else the text as it is.
  private func amount(_ amount: WireValue?, _ currency: WireValue?) -> WireValue {
    if let currency = currency?.string, let amount, amount.text.allSatisfy(\.isNumber), !amount.text.isEmpty {
      return .object(["$type": "money", "amount": .string(amount.text), "currency": .string(currency)])
    }
    return amount ?? .null
  }
}
