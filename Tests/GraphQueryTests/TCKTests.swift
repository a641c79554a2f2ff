import Foundation
import GraphQuery
import XCTest

@testable import CypherTCK

/// Runs the openCypher TCK features shared next to the repository (`../shared/tck`).
final class TCKTests: XCTestCase {
  /// Raise this as coverage grows; it guards against regressions.
  static let passFloor = 3349

  func testSharedTCK() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let tck = root.deletingLastPathComponent().appendingPathComponent("shared/tck")
    let features = tck.appendingPathComponent("features")
    guard FileManager.default.fileExists(atPath: features.path) else {
      print("skipping the TCK run: \(features.path) does not exist")
      return
    }
    let runner = TCKRunner(graphsDirectory: tck.appendingPathComponent("graphs"))
    let reports = try runner.runAll(in: features) { _ in }
    let failures = reports.filter { $0.outcome == .fail }
    for f in failures { print(f.text) }
    let passed = reports.filter { $0.outcome == .pass }.count
    XCTAssertGreaterThanOrEqual(passed, TCKTests.passFloor, "\(failures.count) failed")
  }

  func testFeatureParserExpandsOutlines() {
    let text = """
      Feature: F
        Scenario Outline: [1] O
          Given an empty graph
          When executing query:
            \"\"\"
            RETURN <v> AS v
            \"\"\"
          Then the result should be, in any order:
            | v   |
            | <v> |

          Examples:
            | v |
            | 1 |
            | 'a\\|b' |
      """
    let feature = Feature.parse(text, path: "F.feature")
    XCTAssertEqual(feature.scenarios.count, 2)
    XCTAssertEqual(feature.scenarios[1].steps[1].docString, "RETURN 'a|b' AS v")
    let runner = TCKRunner(graphsDirectory: nil)
    XCTAssertEqual(feature.scenarios.map { runner.run($0, in: feature).outcome }, [.pass, .pass])
  }

  func testValueSyntax() throws {
    let path = try TCKValue.parse("<(:A {name: 'a'})-[:T {k: 1}]->(:B)<-[:U]-()>")
    guard case .path(let nodes, let rels) = path else { return XCTFail("expected a path") }
    XCTAssertEqual(nodes.count, 3)
    XCTAssertEqual(rels.map(\.forward), [true, false])
    XCTAssertTrue(
      try TCKValue.parse("[1, 2.5, 'x', null, {a: [true]}]").matches(
        .list([.int(1), .float(2.5), .string("x"), .null, .map(["a": .list([.bool(true)])])])))
    XCTAssertFalse(try TCKValue.parse("1").matches(.float(1)))
  }
}
