import KnowledgeGraph
import ShellCore

/// Prices of coding plans and API models, exchange rates and the article's price claims.
public enum PricingPlugin {
  public static let plugin = Plugin(
    name: "pricing", version: "1.1.0",
    summary: "Compare plan and API prices with exact money, dated exchange rates and the article's claims",
    commands: [
      PricesCommand(), CompareCommand(), CostCommand(), CheckClaimCommand(), FXCommand(), FXSetCommand(),
      FXConvertCommand(),
      ImportPricesCommand(), ExportPricesCommand(), PricesRemoveCommand(),
    ],
    setUp: { session in
      session.completionProviders[PricingPlugin.itemNames] = PricingPlugin.items
      session.seeAlso["pricing"] = PricingPlugin.seeAlso
    },
    storage: PricingStorage.storeExtension)

  /// The completion values of `compare` and `cost` items: plan and model names.
  static let itemNames = "price-items"

  /// Plan, model and vendor names starting with `prefix` ("GLM Coding Plan Lite", "Claude
  /// Sonnet 4", "Anthropic"), and price ids when the prefix looks like one.
  static func items(_ session: Session, _ prefix: String) -> [String] {
    guard let rows = try? PriceBook.rows(session) else { return [] }
    var names: [String] = []
    var seen = Set<String>()
    for r in rows {
      for n in [r.label, r.productBase, r.vendor]
      where !n.isEmpty && seen.insert(n.lowercased()).inserted { names.append(n) }
    }
    names.sort { $0.lowercased() < $1.lowercased() }
    if prefix.first == "P" || prefix.first == "p", prefix.dropFirst().first?.isNumber == true {
      names += rows.map(\.id)
    }
    return names
  }

  /// For a card: the commands that show a plan's or model's prices, when it has some (a
  /// model with no price row gets none: `prices --model` would only say so).
  static func seeAlso(_ session: Session, _ node: Node) -> [(command: String, shows: String)] {
    guard node.labels.contains(where: ["Plan", "Model", "Product"].contains),
      let all = try? PriceBook.history(session),
      let rows = try? PriceBook.select(node.name, all: all, asOf: nil, command: "prices"), !rows.isEmpty
    else { return [] }
    let name = Shell.quoteIfNeeded(node.name)
    return [
      ("prices --model \(name)", "its list prices, dated and sourced"),
      ("compare \(name) OTHER", "side by side with another plan or model"),
    ]
  }
}
