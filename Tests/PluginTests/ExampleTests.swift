import BuiltInPlugins
import ExternalPlugins
import Foundation
import KnowledgeGraph
import ShellCore
import ShellTesting
import XCTest

/// Every example of every command on the executable's own plugin list (plugin-host commands
/// included) runs through the real dispatcher on the default knowledge base, and its
/// structured result must equal its reviewed snapshot in Tests/Examples/.
final class ExampleTests: XCTestCase {
  func testEveryExampleGivesItsReviewedResult() throws {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-examples-\(getpid())")
    defer { try? FileManager.default.removeItem(at: home) }
    // Examples that write record an author: the same one on every machine.
    setenv("KGSH_AUTHOR", "example", 1)
    defer { unsetenv("KGSH_AUTHOR") }
    let store = try Repository.defaultStore()
    var counter = 0
    let harness = ExampleHarness(
      plugins: BuiltIns.plugins, snapshots: Repository.root.appendingPathComponent("Tests/Examples")
    ) {
      counter += 1
      let home = home.appendingPathComponent("\(counter)")
      // Each example gets a fresh copy of the default knowledge base, so writes do not leak.
      let t = try TestShell(plugins: BuiltIns.plugins, store: try store.copyInMemory())
      let host = PluginHost(
        paths: .init(dataDirectory: home.path + "/data", stateDirectory: home.path + "/state"),
        kgshVersion: "test")
      host.install(in: t.session, loadPlugins: false)
      return t
    }
    let outcomes = try harness.run()
    for outcome in outcomes where !outcome.problems.isEmpty {
      XCTFail("\(outcome.command): \(outcome.example): \(outcome.problems.joined(separator: "\n"))")
    }
    XCTAssertGreaterThan(outcomes.count, 60)
    // Every command on the list has at least one example.
    for plugin in BuiltIns.plugins {
      for command in plugin.commands {
        XCTAssertFalse(command.signature.examples.isEmpty, "\(command.signature.name) has no example")
      }
    }
  }
}
