import Foundation
import PluginProtocol
import ShellCore
import ShellTesting
import XCTest

@testable import ExternalPlugins

/// The plugin-host commands in a test shell: their examples are tests, run in order.
final class InProcessHostTests: XCTestCase {
  func testThePluginHostCommandsExamplesRunInOrder() throws {
    let news = Repository.root.appendingPathComponent("Plugins/Examples/python").path
    let data = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-host-\(UUID())").path
    let t = try TestShell(plugins: [ExternalPluginsPlugin.plugin], store: try Repository.defaultStore())
    PluginHost(paths: .init(dataDirectory: data, stateDirectory: data + "/state"), kgshVersion: "test")
      .install(in: t.session, loadPlugins: true)
    let saved = FileManager.default.currentDirectoryPath
    FileManager.default.changeCurrentDirectoryPath(news)
    defer { FileManager.default.changeCurrentDirectoryPath(saved) }
    var ran = 0
    for command in ExternalPluginsPlugin.plugin.commands {
      for example in command.signature.examples {
        XCTAssertTrue(t.run(example.command), "\(example.command): \(t.errors)")
        if let expect = example.expect {
          XCTAssertTrue(t.output.contains(expect), "\(example.command): \(t.output)")
        }
        ran += 1
      }
    }
    XCTAssertEqual(ran, 4)
    XCTAssertTrue(t.output.contains("added plugin news"), t.output)
    XCTAssertTrue(t.output.contains("removed plugin news"), t.output)
    XCTAssertNil(t.session.registry.command("news"), "remove takes the commands away")
    PluginHost.of(t.session)?.stopAll()
  }
}
