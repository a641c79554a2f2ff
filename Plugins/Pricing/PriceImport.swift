import Foundation
import KnowledgeGraph
import ShellCore

/// Checks the records of a price file and sorts them into added, changed, unchanged and
/// rejected (with the reason), against the rows the session already has.
enum PriceImport {
  struct Outcome {
    enum Result: String { case added, changed, unchanged, rejected }
    var line: Int
    var id: String
    var result: Result
    var detail: String
    var record: PriceRecord?
  }

  static let moneyColumns = ["input_per_1M", "cached_input_per_1M", "output_per_1M", "flat_price"]
  static let statuses = ["verified", "secondary", "derived", "unverified"]

  /// One outcome per record, in file order. For a catalogue `snapshot`, a row whose values
  /// equal the current row's at another date is unchanged (re-importing a catalogue adds
  /// rows only for the prices that changed).
  static func check(_ file: PriceFile, source: String, existing: [PriceRow], snapshot: Bool = false)
    -> [Outcome]
  {
    let byId = Dictionary(grouping: existing, by: \.id)
    var seen: [String: Int] = [:]
    var outcomes: [Outcome] = []
    for rec in file.records {
      let id = rec.cells["price_id"] ?? ""
      do {
        // A row exactly as export prices wrote it is unchanged, even when the built-in row it
        // came from carries a description where import asks for a date (`2025 (GLM-4.6 era)`).
        let asExported = rec.problem == nil && byId[id]?.contains { exported($0, is: rec) } == true
        let record = asExported ? nil : try validate(rec, source: source)
        let asOf = record?.asOf ?? rec.cells["as_of"] ?? ""
        if let first = seen[id + "\u{0}" + asOf] {
          throw KgshError(
            .invalidValue, "duplicate row: price_id \(id) as of \(asOf) is already on line \(first)")
        }
        seen[id + "\u{0}" + asOf] = rec.line
        guard let record else {
          outcomes.append(Outcome(line: rec.line, id: id, result: .unchanged, detail: "", record: nil))
          continue
        }
        outcomes.append(classify(record, line: rec.line, existing: byId[record.id] ?? [], snapshot: snapshot))
      } catch {
        outcomes.append(
          Outcome(line: rec.line, id: id, result: .rejected, detail: KgshError.describe(error)))
      }
    }
    return outcomes
  }

  /// Whether a file's record is `row` as export prices writes it: every column the same.
  static func exported(_ row: PriceRow, is rec: PriceFile.Record) -> Bool {
    zip(PriceRow.columns, row.cells).allSatisfy { column, cell in (rec.cells[column] ?? "") == cell }
  }

  /// The record as a stored row, or a KgshError saying what is wrong with it.
  static func validate(_ rec: PriceFile.Record, source: String) throws -> PriceRecord {
    if let problem = rec.problem { throw KgshError(.invalidValue, problem) }
    let cell = { (name: String) in rec.cells[name] ?? "" }
    let missing = PriceFile.required.filter { cell($0).isEmpty }
    if !missing.isEmpty { throw KgshError(.invalidValue, "missing \(missing.joinedText(", "))") }
    let category = try self.category(cell("category"))
    let currency = cell("currency")
    guard Currencies.codes.contains(currency) else {
      let near = Currencies.suggestion(currency.uppercased())
      throw KgshError(
        .invalidValue, "unknown currency code '\(currency)'",
        hint: near.map { "did you mean \($0)?" } ?? "use one of \(Currencies.codes.joinedText(" "))")
    }
    guard let asOf = Dates.valid(cell("as_of")) else {
      throw KgshError(
        .invalidValue, "bad date '\(cell("as_of"))' in as_of", hint: "use YYYY-MM-DD, YYYY-MM or YYYY")
    }
    var prices: [String: String] = [:]
    for column in moneyColumns where !cell(column).isEmpty {
      let text = cell(column)
      guard let value = Money.parse(text) else {
        throw KgshError(.invalidValue, "\(column) is not a plain decimal: '\(text)'", hint: "write e.g. 0.60")
      }
      guard value >= 0 else { throw KgshError(.invalidValue, "negative price in \(column): \(text)") }
      prices[column] = text
    }
    if category == "subscription" && prices["flat_price"] == nil {
      throw KgshError(.invalidValue, "missing flat_price (a subscription needs its price)")
    }
    if category == "api_per_token" && (prices["input_per_1M"] == nil || prices["output_per_1M"] == nil) {
      throw KgshError(.invalidValue, "missing input_per_1M or output_per_1M (an API row needs both)")
    }
    let status = try self.status(cell("status"))
    var r = PriceRecord(
      id: cell("price_id"), asOf: asOf, category: category, product: cell("product_or_model"),
      currency: currency, source: cell("source").isEmpty ? source : cell("source"), status: status)
    r.vendor = cell("vendor")
    r.tier = cell("tier_or_variant")
    r.soldOn = cell("sold_on")
    r.billing = cell("billing")
    r.input = prices["input_per_1M"]
    r.cachedInput = prices["cached_input_per_1M"]
    r.output = prices["output_per_1M"]
    r.flat = prices["flat_price"]
    r.quota = cell("quota_or_terms")
    r.sellerType = cell("seller_type")
    r.note = cell("note")
    r.importedFrom = source
    return r
  }

  static func category(_ text: String) throws -> String {
    switch text.lowercased() {
    case "subscription", "plan": return "subscription"
    case "api_per_token", "api": return "api_per_token"
    default:
      throw KgshError(
        .invalidValue, "category must be subscription (plan) or api_per_token (api), not '\(text)'")
    }
  }

  /// "verified", "secondary (2 sources)", ...; empty means unverified.
  static func status(_ text: String) throws -> String {
    if text.isEmpty { return "unverified" }
    let word = String(text.lowercased().prefix { $0.isLetter })
    guard statuses.contains(word) else {
      throw KgshError(
        .invalidValue, "status must start with verified, secondary, derived or unverified, not '\(text)'")
    }
    return text
  }

  /// Added (a new price id), changed (a known id with other values) or unchanged. A row for
  /// a known id takes the descriptive cells it leaves empty (vendor, tier, billing, seller
  /// type, ...) from the current row, so a file of new prices need not repeat them.
  static func classify(_ new: PriceRecord, line: Int, existing: [PriceRow], snapshot: Bool = false) -> Outcome
  {
    var r = new
    let same = existing.filter { $0.id == r.id }
    guard let old = PriceBook.current(same, asOf: nil).first else {
      return Outcome(line: line, id: r.id, result: .added, detail: describe(r), record: r)
    }
    let o = old.record
    for path in [\PriceRecord.vendor, \.tier, \.soldOn, \.billing, \.quota, \.sellerType, \.note]
    where r[keyPath: path].isEmpty {
      r[keyPath: path] = o[keyPath: path]
    }
    var undated = o
    undated.asOf = r.asOf
    if same.contains(where: { $0.record.sameValues(as: r) }) || (snapshot && undated.sameValues(as: r)) {
      return Outcome(line: line, id: r.id, result: .unchanged, detail: "", record: r)
    }
    let what = old.asOf == r.asOf ? "corrects" : "new observation after"
    return Outcome(
      line: line, id: r.id, result: .changed,
      detail: "\(describe(r)) (\(what) \(describe(old)) as of \(old.asOf))", record: r)
  }

  static func describe(_ r: PriceRecord) -> String { describe(PriceRow(record: r)) }

  /// "GLM-4.5 US$0.50 in / US$2 out per 1M", "Claude Pro US$20/month".
  static func describe(_ r: PriceRow) -> String {
    if r.isPlan { return "\(r.label) " + (r.flat.map { Money.format($0, r.currency) } ?? r.flatText) }
    let i = r.input.map { Money.format($0, r.currency, scale: 4) } ?? r.inputText
    let o = r.output.map { Money.format($0, r.currency, scale: 4) } ?? r.outputText
    return "\(r.label) \(i) in / \(o) out per 1M"
  }
}
