import Foundation
import KnowledgeGraph
import ShellCore

/// The items of a `compare` with vendors' names read as what they sell: `compare 智谱 'Claude Pro'`
/// sets Zhipu AI's only plan beside Claude Pro; `compare anthropic zhipu` sets each vendor's
/// plans side by side, the cheapest of each in the summary.
struct CompareVendors {
  /// The items to price: as typed, or a vendor's only product of the kind.
  private(set) var items: [String]
  /// What was read for each vendor, for the table's notes.
  private(set) var notes: [String] = []
  /// The items a vendor stands for: its folded name, to match the rows' vendors (Groq's Kimi
  /// K2, not Moonshot AI's).
  private var vendorOf: [Int: String] = [:]
  private let kind: String?

  /// - Throws: when a vendor sells nothing of the other items' kind, or the vendors share no kind.
  init(_ items: [String], latest: [PriceRow]) throws {
    self.items = items
    var sold: [(index: Int, rows: [PriceRow])] = []
    for i in items.indices {
      if let rows = Self.sold(items[i], latest) { sold.append((i, rows)) }
    }
    // The kind of the first item that is a plan or model ("plan" or "api").
    var kind = items.indices.lazy.filter { i in !sold.contains { $0.index == i } }.compactMap {
      try? PriceBook.match(items[$0], in: latest, command: "compare").first?.kind
    }.first { _ in true }
    if kind == nil, !sold.isEmpty {
      // An item that is neither a vendor nor a product says so first.
      for i in items.indices where !sold.contains(where: { $0.index == i }) {
        _ = try PriceBook.match(items[i], in: latest, command: "compare")
      }
      kind = try Self.sharedKind(items, sold, &notes)
    }
    self.kind = kind
    guard let kind else { return }
    for (i, rows) in sold {
      let products = Self.products(rows.filter { $0.kind == kind })
      let what = kind == "plan" ? "plan" : "API model"
      let seller = Self.vendors(rows.filter { $0.kind == kind }) ?? Self.vendors(rows) ?? items[i]
      guard !products.isEmpty else {
        throw KgshError(
          .invalidValue, "compare: \(Shell.quoteIfNeeded(items[i])) (\(seller)) sells no \(what)s",
          hint: "compare plans with plans and API models with API models; "
            + "prices \(Shell.quoteIfNeeded(items[i])) lists what it sells")
      }
      vendorOf[i] = Names.normalize(items[i])
      if products.count == 1 {
        self.items[i] = products[0]
        let vendor = rows.first { $0.productBase == products[0] }?.vendor ?? seller
        notes.append("\(items[i]): read as \(vendor)'s only \(what), \(products[0])")
      } else {
        notes.append(
          "\(items[i]): the \(products.count) \(what)s \(seller) \(seller.contains(",") ? "sell" : "sells") "
            + "(\(products.joinedText(", "))); the summary takes the cheapest")
      }
    }
  }

  /// Whether item `i` stands for a vendor's products (its rows are then priced product by
  /// product, and the cheapest is its summary price).
  func standsForProducts(_ i: Int) -> Bool { vendorOf[i] != nil }

  /// The price rows of item `i`, as of `asOf`.
  func rows(_ i: Int, all: [PriceRow], asOf: String?) throws -> [PriceRow] {
    guard let vendor = vendorOf[i] else {
      return try PriceBook.select(items[i], all: all, asOf: asOf, command: "compare")
    }
    let rows = PriceBook.current(all, asOf: asOf).filter {
      $0.kind == kind && Names.normalize($0.vendor).contains(vendor)
    }
    if rows.isEmpty, let asOf {
      throw KgshError(
        .notFound, "compare: no price for '\(items[i])' observed on or before \(asOf)",
        hint: "leave out --as-of, or give a later date")
    }
    return rows
  }

  /// The latest rows a vendor sells, when `item` names a vendor or seller and no plan or
  /// model (`deepseek` names DeepSeek's models, so it is not read as a vendor).
  static func sold(_ item: String, _ latest: [PriceRow]) -> [PriceRow]? {
    let q = Names.normalize(item)
    guard !q.isEmpty, !latest.contains(where: { PriceBook.matchKeys($0).contains(q) }) else { return nil }
    let sold = latest.filter { Names.normalize($0.vendor).contains(q) }
    guard !sold.isEmpty else { return nil }
    // `anthropic` partly matches only a reseller's row (its tier anthropic/claude-sonnet-4).
    if let matched = try? PriceBook.match(item, in: latest, command: "compare"),
      matched.contains(where: { Names.normalize($0.vendor).contains(q) })
    {
      return nil
    }
    return sold
  }

  /// The kind every vendor sells when all the items are vendors: plans when they all sell
  /// plans (a note names models to compare when they all sell those too), else API models.
  private static func sharedKind(
    _ items: [String], _ sold: [(index: Int, rows: [PriceRow])], _ notes: inout [String]
  ) throws -> String {
    let shared = ["plan", "api"].filter { k in sold.allSatisfy { $0.rows.contains { $0.kind == k } } }
    guard let kind = shared.first else {
      let what = sold.map { s in
        "\(Shell.quoteIfNeeded(items[s.index])) sells \(s.rows.contains(where: \.isPlan) ? "plans" : "API models")"
      }
      throw KgshError(
        .invalidValue, "compare: \(what.joinedText(" and ")), so there is nothing of one kind to compare",
        hint: "compare plans with plans and API models with API models; prices VENDOR lists what each sells")
    }
    if shared.count == 2 {
      let models = sold.compactMap { s in products(s.rows.filter { !$0.isPlan }).first }
      notes.append(
        "\(sold.map { items[$0.index] }.joinedText(", ")): their plans are compared; for API models name one of each, "
          + "e.g. compare \(models.map(Shell.quoteIfNeeded).joinedText(" "))")
    }
    return kind
  }

  /// The products of some rows, each once, in the rows' order.
  static func products(_ rows: [PriceRow]) -> [String] {
    var names: [String] = []
    for r in rows where !names.contains(r.productBase) { names.append(r.productBase) }
    return names
  }

  /// The vendors of some rows, sorted; nil when there are no rows.
  private static func vendors(_ rows: [PriceRow]) -> String? {
    rows.isEmpty ? nil : Array(Set(rows.map(\.vendor))).sorted().joinedText(", ")
  }
}
