import Foundation
import ShellTesting
import XCTest

/// The plugin data API through a real plugin process: typed calls and SQL over the views for
/// a protocol 1.1 plugin, the old calls (with one deprecation warning) for a 1.0 plugin.
final class PluginDataAPITests: XCTestCase {
  override func setUpWithError() throws { try PluginFixtures.skipUnlessReady() }

  /// A plugin `probe` speaking `version`: `probe CALL JSON` sends one call with the JSON as
  /// its args (1.1) or flat fields (1.0) and prints the reply as one line.
  func probe(version: String) throws -> String {
    let dir = KgshProcess.temporaryHome().appendingPathComponent("probe")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("kgsh-plugin-probe").path
    try """
    #!/usr/bin/env python3
    import json, sys
    def send(m):
        print(json.dumps(m, ensure_ascii=False), flush=True)
    json.loads(sys.stdin.readline())
    send({"type": "hello", "protocol": "\(version)", "name": "probe", "version": "1",
          "features": ["engine-calls"], "commands": [{"name": "probe", "summary": "one engine call",
          "arguments": [{"name": "call", "help": ""}, {"name": "args", "help": ""}]}]})
    for line in sys.stdin:
        m = json.loads(line)
        if m["type"] == "goodbye":
            break
        if m["type"] != "run":
            continue
        call, args = m["arguments"][0], json.loads(m["arguments"][1])
        message = {"type": "call", "id": 1, "call": call}
        if "\(version)" == "1.0":
            message.update(args)
        else:
            message["args"] = args
        send(message)
        reply = json.loads(sys.stdin.readline())
        if "error" in reply:
            send({"type": "error", "id": m["id"], "message": reply["error"], "hint": reply.get("hint")})
        else:
            send({"type": "output", "id": m["id"], "output": {"type": "message",
                  "text": json.dumps(reply["result"], ensure_ascii=False, sort_keys=True)}})
    """.write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    return path
  }

  func testTypedCallsAndViewSQLThroughAOneOnePlugin() throws {
    let home = try PluginFixtures.home(adding: [try probe(version: "1.1")])
    let r = try KgshProcess.run(
      [
        "--continue-on-error", "-c",
        #"""
        probe resolve '{"name": "智譜"}'
        probe facts '{"entity": "zhipu", "predicate": "listing_date"}'
        probe path '{"from": "Zhipu", "to": "MiniMax"}'
        probe query '{"sql": "SELECT name FROM kg_entity_v1 WHERE key = ?", "params": ["zhipu"]}'
        probe query '{"sql": "SELECT name FROM node"}'
        probe card '{"entity": "Nobody Inc"}'
        """#,
      ], home: home)
    XCTAssertEqual(r.status, 1, "two of the calls fail")
    XCTAssertTrue(r.stdout.contains(#""entity": {"$type": "entity", "description""#), r.stdout)
    XCTAssertTrue(r.stdout.contains(#""status": "found""#), r.stdout)
    XCTAssertTrue(r.stdout.contains(#""text": "2026-01-08""#), r.stdout)
    XCTAssertTrue(r.stdout.contains(#""steps": [{"direction": "out", "type": "COMPETES_WITH"}]"#), r.stdout)
    XCTAssertTrue(r.stdout.contains(#"{"columns": ["name"], "rows": [["Zhipu AI"]]}"#), r.stdout)
    XCTAssertTrue(
      r.stderr.contains(
        "probe: plugin SQL may read only the kg_*_v1 views; 'node' is internal to kgsh; read kg_entity_v1"),
      r.stderr)
    XCTAssertTrue(r.stderr.contains("probe: no entity named 'Nobody Inc'; try find \"Nobody Inc\""), r.stderr)
    XCTAssertFalse(r.stderr.contains("deprecated"), r.stderr)
  }

  func testAOneZeroPluginKeepsItsCallsAndIsWarnedOnce() throws {
    let home = try PluginFixtures.home(adding: [try probe(version: "1.0")])
    let r = try KgshProcess.run(
      [
        "-c",
        #"""
        probe resolve '{"name": "智譜"}'
        probe query '{"sql": "SELECT count(*) AS n FROM node WHERE key = \u0027zhipu\u0027"}'
        probe query '{"sql": "SELECT key FROM node WHERE key = \u0027zhipu\u0027"}'
        """#,
      ], home: home)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(
      r.stdout.contains(#"{"$type": "entity", "description""#), "1.0 resolve answers the entity itself")
    XCTAssertTrue(r.stdout.contains(#"{"columns": ["n"], "rows": [[1]]}"#), r.stdout)
    XCTAssertTrue(r.stdout.contains(#"{"columns": ["key"], "rows": [["zhipu"]]}"#), r.stdout)
    XCTAssertEqual(
      r.stderr.components(separatedBy: "warning: plugin probe speaks plugin protocol 1.0").count, 2, r.stderr)
  }
}
