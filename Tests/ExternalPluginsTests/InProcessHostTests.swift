import Foundation
import PluginProtocol
import ShellCore
import ShellTesting
import XCTest

@testable import ExternalPlugins

/// The plugin-host commands in a test shell, one after another (their examples are checked
/// one by one against snapshots by ExampleTests).
final class InProcessHostTests: XCTestCase {
  func testAddReloadRemoveInOneSession() throws {
    let news = Repository.root.appendingPathComponent("Plugins/Examples/python/kgsh-plugin-news").path
    let data = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-host-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: data) }
    let t = try TestShell(plugins: [ExternalPluginsPlugin.plugin], store: try Repository.defaultStore())
    PluginHost(paths: .init(dataDirectory: data, stateDirectory: data + "/state"), kgshVersion: "test")
      .install(in: t.session, loadPlugins: true)
    XCTAssertTrue(t.run("plugin add \(news)"), t.errors)
    XCTAssertTrue(t.output.contains("added plugin news"), t.output)
    XCTAssertNotNil(t.session.registry.command("news"), "add registers the commands")
    XCTAssertTrue(t.run("plugin reload news"), t.errors)
    XCTAssertNotNil(t.session.registry.command("news"), "reload keeps them")
    XCTAssertTrue(t.run("plugin remove news"), t.errors)
    XCTAssertTrue(t.output.contains("removed plugin news"), t.output)
    XCTAssertNil(t.session.registry.command("news"), "remove takes the commands away")
    XCTAssertFalse(t.run("plugin remove news"))
    XCTAssertTrue(t.errors.contains("no plugin named 'news'"), t.errors)
    PluginHost.of(t.session)?.stopAll()
  }
}
