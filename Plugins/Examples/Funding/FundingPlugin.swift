import KgshPluginKit

/// An example third-party plugin in Swift: `swift build` makes `kgsh-plugin-funding`;
/// `plugin add .build/debug/kgsh-plugin-funding` adds it to kgsh.
@main
struct FundingPlugin: Plugin {
  static let name = "funding"
  static let version = "1.0.0"
  static let commands: [any Command] = [FundingCommand()]
}
