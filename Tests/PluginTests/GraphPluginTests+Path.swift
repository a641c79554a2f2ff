// `path`: shortest and all simple paths, and what no path says.
import Foundation
import KnowledgeGraph
import KnowledgePlugin
import ShellCore
import ShellTesting
import XCTest

@testable import GraphPlugin

extension GraphPluginTests {
  func testShortestPathRespectsDirection() throws {
    let t = try shell()
    XCTAssertEqual(paths(t, "path Alpha Gamma"), [["Alpha <-[KNOWS]- Gamma", "1"]])
    XCTAssertEqual(
      paths(t, "path Alpha Gamma --dir out"), [["Alpha -[KNOWS]-> Beta -[KNOWS]-> Gamma", "2"]])
    XCTAssertEqual(paths(t, "path Delta Alpha --dir in"), [["Delta <-[OWNS]- Alpha", "1"]])
    XCTAssertEqual(paths(t, "path Alpha Delta --rel KNOWS --dir in"), [])
    // No path says what would find one: without --rel or --dir, beyond --max-length, or none.
    XCTAssertTrue(
      run(t, "path Delta Beta --dir out").contains(
        "no path between Delta and Beta (within 6 hops); without --dir there is one of 2 hops\n"))
    XCTAssertTrue(
      run(t, "path Alpha Epsilon").contains(
        "no path between Alpha and Epsilon (within 6 hops); they are not connected within 10 hops of any relation"
      ))
    XCTAssertTrue(
      run(t, "path Beta Delta --dir out --max-length 1").contains(
        "no path between Beta and Delta (within 1 hop); without --dir there is one of 2 hops (with --max-length 2)"
      ))
    XCTAssertTrue(
      run(t, "path Beta Delta --max-length 1").contains(
        "no path between Beta and Delta (within 1 hop); one of 2 hops exists: add --max-length 2\n"))
    XCTAssertEqual(paths(t, "path Beta Delta --dir out"), [["Beta -[KNOWS]-> Gamma -[OWNS]-> Delta", "2"]])
  }

  func testAllSimplePaths() throws {
    let t = try shell()
    let out = paths(t, "path Alpha Delta --dir out --all")
    XCTAssertEqual(
      out,
      [
        ["Alpha -[OWNS]-> Delta", "1"],
        ["Alpha -[KNOWS]-> Beta -[KNOWS]-> Gamma -[OWNS]-> Delta", "3"],
      ])
    let both = paths(t, "path Alpha Delta --all").map { $0[0] }
    XCTAssertEqual(
      Set(both),
      [
        "Alpha -[OWNS]-> Delta", "Alpha <-[KNOWS]- Gamma -[OWNS]-> Delta",
        "Alpha -[KNOWS]-> Beta -[KNOWS]-> Gamma -[OWNS]-> Delta",
      ])
    XCTAssertEqual(paths(t, "path Alpha Delta --all --max-length 1").count, 1)
    let limited = run(t, "path Alpha Delta --all --limit 1")
    XCTAssertTrue(limited.contains("limit reached"), limited)
    XCTAssertTrue(run(t, "path Alpha Zeta --all").contains("no path between Alpha and Zeta"))
  }
}
