import Foundation
import KnowledgeGraph
import XCTest

@testable import GraphQuery

/// Q7 of the benchmark on a generated graph; runs only when KGSH_BENCH is set (not in CI):
/// `KGSH_BENCH=100000 swift test -c release --filter PatternBenchmarkTests`.
final class PatternBenchmarkTests: XCTestCase {
  func testQ7InvestorsInCompetingCompanies() throws {
    guard let size = ProcessInfo.processInfo.environment["KGSH_BENCH"].flatMap(Int.init) else {
      print("skipping the pattern benchmark: set KGSH_BENCH=<nodes>")
      return
    }
    let store = try KnowledgeStore.inMemory()
    var rng = SplitMix(seed: 7)
    let companies = size / 2, investors = size / 5, people = size - companies - investors
    try store.write { w in
      let invests = try w.edgeType("invests_in"), competes = try w.edgeType("competes_with")
      let founded = try w.edgeType("founded")
      for i in 0..<companies {
        try w.insertNode(key: "c\(i)", name: "Company \(i)", labels: ["Company"], indexName: false)
      }
      for i in 0..<investors {
        try w.insertNode(key: "i\(i)", name: "Investor \(i)", labels: ["Investor"], indexName: false)
      }
      for i in 0..<people {
        try w.insertNode(key: "p\(i)", name: "Person \(i)", labels: ["Person"], indexName: false)
      }
      // Ids are 1-based in insertion order: companies, then investors, then people.
      func company() -> Int64 { Int64(1 + rng.skewed(companies)) }
      for _ in 0..<(size * 5 * 6 / 10) {
        try w.insertEdge(Int64(companies + 1 + rng.next(investors)), invests, company())
      }
      for _ in 0..<(size * 5 * 2 / 10) { try w.insertEdge(company(), competes, company()) }
      for _ in 0..<(size * 5 * 2 / 10) {
        try w.insertEdge(Int64(companies + investors + 1 + rng.next(people)), founded, company())
      }
    }
    let engine = QueryEngine(store: store)
    let q7 = """
      MATCH (i:Investor)-[:invests_in]->(a:Company)-[:competes_with]->(b:Company)<-[:invests_in]-(i)
      RETURN count(DISTINCT i) AS investors, count(*) AS rows
      """
    print(try engine.explain(q7))
    var times: [Double] = []
    var answer: [[ResultValue]] = []
    for _ in 0..<6 {
      let start = Date()
      answer = try engine.run(q7).rows
      times.append(Date().timeIntervalSince(start) * 1000)
    }
    print(
      "Q7 on \(size) nodes: \(answer) runs(ms): \(times.map { Int($0) }) median after warm-up: \(Int(times.dropFirst().sorted()[2])) ms"
    )
  }
}

/// A small seeded generator so the benchmark graph is the same on every run.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func next(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  /// Power-law-ish: low indices are picked far more often.
  mutating func skewed(_ n: Int) -> Int {
    let u = Double(next() % 1_000_000) / 1_000_000
    return min(n - 1, Int(Double(n) * u * u * u))
  }
}
