import Foundation
import KnowledgeGraph
import PluginProtocol
import ShellCore
import XCTest

@testable import ExternalPlugins

/// MCP tools as kgsh commands: input schemas to typed flags, bound calls to tool arguments,
/// and `tools/call` results to tables, records and messages.
final class MCPToolMappingTests: XCTestCase {
  /// A tool as FastMCP lists it (a required string, an integer, a boolean, a number, an
  /// enum, a list of integers and an optional string written as anyOf).
  let tool: [String: Value] = [
    "name": .string("search.items"),
    "description": .string("Search the catalogue.\nReturns matching items."),
    "inputSchema": .map([
      "type": .string("object"),
      "required": .list([.string("query")]),
      "properties": .map([
        "query": .map(["type": .string("string"), "description": .string("what to look for")]),
        "limit": .map(["type": .string("integer"), "default": .int(10)]),
        "exact": .map(["type": .string("boolean")]),
        "min_score": .map(["type": .string("number")]),
        "sort": .map(["type": .string("string"), "enum": .list([.string("name"), .string("score")])]),
        "ids": .map(["type": .string("array"), "items": .map(["type": .string("integer")])]),
        "owner": .map(["anyOf": .list([.map(["type": .string("string")]), .map(["type": .string("null")])])]),
      ]),
    ]),
  ]

  func mapped() throws -> (WireSignature, MCPToolRecord, Signature) {
    let (wire, record) = try XCTUnwrap(MCPToolMapping.command(tool, plugin: "shop"))
    return (wire, record, SignatureMapping.signature(wire))
  }

  func testAnInputSchemaBecomesTypedFlagsWithTheRequiredOneFirst() throws {
    let (wire, record, signature) = try mapped()
    XCTAssertEqual(wire.name, "shop search-items")
    XCTAssertEqual(record.tool, "search.items")
    XCTAssertEqual(wire.summary, "Search the catalogue.")
    XCTAssertEqual(record.arguments.first?.property, "query")
    XCTAssertEqual(record.arguments.first?.required, true)
    XCTAssertEqual(signature.parameter("limit")?.type, .integer())
    XCTAssertEqual(signature.parameter("exact")?.type, .toggle)
    XCTAssertEqual(signature.parameter("sort")?.type, .choice(["name", "score"]))
    XCTAssertEqual(record.arguments.first { $0.flag == "owner" }?.type, "string")
    XCTAssertEqual(record.arguments.first { $0.flag == "ids" }?.items, "integer")
    XCTAssertNoThrow(try SignatureMapping.validate([wire], plugin: "shop", features: []))
  }

  func testABoundCallBecomesTheToolsJSONArguments() throws {
    let (_, record, signature) = try mapped()
    let words = "--query lamp --limit 3 --exact --min_score 0.5 --sort score --ids 1,2,3".split(
      separator: " ")
    let call = try Call.bind(
      words.map { (String($0), Value.string(String($0)), false) }, to: signature, rawText: "", input: nil)
    let arguments = try MCPToolMapping.arguments(call, record, usage: signature.usage)
    XCTAssertEqual(arguments["query"], .string("lamp"))
    XCTAssertEqual(arguments["limit"], .int(3))
    XCTAssertEqual(arguments["exact"], .bool(true))
    XCTAssertEqual(arguments["min_score"], .double(0.5))
    XCTAssertEqual(arguments["sort"], .string("score"))
    XCTAssertEqual(arguments["ids"], .list([.int(1), .int(2), .int(3)]))
    XCTAssertNil(arguments["owner"], "a flag not given is left to the server's default")
  }

  func testAMissingRequiredFlagOrABadNumberIsRefusedBeforeTheCall() throws {
    let (_, record, signature) = try mapped()
    let none = try Call.bind([], to: signature, rawText: "", input: nil)
    XCTAssertThrowsError(try MCPToolMapping.arguments(none, record, usage: signature.usage)) {
      XCTAssertTrue(KgshError.describe($0).hasPrefix("shop search-items: --query is required"), "\($0)")
    }
    let words = ["--query", "x", "--min_score", "high"].map { ($0, Value.string($0), false) }
    let bad = try Call.bind(words, to: signature, rawText: "", input: nil)
    XCTAssertThrowsError(try MCPToolMapping.arguments(bad, record, usage: signature.usage)) {
      XCTAssertTrue(KgshError.describe($0).contains("--min_score takes a number"), "\($0)")
    }
  }

  func testAListOfObjectsIsATableInTheServersColumnOrder() throws {
    let raw =
      #"{"result":{"structuredContent":{"result":[{"name":"a","n":1},{"name":"b","n":2,"extra":true}]}}}"#
    let result: [String: Value] = [
      "structuredContent": .map([
        "result": .list([
          .map(["name": .string("a"), "n": .int(1)]),
          .map(["name": .string("b"), "n": .int(2), "extra": .bool(true)]),
        ])
      ])
    ]
    guard case .table(let table) = try MCPResult.output(result, raw: raw, command: "demo rows") else {
      return XCTFail("not a table")
    }
    XCTAssertEqual(table.columns, ["name", "n", "extra"])
    XCTAssertEqual(table.rows[0], [.string("a"), .int(1), .null])
  }

  func testObjectsAreRecordsTextIsAMessageAndIsErrorIsAnError() throws {
    let record: [String: Value] = ["structuredContent": .map(["greeting": .string("hi"), "length": .int(2)])]
    guard
      case .record(let fields) = try MCPResult.output(
        record, raw: #"{"greeting":"hi","length":2}"#, command: "x")
    else { return XCTFail("not a record") }
    XCTAssertEqual(fields.map(\.0), ["greeting", "length"])
    let text: [String: Value] = [
      "content": .list([.map(["type": .string("text"), "text": .string("plain words")])])
    ]
    guard case .message(let message) = try MCPResult.output(text, raw: "", command: "x") else {
      return XCTFail("not a message")
    }
    XCTAssertEqual(message, "plain words")
    let failed: [String: Value] = [
      "isError": .bool(true),
      "content": .list([.map(["type": .string("text"), "text": .string("no such item\ntrace")])]),
    ]
    XCTAssertThrowsError(try MCPResult.output(failed, raw: "", command: "shop get")) {
      XCTAssertEqual(KgshError.describe($0), "shop get: no such item")
    }
  }

  func testDoubleDashEndsTheFlagsSoAServersOwnOptionsAreArguments() throws {
    let signature = PluginAddCommand().signature
    let words = ["--mcp", "--", "npx", "-y", "server", "--port", "3"].map { ($0, Value.string($0), false) }
    let call = try Call.bind(words, to: signature, rawText: "", input: nil)
    XCTAssertEqual(call[PluginAddCommand.path], ["npx", "-y", "server", "--port", "3"])
    XCTAssertTrue(call[PluginAddCommand.mcp])
  }
}
