import ExternalPlugins
import KgshPluginKit
import PluginProtocol
import ShellTesting
import XCTest

@testable import ExternalPlugins
@testable import KgshPluginKit

/// The Swift SDK without a process: its `run` answers, and its typed engine methods talking
/// to the host's engine calls in process (SDK -> call message -> host -> reply -> SDK).
final class PluginKitTests: XCTestCase {
  struct Echo: KgshPluginKit.Command {
    let signature = Signature("echo-it", summary: "Echoes", arguments: [Argument("word", "a word")])
    func run(_ call: Call, _ kgsh: any Engine) throws -> Output {
      guard let word = call.argument(0), !word.isEmpty else {
        throw CommandError("nothing to echo", hint: "give a word")
      }
      let entity = try kgsh.resolve(word)
      return .record([("word", .string(word)), ("entity", entity.value)])
    }
  }

  struct Sample: KgshPluginKit.Plugin {
    static let name = "sample"
    static let version = "0.1"
    static let commands: [any KgshPluginKit.Command] = [Echo()]
  }

  nonisolated(unsafe) static var shell: TestShell?

  /// The SDK's engine wired to the host's engine calls over the default knowledge base.
  func kgsh(host: ProtocolVersion = .current, features: [String] = []) throws -> WireEngine {
    if Self.shell == nil { Self.shell = try TestShell(plugins: [], store: try Repository.defaultStore()) }
    let calls = EngineCalls(
      plugin: "sample", features: features, session: Self.shell!.session, version: .current)
    return WireEngine(host: host) { message in
      // Through the wire format both ways, as over a pipe.
      let line = try calls.answer(try WireMessage.decode(try message.line().dropLast())).line()
      return try WireMessage.decode(line.dropLast())
    }
  }

  func testSwiftPluginAnswersRunsWithOutputsAndErrors() throws {
    let host = try kgsh()
    func run(_ arguments: [String], command: String = "echo-it") -> WireMessage {
      var m = WireMessage(type: "run", id: 9)
      m.command = command
      m.arguments = arguments
      return Sample.respond(to: m, host: host)
    }
    let ok = run(["智譜"])
    XCTAssertEqual(ok.type, "output")
    XCTAssertEqual(ok.id, 9)
    XCTAssertEqual(ok.output?.fields?.first, ["word", "智譜"])
    XCTAssertEqual(ok.output?.fields?.last?.last?["key"], "zhipu")
    XCTAssertEqual(run([""]).message, "nothing to echo")
    XCTAssertEqual(run([""]).hint, "give a word")
    XCTAssertEqual(run(["Zhipuu"]).message, "no entity named 'Zhipuu'")
    XCTAssertEqual(run(["Zhipuu"]).hint, "did you mean 'Zhipu AI'?")
    XCTAssertEqual(run([], command: "other").type, "error")
  }

  func testTypedMethodsReachTheHostAndCarryItsErrors() throws {
    let kgsh = try kgsh()
    XCTAssertEqual(try kgsh.lookup("智谱").entity?.key, "zhipu")
    XCTAssertTrue(try kgsh.card("zhipu").names.contains("智谱"))
    XCTAssertEqual(try kgsh.facts("zhipu", predicate: "listing_date").map(\.text), ["2026-01-08"])
    XCTAssertEqual(
      try kgsh.neighbors("zhipu", direction: .out, types: ["LISTED_ON"]).neighbors.map(\.entity.key), ["hkex"]
    )
    XCTAssertEqual(try kgsh.path(from: "zhipu", to: "minimax")?.entities.map(\.key), ["zhipu", "minimax"])
    XCTAssertEqual(
      try kgsh.match("MATCH (c) WHERE c.key = $k RETURN c.name AS n", parameters: ["k": "zhipu"]).rows,
      [["Zhipu AI"]])
    let rows = try kgsh.query("SELECT name FROM kg_entity_v1 WHERE key = ?", "zhipu")
    XCTAssertEqual(rows.value(rows.rows[0], "name"), "Zhipu AI")
    XCTAssertThrowsError(try kgsh.query("SELECT name FROM node")) { error in
      XCTAssertEqual(
        (error as? CommandError)?.message,
        "plugin SQL may read only the kg_*_v1 views; 'node' is internal to kgsh")
      XCTAssertTrue((error as? CommandError)?.hint?.contains("kg_fact_v1") == true)
    }
    XCTAssertThrowsError(try kgsh.create("CREATE (:Company {name: 'X'})")) { error in
      XCTAssertEqual(
        (error as? CommandError)?.message,
        "plugin sample did not declare the write feature; the knowledge base is read-only to it")
    }
  }

  func testAnOlderKgshGetsAClearMessageInsteadOfACall() throws {
    let kgsh = try kgsh(host: ProtocolVersion(major: 1, minor: 0))
    XCTAssertThrowsError(try kgsh.card("zhipu")) { error in
      XCTAssertEqual(
        (error as? CommandError)?.message,
        "this kgsh speaks plugin protocol 1.0; the card call needs 1.1 or later")
    }
  }
}
