import KgshPluginKit
import PluginProtocol
import XCTest

@testable import KgshPluginKit

/// The Swift SDK answering `run` requests without a process: outputs, its errors, unknown commands.
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

  struct FakeEngine: Engine {
    func resolve(_ name: String) throws -> Entity {
      guard name == "zhipu" else { throw CommandError("no entity named '\(name)'") }
      return Entity(key: "zhipu", name: "Zhipu AI", labels: ["Company"])
    }
    func query(_ sql: String) throws -> Rows { Rows(columns: [], rows: []) }
    func match(_ cypher: String) throws -> Rows { Rows(columns: [], rows: []) }
  }

  func testSwiftPluginAnswersRunsWithOutputsAndErrors() {
    func run(_ arguments: [String], command: String = "echo-it") -> WireMessage {
      var m = WireMessage(type: "run", id: 9)
      m.command = command
      m.arguments = arguments
      return Sample.respond(to: m, host: FakeEngine())
    }
    let ok = run(["zhipu"])
    XCTAssertEqual(ok.type, "output")
    XCTAssertEqual(ok.id, 9)
    XCTAssertEqual(ok.output?.fields?.first, ["word", "zhipu"])
    XCTAssertEqual(run([""]).message, "nothing to echo")
    XCTAssertEqual(run([""]).hint, "give a word")
    XCTAssertEqual(run(["nobody"]).message, "no entity named 'nobody'")
    XCTAssertEqual(run([], command: "other").type, "error")
  }
}
