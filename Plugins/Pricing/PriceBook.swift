import Foundation
import KnowledgeGraph
import ShellCore

/// The price rows of a session: the built-in rows (loaded into the knowledge base from
/// Knowledge/reference/prices.tsv when it was built) plus the user rows (`import prices`).
enum PriceBook {
  /// Knowledge-base column names that differ from the prices.tsv header.
  static let columnNames = [
    "product_or_model": "product", "tier_or_variant": "tier", "input_per_1M": "input_per_1m",
    "cached_input_per_1M": "cached_input_per_1m", "output_per_1M": "output_per_1m", "quota_or_terms": "quota",
  ]

  /// The built-in rows, in the order of prices.tsv.
  static func builtIn(_ session: Session) throws -> [PriceRow] {
    try session.store.select("SELECT * FROM price_builtin ORDER BY seq").map { row in
      PriceRow(cell: { row.text(columnNames[$0] ?? $0) })
    }
  }

  /// Every row, built-in and user, including older observations of the same price id.
  static func history(_ session: Session) throws -> [PriceRow] {
    try builtIn(session) + session.store.priceRows().map(PriceRow.init(record:))
  }

  /// One row per price id: the latest observation (user rows win a tie), or with `asOf`
  /// the latest one observed on or before that date (undated rows are then left out).
  /// Built-in order first, then new user ids.
  static func rows(_ session: Session, asOf: String? = nil) throws -> [PriceRow] {
    try current(history(session), asOf: asOf)
  }

  static func current(_ all: [PriceRow], asOf: String?) -> [PriceRow] {
    var order: [String] = []
    var best: [String: PriceRow] = [:]
    let limit = asOf.map(PriceDate.end)
    for r in all {
      if let limit {
        guard let d = r.date, d <= limit else { continue }
      }
      guard let old = best[r.id] else {
        order.append(r.id)
        best[r.id] = r
        continue
      }
      let a = old.latestDate ?? ""
      let b = r.latestDate ?? ""
      if b > a || (b == a && r.isUser) { best[r.id] = r }
    }
    return order.compactMap { best[$0] }
  }

  /// The rows an item names, as of a date: an unknown name gets a did-you-mean; a known one
  /// without a price observed by the date says when its first price was observed.
  static func select(
    _ query: String, all: [PriceRow], asOf: String?, command: String
  ) throws -> [PriceRow] {
    let latest = try match(query, in: current(all, asOf: nil), command: command)
    guard let asOf else { return latest }
    let ids = Set(latest.map(\.id))
    let dated = current(all, asOf: asOf).filter { ids.contains($0.id) }
    if dated.isEmpty {
      let first = latest.compactMap(\.date).min()
      throw KgshError(
        .notFound, "\(command): no price for '\(query)' observed on or before \(asOf)",
        hint: first.map { "its first dated price is from \($0)" } ?? "its prices are undated")
    }
    return dated
  }

  /// Rows whose id, product or tier match `query` (case- and punctuation-insensitive):
  /// exact matches first, else rows containing it; throws with a did-you-mean otherwise.
  static func match(_ query: String, in rows: [PriceRow], command: String) throws -> [PriceRow] {
    let q = Names.normalize(query)
    let keys = matchKeys
    let exact = rows.filter { keys($0).contains(q) }
    if !exact.isEmpty { return exact }
    if q.count >= 3 {
      let partial = rows.filter { r in keys(r).dropFirst().contains { $0.contains(q) } }
      if !partial.isEmpty { return partial }
    }
    var names: [String] = []
    for r in rows {
      for n in [r.productBase, r.label] where !names.contains(n) { names.append(n) }
    }
    var near = Names.suggestions(for: query, among: names)
    if near.isEmpty {
      let byKey = Dictionary(names.map { (Names.normalize($0), $0) }, uniquingKeysWith: { a, _ in a })
      near = Names.suggestions(for: q, among: Array(byKey.keys)).compactMap { byKey[$0] }
    }
    throw KgshError(
      .notFound, "\(command): no price for '\(query)'",
      hint: near.first.map { "did you mean '\($0)'?" } ?? "see prices for the list of plans and models")
  }

  /// The normalized names a row answers to, its id first: product, model, tier and both joined.
  static func matchKeys(_ r: PriceRow) -> [String] {
    [
      r.id, r.product, r.productBase, r.tier, r.product + " " + r.tier, r.productBase + " " + r.tier,
      r.label,
    ]
    .map(Names.normalize)
  }

  /// `智谱`, `智譜編碼套餐`: a name the knowledge graph knows but no price row uses (neither
  /// as a product, model, tier nor vendor), as the entity's own name, which the rows use;
  /// any other item as typed.
  static func graphName(_ item: String, rows: [PriceRow], _ session: Session) -> String {
    if (try? match(item, in: rows, command: "")) != nil { return item }
    let v = Names.normalize(item)
    if v.isEmpty || rows.contains(where: { PricesCommand.vendor($0, contains: v) }) { return item }
    guard case .found(let node)? = try? session.store.resolve(item) else { return item }
    return node.name
  }

  /// Items typed without quotes joined back into the names they form: `compare Claude Code
  /// GLM Coding Plan` is ["Claude Code", "GLM Coding Plan"]. At each position the longest
  /// run of words that is exactly a known id, product or tier wins; other words stay apart.
  static func joinNames(_ items: [String], rows: [PriceRow]) -> [String] {
    var known: Set<String> = []
    for r in rows {
      for k in [
        r.product, r.productBase, r.tier, r.product + " " + r.tier, r.productBase + " " + r.tier, r.label,
      ] {
        known.insert(Names.normalize(k))
      }
    }
    // `GLM Coding Plan Lite vs Claude Pro`: the words between separators are one name each.
    let separators: Set<String> = ["vs", "vs.", "versus", "and", ",", "/"]
    if items.contains(where: { separators.contains($0.lowercased()) }) {
      return items.split { separators.contains($0.lowercased()) }.map { $0.joinedText(" ") }
    }
    var out: [String] = []
    var i = 0
    while i < items.count {
      var end = i + 1
      for j in stride(from: items.count, through: i + 2, by: -1)
      where known.contains(Names.normalize(items[i..<j].joinedText(" "))) {
        end = j
        break
      }
      out.append(items[i..<end].joinedText(" "))
      i = end
    }
    return out
  }
}
