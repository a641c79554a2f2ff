import Foundation
import ShellTesting
import XCTest

/// An MCP server (Tests/MCP/demo_mcp_server.py, written with the official Python SDK) added
/// with `plugin add --mcp`: its tools as typed commands in pipelines, and its failures
/// confined to the command that met them.
final class MCPPluginTests: XCTestCase {
  override func setUpWithError() throws { try PluginFixtures.skipUnlessReady() }

  /// A home where the demo server is added as the plugin `demo`.
  func homeWithDemo() throws -> URL {
    let python = try PythonMCP.ready()
    let server = PythonMCP.folder.appendingPathComponent("demo_mcp_server.py").path
    let home = KgshProcess.temporaryHome()
    let r = try KgshProcess.run(["-c", "plugin add --mcp -- \(python) \(server)"], home: home)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("added plugin demo"), r.stdout)
    XCTAssertTrue(r.stdout.contains("demo rows"), r.stdout)
    return home
  }

  func testToolsBecomeTypedCommandsThatTakePartInPipelines() throws {
    let home = try homeWithDemo()
    let script = home.appendingPathComponent("demo.kgsh")
    try """
    demo rows --count 12 | where n > 5 | count --format csv
    demo rows --count 3 --prefix item --format csv
    demo greet --name Ada --excited
    demo kind --colour blue --weight 2.5
    help demo greet
    plugin list | select plugin protocol status
    """.write(to: script, atomically: true, encoding: .utf8)
    let r = try KgshProcess.run([script.path], home: home)
    XCTAssertEqual(r.status, 0, r.stderr)
    let lines = r.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    XCTAssertEqual(Array(lines.prefix(2)), ["count", "7"], r.stdout)
    XCTAssertTrue(r.stdout.contains("name,n,even\nitem-1,1,false\nitem-2,2,true\nitem-3,3,false"), r.stdout)
    XCTAssertTrue(r.stdout.contains("Hello, Ada!"), r.stdout)
    XCTAssertTrue(r.stdout.contains("length") && r.stdout.contains("11"), r.stdout)
    XCTAssertFalse(r.stdout.contains(#""greeting":"#), "a record, not JSON text: \(r.stdout)")
    XCTAssertTrue(r.stdout.contains("blue weighs 2.5"), r.stdout)
    XCTAssertTrue(r.stdout.contains("usage: demo greet [--name NAME] [--excited] [--times N]"), r.stdout)
    XCTAssertTrue(r.stdout.contains("Greet someone"), r.stdout)
    XCTAssertTrue(r.stdout.contains("mcp 2025-06-18"), r.stdout)
  }

  func testBadFlagsAndToolErrorsAreOneLineEach() throws {
    let home = try homeWithDemo()
    let cases: [(String, String)] = [
      ("demo greet", "demo greet: --name is required"),
      ("demo rows --count many", "--count"),
      ("demo kind --weight heavy", "demo kind: --weight takes a number, not 'heavy'"),
      ("demo fail --reason 'out of coffee'", "out of coffee"),
      ("demo rows --colour red", "unknown flag"),
    ]
    for (command, expected) in cases {
      let r = try KgshProcess.run(["-c", command], home: home)
      XCTAssertEqual(r.status, 1, command)
      XCTAssertTrue(r.stderr.contains(expected), "\(command): \(r.stderr)")
      XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "\(command): \(r.stderr)")
    }
  }

  func testACrashAHangAndGarbageFailOnlyTheirCommand() throws {
    let home = try homeWithDemo()
    let script = home.appendingPathComponent("broken.kgsh")
    try """
    set plugin-timeout 3
    demo crash
    demo rows --count 2 | count
    demo hang
    demo rows --count 3 | count
    demo garbage
    demo rows --count 4 | count
    """.write(to: script, atomically: true, encoding: .utf8)
    let r = try KgshProcess.run(
      [script.path, "--continue-on-error", "--format", "csv"], input: nil, home: home, timeout: 120)
    XCTAssertFalse(r.timedOut)
    XCTAssertEqual(r.status, 1, r.stderr)
    XCTAssertEqual(
      r.stdout.split(separator: "\n").map(String.init),
      ["plugin-timeout: 3", "count", "2", "count", "3", "count", "4"], r.stdout)
    let errors = r.stderr.split(separator: "\n").map(String.init)
    XCTAssertEqual(errors.count, 3, r.stderr)
    XCTAssertTrue(errors[0].contains("plugin demo exited with status 3 while running 'crash'"), r.stderr)
    XCTAssertTrue(errors[1].contains("plugin demo did not answer within 3 s while running 'hang'"), r.stderr)
    XCTAssertTrue(errors[2].contains("plugin demo wrote invalid JSON while running 'garbage'"), r.stderr)
  }
}
