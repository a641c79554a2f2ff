import Foundation
import GraphQuery
import KnowledgeGraph
import XCTest

@testable import CypherTCK

/// Runs the openCypher TCK features shared next to the repository (`../shared/tck`).
final class TCKTests: XCTestCase {
  /// Raise this as coverage grows; it guards against regressions.
  static let passFloor = 3701

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

/// The runner's own parsing: Background sections, error expectations, procedure declarations.
final class TCKRunnerStepTests: XCTestCase {
  func testBackgroundStepsRunBeforeEveryScenario() throws {
    let text = """
      Feature: F
        Background:
          Given an empty graph
          And having executed:
            \"\"\"
            CREATE (:X)
            \"\"\"
        Scenario: [1] one
          When executing query:
            \"\"\"
            MATCH (x:X) RETURN count(x) AS c
            \"\"\"
          Then the result should be, in any order:
            | c |
            | 1 |
        Scenario: [2] two
          When executing query:
            \"\"\"
            MATCH (x:X) RETURN count(x) AS c
            \"\"\"
          Then the result should be, in any order:
            | c |
            | 1 |
      """
    let feature = Feature.parse(text, path: "f.feature")
    XCTAssertEqual(feature.scenarios.map { $0.steps.count }, [4, 4])
    XCTAssertEqual(feature.scenarios[1].steps[1].docString, "CREATE (:X)")
    let runner = TCKRunner(graphsDirectory: nil)
    XCTAssertEqual(feature.scenarios.map { runner.run($0, in: feature).outcome }, [.pass, .pass])
  }

  func testErrorStepsCompareDetailAndPhase() throws {
    let e = try XCTUnwrap(
      ExpectedError(step: "a SyntaxError should be raised at compile time: UndefinedVariable"))
    XCTAssertEqual(e.type, "SyntaxError")
    XCTAssertEqual(e.phase, .compileTime)
    XCTAssertEqual(e.detail, "UndefinedVariable")
    let undefined = KgshError(.semantic, "x", code: "UndefinedVariable")
    XCTAssertNil(e.mismatch(undefined, compileTime: true))
    XCTAssertNotNil(e.mismatch(undefined, compileTime: false))
    XCTAssertNotNil(e.mismatch(KgshError(.semantic, "x", code: "VariableTypeConflict"), compileTime: true))
    let any = try XCTUnwrap(ExpectedError(step: "an ArgumentError should be raised at any time: *"))
    XCTAssertNil(any.detail)
    XCTAssertNil(any.mismatch(undefined, compileTime: false))
    XCTAssertNil(ExpectedError(step: "the result should be empty"))
  }

  func testProcedureDeclarationReadsSignatureAndTable() throws {
    let p = try XCTUnwrap(
      DeclaredProcedure.parse(
        "there exists a procedure test.my.proc(name :: STRING?, id :: INTEGER?) :: (city :: STRING?):",
        table: [["name", "id", "city"], ["'a'", "1", "'X'"]]))
    XCTAssertEqual(p.name, "test.my.proc")
    XCTAssertEqual(p.inputs.map(\.type), ["STRING", "INTEGER"])
    XCTAssertEqual(p.outputs.map(\.name), ["city"])
    XCTAssertEqual(try p.body([.string("a"), .int(1)]), [[.string("X")]])
    XCTAssertEqual(try p.body([.string("b"), .int(1)]), [])
  }
}
