import Foundation
import ShellTesting
import XCTest

/// The official MCP Python SDK (`mcp` from PyPI) in a virtual environment under
/// `.build-venv/mcp` (git ignores it), created on first use.
enum PythonMCP {
  static let venv = Repository.root.appendingPathComponent(".build-venv/mcp")
  static var python: String { venv.appendingPathComponent("bin/python").path }
  static let folder = Repository.root.appendingPathComponent("Tests/MCP")

  /// The venv's python with `mcp` importable; skips the test, saying why, when pip cannot
  /// install it (no network, no PyPI).
  static func ready() throws -> String {
    if run(python, ["-c", "import mcp"]).status == 0 { return python }
    let created = run("/usr/bin/env", ["python3", "-m", "venv", venv.path])
    guard created.status == 0 else {
      throw XCTSkip("cannot create a Python venv: \(created.output.suffix(300))")
    }
    let installed = run(python, ["-m", "pip", "install", "--quiet", "mcp"])
    guard installed.status == 0, run(python, ["-c", "import mcp"]).status == 0 else {
      throw XCTSkip("pip could not install the MCP Python SDK: \(installed.output.suffix(300))")
    }
    return python
  }

  /// Runs a program to its end; its stdout and stderr together.
  static func run(
    _ program: String, _ arguments: [String], environment: [String: String]? = nil, cwd: URL? = nil
  ) -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let cwd { process.currentDirectoryURL = cwd }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return (-1, "\(error)") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}

/// `kgsh mcp` driven by the official Python MCP client (Tests/MCP/kgsh_mcp_client.py).
final class MCPEndToEndTests: XCTestCase {
  override func setUpWithError() throws { try PluginFixtures.skipUnlessReady() }

  /// Builds the default knowledge base into `home` once, as a first `kgsh` run would.
  func homeWithKnowledgeBase() throws -> URL {
    let home = KgshProcess.temporaryHome()
    let built = try KgshProcess.run(["-c", "stats"], home: home)
    XCTAssertEqual(built.status, 0, built.stderr)
    return home
  }

  func testThePythonClientListsAndCallsEveryToolAndTheServerSurvivesBadCalls() throws {
    let python = try PythonMCP.ready()
    let home = try homeWithKnowledgeBase()
    let env = KgshProcess.environment(home: home)
    let r = PythonMCP.run(
      python, [PythonMCP.folder.appendingPathComponent("kgsh_mcp_client.py").path, Repository.kgsh.path],
      environment: env)
    let lines = r.output.split(separator: "\n").map(String.init)
    let failures = lines.filter { $0.hasPrefix("FAIL ") }
    XCTAssertEqual(failures, [], r.output)
    XCTAssertEqual(r.status, 0, r.output)
    XCTAssertTrue(lines.contains("DONE"), r.output)
    for check in [
      "PASS initialize", "PASS tools-listed", "PASS valid-show", "PASS valid-match", "PASS valid-check-claim",
      "PASS invalid-show", "PASS invalid-match", "PASS refused-write", "PASS refused-write-left-nothing",
      "PASS truncated-result", "PASS ten-concurrent-calls", "PASS still-answering", "PASS schema-counts",
    ] {
      XCTAssertTrue(lines.contains(check), "missing \(check) in\n\(r.output)")
    }
  }

  func testWritesAreServedOnlyWithAllowWritesAndRecordTheClientAsAuthor() throws {
    let python = try PythonMCP.ready()
    let home = KgshProcess.temporaryHome()
    let db = home.appendingPathComponent("kb.sqlite").path
    let made = try KgshProcess.run(["--db", db, "-c", "stats"], home: home)
    XCTAssertEqual(made.status, 0, made.stderr)
    let script = """
      import asyncio, sys
      from mcp import ClientSession, StdioServerParameters
      from mcp.client.stdio import stdio_client
      from mcp import Implementation
      async def main():
          p = StdioServerParameters(command=sys.argv[1], args=["mcp", "--db", sys.argv[2], "--allow-writes"])
          async with stdio_client(p) as (r, w):
              async with ClientSession(r, w, client_info=Implementation(name="e2e-assistant", version="1")) as s:
                  await s.initialize()
                  names = {t.name for t in (await s.list_tools()).tools}
                  print("HAS fact_add" if "fact_add" in names else "NO fact_add")
                  a = await s.call_tool("entity_add", {"key": "mcp-co", "name": "MCP Co", "label": ["Company"]})
                  print("ENTITY", a.is_error, a.content[0].text.splitlines()[0])
                  b = await s.call_tool("fact_add", {"entity": "mcp-co", "predicate": "founded", "value": "2026"})
                  print("UNSOURCED", b.is_error, b.content[0].text)
      asyncio.run(main())
      """
    let file = home.appendingPathComponent("writes.py")
    try script.write(to: file, atomically: true, encoding: .utf8)
    let r = PythonMCP.run(
      python, [file.path, Repository.kgsh.path, db], environment: KgshProcess.environment(home: home))
    XCTAssertEqual(r.status, 0, r.output)
    XCTAssertTrue(r.output.contains("HAS fact_add"), r.output)
    XCTAssertTrue(r.output.contains("ENTITY False"), r.output)
    XCTAssertTrue(r.output.contains("UNSOURCED True fact add: --source is required"), r.output)
    let log = try KgshProcess.run(
      ["--db", db, "--format", "csv", "-c", "sql select author from change_log where entity = 'mcp-co'"],
      home: home)
    XCTAssertEqual(log.status, 0, log.stderr)
    XCTAssertTrue(log.stdout.contains("e2e-assistant"), log.stdout)
  }

  func testOnlyProtocolMessagesReachStdout() throws {
    let home = try homeWithKnowledgeBase()
    let requests = [
      #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}"#,
      #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
      #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"show","arguments":{"entity":"Zhipu"}}}"#,
      #"this is not JSON"#,
      #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"show","arguments":{"entity":42.5}}}"#,
      #"{"jsonrpc":"2.0","id":4,"method":"tools/list"}"#,
    ]
    let r = try KgshProcess.run(
      ["mcp"], input: Data((requests.joined(separator: "\n") + "\n").utf8), home: home, timeout: 60)
    XCTAssertEqual(r.status, 0, r.stderr)
    let lines = r.stdout.split(separator: "\n")
    XCTAssertGreaterThanOrEqual(lines.count, 4, r.stdout)
    for line in lines {
      let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      XCTAssertEqual(object?["jsonrpc"] as? String, "2.0", "not a JSON-RPC message on stdout: \(line)")
    }
    XCTAssertTrue(r.stdout.contains(#""id":4"#) || r.stdout.contains(#""id" : 4"#), r.stdout)
  }

  func testKgshMcpExplainsAMissingServerProgramAndContradictoryOptions() throws {
    let folder = KgshProcess.temporaryHome()
    let lone = folder.appendingPathComponent("kgsh")
    try FileManager.default.copyItem(at: Repository.kgsh, to: lone)
    let missing = try KgshProcess.run(["mcp"], input: nil, executable: lone.path)
    XCTAssertEqual(missing.status, 1)
    XCTAssertTrue(missing.stderr.contains("kgsh mcp needs the program kgsh-mcp beside kgsh"), missing.stderr)
    XCTAssertEqual(missing.stderr.split(separator: "\n").count, 1, missing.stderr)
    let both = try KgshProcess.run(["mcp", "--read-only", "--allow-writes"])
    XCTAssertNotEqual(both.status, 0)
    XCTAssertTrue(both.stderr.contains("--read-only and --allow-writes contradict each other"), both.stderr)
    XCTAssertEqual(both.stdout, "")
    let team = try KgshProcess.run(["mcp", "--read-only", "--team", "postgresql://ada@localhost/team"])
    XCTAssertNotEqual(team.status, 0)
    XCTAssertTrue(team.stderr.contains("--read-only cannot keep up with a team"), team.stderr)
  }
}
