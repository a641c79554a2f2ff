import Foundation
import PluginProtocol
import XCTest

/// The wire format: versions, messages and signatures as JSON lines.
final class ProtocolCodecTests: XCTestCase {
  func testVersionsParseAndOnlyTheMajorDecidesCompatibility() {
    XCTAssertEqual(ProtocolVersion("1.0"), ProtocolVersion(major: 1, minor: 0))
    XCTAssertEqual(ProtocolVersion("1"), ProtocolVersion(major: 1, minor: 0))
    XCTAssertNil(ProtocolVersion("one"))
    XCTAssertNil(ProtocolVersion("1.0.0"))
    XCTAssertTrue(ProtocolVersion.current.isCompatible(with: ProtocolVersion("1.7")!))
    XCTAssertFalse(ProtocolVersion.current.isCompatible(with: ProtocolVersion("2.0")!))
  }

  func testAMessageIsOneLineAndRoundTrips() throws {
    var run = WireMessage(type: "run", id: 3)
    run.command = "news"
    run.arguments = ["智谱"]
    run.flags = ["limit": "2"]
    run.variables = ["n": 2, "x": "a\nb", "ok": true, "r": 1.5]
    let line = try run.line()
    XCTAssertEqual(line.last, 0x0A)
    XCTAssertEqual(line.filter { $0 == 0x0A }.count, 1, "newlines inside strings are escaped")
    XCTAssertEqual(try WireMessage.decode(line.dropLast()), run)
  }

  func testPluginHelloWithUnknownFieldsAndFeaturesDecodes() throws {
    let text = """
      {"type":"hello","protocol":"1.3","name":"news","version":"0.2","features":["engine-calls","telepathy"],
       "future_field":{"a":1},"commands":[{"name":"news","summary":"News","arguments":[{"name":"who",
       "completion":"entity"}],"flags":[{"name":"kind","kind":"choice","choices":["a","b"]}]}]}
      """.replacingOccurrences(of: "\n", with: "")
    let hello = try WireMessage.decode(Array(text.utf8))
    XCTAssertEqual(hello.protocol, "1.3")
    XCTAssertEqual(hello.features, ["engine-calls", "telepathy"])
    XCTAssertEqual(hello.commands?.first?.arguments?.first?.completion, .entity)
    XCTAssertEqual(hello.commands?.first?.flags?.first?.choices, ["a", "b"])
  }

  func testCompletionHintsAreNamesOrValueLists() throws {
    let decoded = try JSONDecoder().decode(
      [WireCompletion].self, from: Data(#"["label", ["x", "y"], "relation"]"#.utf8))
    XCTAssertEqual(decoded, [.label, .values(["x", "y"]), .relation])
    XCTAssertThrowsError(try JSONDecoder().decode([WireCompletion].self, from: Data(#"["colour"]"#.utf8)))
    let encoded = String(decoding: try JSONEncoder().encode([WireCompletion.file]), as: UTF8.self)
    XCTAssertEqual(encoded, #"["file"]"#)
  }

  func testValuesKeepWholeNumbersApartFromFractions() throws {
    let values = try JSONDecoder().decode(
      [WireValue].self, from: Data("[1, 1.5, true, null, \"s\", [2], {\"k\": 3}]".utf8))
    XCTAssertEqual(
      values,
      [.int(1), .double(1.5), .bool(true), .null, .string("s"), .array([.int(2)]), .object(["k": .int(3)])])
  }

  func testGarbageIsAnError() {
    XCTAssertThrowsError(try WireMessage.decode(Array("<html>".utf8)))
    XCTAssertThrowsError(try WireMessage.decode(Array(#"{"no_type": 1}"#.utf8)))
  }

  /// A typed request survives a call line, and its response a reply line, unchanged.
  func roundTrip<R: EngineRequest>(
    _ request: R, _ response: R.Response, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let call = try WireMessage.decode(try WireMessage.call(request, id: 4).line().dropLast())
    XCTAssertEqual(call.call, R.call, file: file, line: line)
    XCTAssertEqual(try XCTUnwrap(call.args).decode(R.self), request, file: file, line: line)
    let reply = try WireMessage.decode(
      try WireMessage.reply(id: 4, result: try WireValue(encoding: response)).line().dropLast())
    XCTAssertEqual(try XCTUnwrap(reply.result).decode(R.Response.self), response, file: file, line: line)
  }

  func testEveryTypedCallAndItsResponseRoundTrip() throws {
    let zhipu = WireEntity(key: "zhipu", name: "Zhipu AI", labels: ["Company"], description: "lab")
    let hkex = WireEntity(key: "hkex", name: "HKEX")
    let fact = WireFact(
      key: "F1", entity: "zhipu", predicate: "valuation",
      value: .object(["$type": "money", "amount": "2.5", "currency": "USD"]), text: "2.5", valueType: "money",
      currency: "USD", asOf: "2025-03", source: "article", quote: "valued at")
    try roundTrip(ResolveRequest(name: "智谱"), ResolveResponse(status: .found, entity: zhipu))
    try roundTrip(ResolveRequest(name: "x"), ResolveResponse(status: .ambiguous, candidates: [zhipu, hkex]))
    try roundTrip(ResolveRequest(name: "y"), ResolveResponse(status: .unknown, suggestions: ["Zhipu AI"]))
    try roundTrip(
      CardRequest(entity: "zhipu"),
      CardResponse(
        entity: zhipu, names: ["智谱"], props: ["founded": 2019], facts: [fact],
        relations: [WireRelation(direction: .out, type: "LISTED_ON", other: hkex, asOf: "2026-01-08")],
        sources: [WireSource(key: "article", title: "A", citations: 3)]))
    try roundTrip(
      FactsRequest(entity: "zhipu", predicate: "valuation", since: "2025"),
      FactsResponse(entity: zhipu, facts: [fact]))
    try roundTrip(
      NeighborsRequest(
        entity: "zhipu", direction: .in, types: ["INVESTS_IN"], depth: 2, limit: 5, label: "Company"),
      NeighborsResponse(
        entity: zhipu,
        neighbors: [WireNeighbor(entity: hkex, distance: 1, via: zhipu, type: "LISTED_ON", direction: .out)],
        truncated: true))
    try roundTrip(
      PathRequest(from: "zhipu", to: "hkex", direction: .out, types: ["LISTED_ON"], maxLength: 3),
      PathResponse(
        path: WirePath(entities: [zhipu, hkex], steps: [WireStep(type: "LISTED_ON", direction: .out)])))
    try roundTrip(PathRequest(from: "a", to: "b"), PathResponse(path: nil))
    try roundTrip(
      MatchRequest(cypher: "MATCH (n) WHERE n.key = $k RETURN n", parameters: ["k": "zhipu"]),
      RowsResponse(columns: ["n"], rows: [[zhipu.value]]))
    try roundTrip(
      QueryRequest(sql: "SELECT name FROM kg_entity_v1 WHERE key = ?", params: ["zhipu", 1, 1.5, nil]),
      RowsResponse(columns: ["name"], rows: [["Zhipu AI"]], truncated: true))
    try roundTrip(
      CreateRequest(cypher: "CREATE (:Company {name: $n})", parameters: ["n": "X"]),
      CreateResponse(
        columns: [], rows: [], nodesCreated: 1, relationshipsCreated: 0, labelsAdded: 1, propertiesSet: 1))
  }

  func testTypedCallsUseTheDocumentedFieldNames() throws {
    let call = String(
      decoding: try WireMessage.call(PathRequest(from: "a", to: "b", maxLength: 2), id: 1).line(),
      as: UTF8.self)
    XCTAssertEqual(
      call, #"{"args":{"from":"a","max_length":2,"to":"b"},"call":"path","id":1,"type":"call"}"# + "\n")
    let fact = try WireValue(
      encoding: WireFact(entity: "e", predicate: "p", value: "v", text: "v", valueType: "text", asOf: "2025"))
    XCTAssertEqual(fact["as_of"], "2025")
    XCTAssertEqual(fact["value_type"], "text")
    XCTAssertEqual(try WireValue(encoding: WireEntity(key: "k", name: "N"))["$type"], "entity")
    XCTAssertEqual(
      try WireValue.object(["key": "k"]).decode(WireEntity.self), WireEntity(key: "k", name: "k"),
      "an entity without a name is named by its key")
  }

  func testTheCurrentVersionHasTypedCallsAndIsNewerThanOneZero() {
    XCTAssertEqual(ProtocolVersion.current.description, "1.1")
    XCTAssertGreaterThanOrEqual(ProtocolVersion.current, .typedCalls)
    XCTAssertLessThan(ProtocolVersion("1.0")!, .typedCalls)
    XCTAssertLessThan(ProtocolVersion("1.9")!, ProtocolVersion("1.10")!, "minor versions compare as numbers")
  }
}
