import Foundation
import XCTest

@testable import KnowledgeGraph

/// Knowledge/hanzi-fold.tsv is the one source of the folding table; the Swift table is
/// generated from it (`make fold-table`).
final class HanziFoldTests: XCTestCase {
  func testSwiftTableIsTheTSV() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let text = try String(
      contentsOf: root.appendingPathComponent("Knowledge/hanzi-fold.tsv"), encoding: .utf8)
    var tsv: [Unicode.Scalar: Unicode.Scalar] = [:]
    for line in text.split(separator: "\n").dropFirst() where !line.hasPrefix("#") {
      let cols = line.split(separator: "\t").map { Array($0.unicodeScalars) }
      XCTAssertEqual(cols.map(\.count), [1, 1], "bad row \(line)")
      guard cols.map(\.count) == [1, 1] else { continue }
      XCTAssertNil(tsv[cols[0][0]], "\(line) folds one character twice")
      tsv[cols[0][0]] = cols[1][0]
    }
    XCTAssertGreaterThan(tsv.count, 900)
    XCTAssertEqual(
      HanziFold.simplified, tsv, "HanziFold.swift differs from Knowledge/hanzi-fold.tsv: run make fold-table")
  }

  func testFoldingUsesPairsOnlyTheTSVHad() {
    // 權 and 強 were in the TSV but not in the old hand-written Swift table.
    XCTAssertEqual(Names.normalize("權強"), Names.normalize("权强"))
  }
}
