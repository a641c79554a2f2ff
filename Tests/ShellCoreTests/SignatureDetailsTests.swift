import Synchronization
import XCTest

@testable import ShellCore

/// A signature makes its parameters and examples at their first read, once, and a start
/// that registers a command reads only its names (`Signature`, `SignatureDetails`).
final class SignatureDetailsTests: XCTestCase {
  /// How many times a signature's parameters were made.
  final class Made: Sendable {
    let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func parameters() -> [ParameterSpec] {
      count.withLock { $0 += 1 }
      return [
        Param<String>.argument("entity", .entity, "a name").spec, Param.toggle("all", "every one").spec,
      ]
    }
  }

  struct Counted: Command {
    let signature: Signature
    init(_ name: String, _ made: Made) {
      signature = Signature(
        name, aliases: [name + "-alias"], summary: "reports \(name)", parameters: made.parameters(),
        examples: [Example(name + " x", "one example")])
    }
    func run(_ call: Call, _ session: Session) throws -> Output { .message(signature.name) }
  }

  func testParametersAreMadeAtTheFirstReadOnceForEveryCopy() {
    let made = Made()
    let signature = Counted("show", made).signature
    XCTAssertEqual(signature.name, "show")
    XCTAssertEqual(signature.aliases, ["show-alias"])
    XCTAssertEqual(made.value, 0, "made before anything asked for them")
    XCTAssertEqual(signature.parameters.map(\.name), ["entity", "all"])
    XCTAssertEqual(signature.usage, "show ENTITY [--all]")
    let copy = signature
    XCTAssertEqual(copy.examples.map(\.command), ["show x"])
    XCTAssertEqual(copy.parameter("all")?.isToggle, true)
    XCTAssertEqual(made.value, 1, "made again")
  }

  func testChangingACopyLeavesTheOriginal() {
    let made = Made()
    let original = Counted("find", made).signature
    var changed = original
    changed.parameters = []
    changed.examples.append(Example("find y", "another"))
    XCTAssertEqual(changed.parameters.count, 0)
    XCTAssertEqual(changed.examples.map(\.command), ["find x", "find y"])
    XCTAssertEqual(original.parameters.map(\.name), ["entity", "all"])
    XCTAssertEqual(original.examples.map(\.command), ["find x"])
  }

  func testRegisteringAPluginReadsOnlyNames() throws {
    let made = Made()
    let registry = CommandRegistry()
    try registry.register(
      Plugin(name: "p", summary: "p", commands: [Counted("show", made), Counted("entity add", made)]))
    XCTAssertEqual(registry.command("show-alias")?.signature.name, "show")
    XCTAssertEqual(registry.resolve("entity", "add")?.command.signature.name, "entity add")
    XCTAssertEqual(made.value, 0, "registering made a command's parameters")
  }
}
