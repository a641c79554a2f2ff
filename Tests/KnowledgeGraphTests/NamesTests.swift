import XCTest

@testable import KnowledgeGraph

/// The one-pass key of ASCII names must be exactly what the Unicode folding gives.
final class NamesTests: XCTestCase {
  func testTheASCIIKeyOfEveryCharacterMatchesTheFoldedKey() {
    for byte in 0..<128 {
      let name = "a" + String(Unicode.Scalar(UInt8(byte))) + "B"
      XCTAssertEqual(Names.normalize(name), Names.foldedKey(name), "byte \(byte)")
    }
  }

  func testTheASCIIKeyOfGeneratedNamesMatchesTheFoldedKey() {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array(
      "Zhipu AI Minired-Systems_0 (Beta) [x]. Z.ai/GLM-4.5, 'quoted' \"q\" #1 & co! ~=+$^`|<>\t@:;?{}")
    for _ in 0..<2000 {
      let length = Int.random(in: 0..<24, using: &generator)
      let name = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
      XCTAssertEqual(Names.normalize(name), Names.foldedKey(name), name)
    }
  }

  func testNamesThatAreNotASCIIOrFoldToNothingTakeTheUnicodePath() {
    XCTAssertNil(Names.asciiKey("智谱 AI"))
    XCTAssertNil(Names.asciiKey("ＺＨＩＰＵ"))
    XCTAssertNil(Names.asciiKey("--- ..."))
    XCTAssertEqual(Names.normalize("--- ..."), Names.foldedKey("--- ..."))
    XCTAssertEqual(Names.normalize("ＺＨＩＰＵ"), "zhipu")
    XCTAssertEqual(Names.asciiKey("Zhipu AI (Z.ai)"), "zhipuaizai")
  }

  /// A did-you-mean finds near spellings, and longer names that start with the word or with
  /// all but its last two letters (a past tense or plural of a shorter key).
  func testSuggestionsFindStemsOfLongerNames() {
    let keys = ["release_date", "founded_date", "employees", "revenue", "rank"]
    XCTAssertEqual(Names.suggestions(for: "released", among: keys), ["release_date"])
    XCTAssertEqual(Names.suggestions(for: "founded", among: keys), ["founded_date"])
    XCTAssertEqual(Names.suggestions(for: "employee", among: keys), ["employees"])
    XCTAssertEqual(Names.suggestions(for: "revenu", among: keys), ["revenue"])
    XCTAssertEqual(Names.suggestions(for: "ranks", among: keys), ["rank"])
    XCTAssertEqual(Names.suggestions(for: "salary", among: keys), [])
    XCTAssertEqual(Names.suggestions(for: "releases", among: ["release_date", "relay"]), ["release_date"])
  }
}
