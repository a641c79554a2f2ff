import XCTest

@testable import GraphQuery

/// The shell completes Cypher from `CypherVocabulary`; it must name what the engine knows.
final class VocabularyTests: XCTestCase {
  func testTheFunctionsAreExactlyThoseTheEngineKnows() {
    let listed = Set(CypherVocabulary.functions.map { $0.lowercased() })
    // The engine's internal functions start with a space: no query can name them.
    let known = Functions.known.filter { !$0.hasPrefix(" ") }.union(Functions.more)
      .union(TemporalFunctions.names).union(Expr.aggregateNames)
    XCTAssertEqual(listed.subtracting(known).sorted(), [], "listed but not known")
    XCTAssertEqual(known.subtracting(listed).sorted(), [], "known but not listed")
    XCTAssertEqual(CypherVocabulary.functions.count, listed.count, "a function is listed twice")
  }
}
