import Foundation
import GraphQuery
import KnowledgeGraph

/// Runs openCypher TCK scenarios, each on a fresh in-memory store.
package struct TCKRunner {
  package enum Outcome: String, Sendable { case pass = "PASS", fail = "FAIL", skip = "SKIP" }

  package struct Report: Sendable {
    package var feature: String
    package var line: Int
    package var scenario: String
    package var outcome: Outcome
    package var reason: String?

    package var text: String {
      "\(outcome.rawValue) \(feature):\(line) \(scenario)" + (reason.map { " [\($0)]" } ?? "")
    }
  }

  package var graphsDirectory: URL?
  /// Seconds one scenario may run (all its queries together) before it fails.
  package var timeLimit: Double

  package init(graphsDirectory: URL?, timeLimit: Double = 10) {
    self.graphsDirectory = graphsDirectory
    self.timeLimit = timeLimit
  }

  /// Every `.feature` file under a directory, sorted by path.
  package static func featureFiles(in directory: URL) -> [URL] {
    let paths = (try? FileManager.default.subpathsOfDirectory(atPath: directory.path)) ?? []
    let files = paths.filter { $0.hasSuffix(".feature") }.map { directory.appendingPathComponent($0) }
    return files.sorted { $0.path < $1.path }
  }

  /// Runs all features under `directory`, calling `report` after each scenario.
  package func runAll(in directory: URL, report: (Report) -> Void) throws -> [Report] {
    var reports: [Report] = []
    let isFile = directory.pathExtension == "feature"
    let base = (isFile ? directory.deletingLastPathComponent() : directory).standardizedFileURL.path
    for file in isFile ? [directory] : TCKRunner.featureFiles(in: directory) {
      let text = try String(contentsOf: file, encoding: .utf8)
      var relative = file.standardizedFileURL.path
      if relative.hasPrefix(base) { relative = String(relative.dropFirst(base.count + 1)) }
      let feature = Feature.parse(text, path: relative)
      for scenario in feature.scenarios {
        let r = run(scenario, in: feature)
        reports.append(r)
        report(r)
      }
    }
    return reports
  }

  struct Failure: Error {
    var outcome: Outcome
    var reason: String
  }

  /// Runs one scenario and says how it went.
  package func run(_ scenario: Feature.Scenario, in feature: Feature) -> Report {
    var report = Report(feature: feature.path, line: scenario.line, scenario: scenario.name, outcome: .pass)
    do {
      try execute(scenario)
    } catch let f as Failure {
      report.outcome = f.outcome
      report.reason = f.reason
    } catch {
      report.outcome = .fail
      report.reason = "\(error)"
    }
    return report
  }

  func execute(_ scenario: Feature.Scenario) throws {
    var run = try ScenarioRun(runner: self)
    for step in scenario.steps where try !run.run(step) {
      throw Failure(outcome: .skip, reason: "unknown step '\(step.text)'")
    }
  }

  func successful(_ result: Result<QueryResult, any Error>?) throws -> QueryResult {
    switch result {
    case .success(let r)?: return r
    case .failure(let e as KgshError)? where e.kind == .unsupported:
      throw Failure(outcome: .skip, reason: e.description)
    case .failure(let e)?: throw Failure(outcome: .fail, reason: "query failed: \(e)")
    case nil: throw Failure(outcome: .fail, reason: "no query ran")
    }
  }

  func compare(_ actual: QueryResult, _ table: [[String]], ordered: Bool, unorderedLists: Bool) throws {
    guard let header = table.first else { return }
    if header != actual.columns {
      throw Failure(outcome: .fail, reason: "columns: expected \(header), got \(actual.columns)")
    }
    let expected = try table.dropFirst().map { row in try row.map(TCKValue.parse) }
    func show() -> String {
      "expected \(expected.map { "|" + $0.map(\.description).joinedText("|") + "|" }.joinedText(" ")), got "
        + actual.rows.map { "|" + $0.map(tckDescription).joinedText("|") + "|" }.joinedText(" ")
    }
    guard expected.count == actual.rows.count else {
      throw Failure(
        outcome: .fail, reason: "\(expected.count) rows expected, \(actual.rows.count) returned: \(show())")
    }
    func rowMatches(_ e: [TCKValue], _ a: [ResultValue]) -> Bool {
      e.count == a.count && zip(e, a).allSatisfy { $0.matches($1, unorderedLists: unorderedLists) }
    }
    if ordered {
      for (e, a) in zip(expected, actual.rows) where !rowMatches(e, a) {
        throw Failure(outcome: .fail, reason: "rows differ (in order): \(show())")
      }
    } else {
      var remaining = actual.rows
      for e in expected {
        guard let i = remaining.firstIndex(where: { rowMatches(e, $0) }) else {
          throw Failure(outcome: .fail, reason: "rows differ: \(show())")
        }
        remaining.remove(at: i)
      }
    }
  }

  typealias State = (nodes: Set<Int64>, edges: Set<Int64>, labels: Set<String>, properties: Set<String>)

  /// Side effects as the TCK counts them: +/- nodes, relationships, labels, properties.
  static func sideEffects(_ a: State, _ b: State) -> [String: Int] {
    var out: [String: Int] = [:]
    func put(_ key: String, _ n: Int) { if n != 0 { out[key] = n } }
    put("+nodes", b.nodes.subtracting(a.nodes).count)
    put("-nodes", a.nodes.subtracting(b.nodes).count)
    put("+relationships", b.edges.subtracting(a.edges).count)
    put("-relationships", a.edges.subtracting(b.edges).count)
    put("+labels", b.labels.subtracting(a.labels).count)
    put("-labels", a.labels.subtracting(b.labels).count)
    put("+properties", b.properties.subtracting(a.properties).count)
    put("-properties", a.properties.subtracting(b.properties).count)
    return out
  }

  static func describe(_ effects: [String: Int]) -> String {
    effects.isEmpty ? "none" : effects.keys.sorted().map { "\($0) \(effects[$0]!)" }.joinedText(", ")
  }
}
