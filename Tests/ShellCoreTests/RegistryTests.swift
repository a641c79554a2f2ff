import XCTest

@testable import ShellCore

/// A plugin's commands are found by name and alias; a plugin whose name or alias is taken
/// is refused whole, and the commands already registered stay.
final class RegistryTests: XCTestCase {
  struct Aliased: Command {
    let signature: Signature
    init(_ name: String, aliases: [String]) {
      signature = Signature(name, aliases: aliases, summary: "reports \(name)")
    }
    func run(_ call: Call, _ session: Session) throws -> Output { .message(signature.name) }
  }

  func testNamesAndAliasesResolveAndAClashRefusesTheWholePlugin() throws {
    let registry = CommandRegistry()
    try registry.register(
      Plugin(
        name: "first", summary: "f",
        commands: [Aliased("neighbors", aliases: ["nb"]), Aliased("path", aliases: [])]))
    XCTAssertEqual(registry.command("nb")?.signature.name, "neighbors")
    XCTAssertEqual(registry.command("PATH")?.signature.name, "path")
    let second = Plugin(
      name: "second", summary: "s",
      commands: [Aliased("walk", aliases: []), Aliased("route", aliases: ["path"])])
    XCTAssertThrowsError(try registry.register(second)) { error in
      XCTAssertEqual(
        "\(error)".contains("command 'path' of plugin second clashes with plugin first"), true, "\(error)")
    }
    XCTAssertNil(registry.command("walk"), "nothing of a refused plugin is registered")
    XCTAssertEqual(registry.command("path")?.signature.name, "path")
    XCTAssertEqual(registry.plugins.map(\.name), ["first"])
  }

  /// Only a first word that starts a two-word name is tried with the next word; the groups
  /// follow plugins that come and go.
  func testTwoWordNamesResolveOnlyUnderTheirGroup() throws {
    let registry = CommandRegistry()
    try registry.register(
      Plugin(
        name: "a", summary: "a",
        commands: [
          Aliased("import", aliases: []), Aliased("show", aliases: []), Aliased("entity add", aliases: []),
        ]))
    XCTAssertEqual(registry.resolve("entity", "ADD")?.command.signature.name, "entity add")
    XCTAssertEqual(registry.resolve("Entity", "add")?.consumed, 2)
    XCTAssertEqual(registry.resolve("show", "add")?.consumed, 1, "show is no group")
    XCTAssertEqual(registry.resolve("import", "prices")?.command.signature.name, "import")
    try registry.register(Plugin(name: "b", summary: "b", commands: [Aliased("import prices", aliases: [])]))
    XCTAssertEqual(registry.resolve("import", "prices")?.command.signature.name, "import prices")
    XCTAssertEqual(registry.resolve("import", "--help")?.consumed, 1)
    registry.unregister(plugin: "b")
    XCTAssertEqual(registry.resolve("import", "prices")?.command.signature.name, "import")
  }
}
