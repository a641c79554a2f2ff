import ShellCore

/// Prices of coding plans and API models, exchange rates and the article's price claims.
public enum PricingPlugin {
  public static let plugin = Plugin(
    name: "pricing", version: "1.1.0",
    summary: "Compare plan and API prices with exact money, dated exchange rates and the article's claims",
    commands: [
      PricesCommand(), CompareCommand(), CostCommand(), CheckClaimCommand(), FXCommand(), FXSetCommand(),
      ImportPricesCommand(), ExportPricesCommand(),
    ], storage: PricingStorage.storeExtension)
}
