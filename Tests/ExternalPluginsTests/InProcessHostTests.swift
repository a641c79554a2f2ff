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

  /// What is wrong with a path that is no plugin: missing, a folder, not executable.
  func testAPathThatIsNoPluginSaysWhy() throws {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-host-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: data) }
    try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    let t = try TestShell(plugins: [ExternalPluginsPlugin.plugin], store: try Repository.defaultStore())
    PluginHost(paths: .init(dataDirectory: data, stateDirectory: data + "/state"), kgshVersion: "test")
      .install(in: t.session, loadPlugins: false)
    _ = FileManager.default.createFile(atPath: data + "/plain.txt", contents: Data("x".utf8))
    for (path, message) in [
      (data + "/missing", "plugin add: no file \(data)/missing; give the path of the plugin's executable"),
      (data, "plugin add: \(data) is a folder; give the path of the plugin's executable in it"),
      (data + "/plain.txt", "plugin add: \(data)/plain.txt is not executable; chmod +x \(data)/plain.txt"),
    ] {
      XCTAssertFalse(t.run("plugin add \(path)"), path)
      XCTAssertTrue(t.errors.contains(message), t.errors)
    }
  }
}
