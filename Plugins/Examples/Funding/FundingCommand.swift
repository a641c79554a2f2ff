import KgshPluginKit
import PluginProtocol

/// `funding COMPANY [--min-investors N]`: the company's funding rounds, one row per round,
/// from the INVESTS_IN edges of the knowledge base: a typed `resolve` call, then SQL over the
/// `kg_edge_v1` and `kg_entity_v1` views with the company's key as a bound parameter.
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
    // SQL over the documented views only; the company's key is a bound parameter.
    let rows = try kgsh.query(
      """
      SELECT e.as_of AS date, json_extract(e.props, '$.round') AS round,
             json_extract(e.props, '$.amount') AS amount, json_extract(e.props, '$.currency') AS currency,
             group_concat(i.name, ', ') AS investors, count(*) AS n
      FROM kg_edge_v1 e JOIN kg_entity_v1 i ON i.key = e.src
      WHERE e.type = 'INVESTS_IN' AND e.dst = ?
      GROUP BY e.as_of, round ORDER BY e.as_of
      """, .string(company.key))
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
      notes: [
        "\(table.count) \(table.count == 1 ? "round" : "rounds") of \(company.name), from INVESTS_IN edges"
      ])
  }

  /// A money cell when the amount is a number with a currency, else the text as it is.
  private func amount(_ amount: WireValue?, _ currency: WireValue?) -> WireValue {
    if let currency = currency?.string, let amount, amount.text.allSatisfy(\.isNumber), !amount.text.isEmpty {
      return .object(["$type": "money", "amount": .string(amount.text), "currency": .string(currency)])
    }
    return amount ?? .null
  }
}
