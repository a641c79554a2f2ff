import Foundation
import KnowledgeGraph
import PluginProtocol
import ShellCore
import ShellTesting
import XCTest

@testable import ExternalPlugins

/// The typed engine calls of protocol 1.1, answered in process by the host over the default
/// knowledge base: every call, and the errors a plugin meets.
final class TypedCallsTests: XCTestCase {
  nonisolated(unsafe) static var shared: TestShell?

  /// One test shell over the default knowledge base, for the tests that only read.
  func shell() throws -> TestShell {
    if let t = Self.shared { return t }
    let t = try TestShell(plugins: [], store: try Repository.defaultStore())
    Self.shared = t
    return t
  }

  func engine(_ t: TestShell, features: [String] = [], version: String = "1.1") -> EngineCalls {
    EngineCalls(plugin: "p", features: features, session: t.session, version: ProtocolVersion(version)!)
  }

  /// Sends one typed call and decodes the reply's result.
  func ask<R: EngineRequest>(_ request: R, _ calls: EngineCalls) throws -> R.Response {
    let reply = calls.answer(try .call(request, id: 5))
    XCTAssertEqual(reply.id, 5)
    if let error = reply.error { throw KgshError(.plugin, error, hint: reply.hint) }
    return try XCTUnwrap(reply.result).decode(R.Response.self)
  }

  /// The one-line error of a call that must fail.
  func refusal<R: EngineRequest>(_ request: R, _ calls: EngineCalls) throws -> String {
    let reply = calls.answer(try .call(request, id: 6))
    XCTAssertNil(reply.result, "\(R.call) should have failed")
    return [reply.error, reply.hint].compactMap { $0 }.joined(separator: "; ")
  }

  func testResolveFindsAnEntityInAnyScriptOrSuggests() throws {
    let calls = engine(try shell())
    let found = try ask(ResolveRequest(name: "智譜"), calls)
    XCTAssertEqual(found.status, .found)
    XCTAssertEqual(found.entity?.key, "zhipu")
    XCTAssertEqual(found.entity?.name, "Zhipu AI")
    XCTAssertTrue(found.entity?.labels?.contains("Company") == true)
    let unknown = try ask(ResolveRequest(name: "Zhipuu"), calls)
    XCTAssertEqual(unknown.status, .unknown)
    XCTAssertNil(unknown.entity)
    XCTAssertEqual(unknown.suggestions?.first, "Zhipu AI")
  }

  func testCardHasNamesFactsRelationsAndSources() throws {
    let card = try ask(CardRequest(entity: "Zhipu"), engine(try shell()))
    XCTAssertEqual(card.entity.key, "zhipu")
    XCTAssertTrue(card.names.contains("智谱"), "\(card.names)")
    let listing = try XCTUnwrap(card.facts.first { $0.predicate == "listing_date" })
    XCTAssertEqual(listing.value, .object(["$type": "date", "value": "2026-01-08"]))
    XCTAssertEqual(listing.source, "article")
    XCTAssertTrue(
      card.relations.contains { $0.type == "LISTED_ON" && $0.direction == .out && $0.other.key == "hkex" },
      "\(card.relations.map(\.type))")
    XCTAssertTrue(card.relations.contains { $0.type == "INVESTS_IN" && $0.direction == .in })
    XCTAssertTrue(card.sources.contains { $0.key == "article" && ($0.citations ?? 0) > 0 })
  }

  func testFactsFilterByPredicateAndDate() throws {
    let calls = engine(try shell())
    let all = try ask(FactsRequest(entity: "zhipu", predicate: "valuation"), calls)
    XCTAssertEqual(all.facts.count, 9)
    XCTAssertTrue(all.facts.allSatisfy { $0.predicate == "valuation" && $0.entity == "zhipu" })
    let recent = try ask(FactsRequest(entity: "zhipu", predicate: "valuation", since: "2025"), calls)
    XCTAssertEqual(
      recent.facts.compactMap(\.asOf), ["2026-01-08", "2026-01-08", "2025-05", "2025-05", "2025-03"])
    XCTAssertTrue(
      recent.facts.contains { if case .object(let o) = $0.value { o["$type"] == "money" } else { false } },
      "money facts keep their type")
  }

  func testNeighborsFollowDirectionTypesDepthAndLimit() throws {
    let calls = engine(try shell())
    let listed = try ask(
      NeighborsRequest(entity: "Zhipu", direction: .out, types: ["LISTED_ON"]), calls)
    XCTAssertEqual(listed.neighbors.map(\.entity.key), ["hkex"])
    XCTAssertEqual(listed.neighbors.first?.via.key, "zhipu")
    XCTAssertEqual(listed.neighbors.first?.direction, .out)
    XCTAssertEqual(listed.neighbors.first?.type, "LISTED_ON")
    let none = try ask(NeighborsRequest(entity: "Zhipu", direction: .in, types: ["LISTED_ON"]), calls)
    XCTAssertEqual(none.neighbors, [])
    let two = try ask(NeighborsRequest(entity: "Zhipu", depth: 2, limit: 5), calls)
    XCTAssertEqual(two.neighbors.count, 5)
    XCTAssertTrue(two.truncated)
    let wide = try ask(NeighborsRequest(entity: "Zhipu", depth: 2, limit: 10_000), calls)
    XCTAssertFalse(wide.truncated)
    XCTAssertTrue(wide.neighbors.contains { $0.distance == 2 })
    XCTAssertEqual(wide.neighbors.map(\.distance), wide.neighbors.map(\.distance).sorted(), "nearest first")
    let companies = try ask(
      NeighborsRequest(entity: "Zhipu", depth: 2, limit: 10_000, label: "Exchange"), calls)
    XCTAssertTrue(companies.neighbors.allSatisfy { $0.entity.labels?.contains("Exchange") == true })
    XCTAssertFalse(companies.neighbors.isEmpty)
    XCTAssertEqual(
      try refusal(NeighborsRequest(entity: "Zhipu", types: ["LISTED"]), calls),
      "no relation type named 'LISTED'; did you mean 'LISTED_ON'?")
    XCTAssertEqual(
      try refusal(NeighborsRequest(entity: "Zhipu", depth: 11), calls),
      "the neighbors call's depth must be between 1 and 10, not 11")
  }

  func testPathFindsTheShortestRouteOrNone() throws {
    let calls = engine(try shell())
    let path = try XCTUnwrap(try ask(PathRequest(from: "Zhipu", to: "MiniMax"), calls).path)
    XCTAssertEqual(path.length, 1)
    XCTAssertEqual(path.entities.map(\.key), ["zhipu", "minimax"])
    XCTAssertEqual(path.steps, [WireStep(type: "COMPETES_WITH", direction: .out)])
    let listed = try ask(PathRequest(from: "hkex", to: "Zhipu", direction: .out, types: ["LISTED_ON"]), calls)
    XCTAssertNil(listed.path, "edges are not followed against --direction out")
    let back = try XCTUnwrap(
      try ask(PathRequest(from: "hkex", to: "Zhipu", direction: .in, types: ["LISTED_ON"]), calls).path)
    XCTAssertEqual(back.steps, [WireStep(type: "LISTED_ON", direction: .in)])
  }

  func testUnknownEntitiesAreOneLineErrorsForEveryCall() throws {
    let calls = engine(try shell())
    let expected = "no entity named 'Nobody Inc'; try find \"Nobody Inc\""
    XCTAssertEqual(try refusal(CardRequest(entity: "Nobody Inc"), calls), expected)
    XCTAssertEqual(try refusal(FactsRequest(entity: "Nobody Inc"), calls), expected)
    XCTAssertEqual(try refusal(NeighborsRequest(entity: "Nobody Inc"), calls), expected)
    XCTAssertEqual(try refusal(PathRequest(from: "Zhipu", to: "Nobody Inc"), calls), expected)
    let missing = calls.answer(WireMessage.call(named: "card", args: .object([:])))
    XCTAssertEqual(missing.error, "the card call needs a 'entity' field")
    let unknown = calls.answer(WireMessage.call(named: "telepathy", args: .object([:])))
    XCTAssertEqual(unknown.error, "unknown call 'telepathy'")
  }

  func testMatchBindsParametersAndRefusesWrites() throws {
    let calls = engine(try shell())
    let rows = try ask(
      MatchRequest(
        cypher: "MATCH (c:Company) WHERE c.name = $name RETURN c.name AS name",
        parameters: ["name": "Zhipu AI"]),
      calls)
    XCTAssertEqual(rows.columns, ["name"])
    XCTAssertEqual(rows.rows, [["Zhipu AI"]])
    XCTAssertEqual(
      try refusal(MatchRequest(cypher: "CREATE (:Company {name: 'X'})"), calls),
      "match is read-only; this query writes; use the create call (needs the write feature)")
  }

  func testCreateNeedsTheWriteFeatureThenWritesAndMakesNamesAmbiguous() throws {
    let t = try TestShell(plugins: [], store: try Repository.defaultStore())
    let create = CreateRequest(
      cypher: "CREATE (:Company {name: $name})", parameters: ["name": "MiniMax"])
    XCTAssertEqual(
      try refusal(create, engine(t)),
      "plugin p did not declare the write feature; the knowledge base is read-only to it")
    let writer = engine(t, features: [Feature.write])
    let made = try ask(create, writer)
    XCTAssertEqual(made.nodesCreated, 1)
    XCTAssertEqual(made.labelsAdded, 1)
    let twice = try ask(ResolveRequest(name: "MiniMax"), writer)
    XCTAssertEqual(twice.status, .ambiguous)
    XCTAssertEqual(twice.candidates?.count, 2)
    XCTAssertTrue(twice.candidates?.contains { $0.key == "minimax" } == true)
    XCTAssertTrue(try refusal(CardRequest(entity: "MiniMax"), writer).hasPrefix("'MiniMax' is ambiguous: "))
    XCTAssertEqual(
      try refusal(CreateRequest(cypher: "MATCH (c:Company) RETURN c.name"), writer),
      "create is for queries that write; this one only reads; use the match call")
  }

  func testOneZeroPluginsKeepTheOneZeroCallsAndAreWarnedOnce() throws {
    let t = try shell()
    let old = engine(t, version: "1.0")
    var resolve = WireMessage(type: "call", id: 1)
    resolve.call = "resolve"
    resolve.name = "智谱"
    XCTAssertEqual(old.answer(resolve).result?["key"], "zhipu", "1.0 resolve answers the entity itself")
    var query = WireMessage(type: "call", id: 2)
    query.call = "query"
    query.sql = "SELECT key FROM node WHERE key = 'zhipu'"
    XCTAssertEqual(old.answer(query).result?["rows"], .array([.array(["zhipu"])]))
    XCTAssertEqual(old.answer(query).result?["rows"], .array([.array(["zhipu"])]))
    let warnings = t.errors.components(separatedBy: "warning: plugin p speaks plugin protocol 1.0").count - 1
    XCTAssertEqual(warnings, 1, t.errors)
    XCTAssertTrue(t.errors.contains("kg_*_v1 views"), t.errors)
  }
}

extension WireMessage {
  /// A call with raw args, for requests a typed struct cannot express.
  static func call(named name: String, args: WireValue) -> WireMessage {
    var m = WireMessage(type: "call", id: 9)
    m.call = name
    m.args = args
    return m
  }
}
