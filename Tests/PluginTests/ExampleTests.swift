import GraphPlugin
import GraphQuery
import KnowledgePlugin
import PricingPlugin
import QueryPlugin
import ScriptingPlugin
import ShellCore
import ShellTesting
import XCTest

/// Every command's examples run through the real dispatcher on the default knowledge base,
/// so help can never drift from behaviour.
final class ExampleTests: XCTestCase {
  static let plugins: [Plugin] = [
    KnowledgePlugin.plugin, GraphPlugin.plugin, QueryPlugin.plugin, PricingPlugin.plugin, ScriptingPlugin.plugin,
  ]

  func testEveryExampleRunsAndShowsWhatItPromises() throws {
    var ran = 0
    for plugin in [CorePlugin.plugin] + Self.plugins {
      for command in plugin.commands {
        for example in command.signature.examples where !example.command.hasPrefix("quit") {
          let t = try TestShell(plugins: Self.plugins, store: try Repository.defaultStore())
          XCTAssertTrue(t.run(example.command), "\(example.command): \(t.errors)")
          if let expect = example.expect {
            XCTAssertTrue(
              t.output.contains(expect), "\(example.command) should print '\(expect)':\n\(t.output)")
          }
          ran += 1
        }
      }
    }
    XCTAssertGreaterThan(ran, 10)
  }
}
