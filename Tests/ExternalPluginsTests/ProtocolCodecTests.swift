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
}
