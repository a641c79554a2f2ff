import CypherTCK
// kgsh-tck FEATURES_DIR [--graphs GRAPHS_DIR] [--time-limit SECONDS]
// Runs openCypher TCK feature files against kgsh's query engine, one line per scenario,
// then `N passed, N failed, N skipped`. Always exits 0.
import Foundation
import GraphQuery

var arguments = Array(CommandLine.arguments.dropFirst())
var graphs: URL?
if let i = arguments.firstIndex(of: "--graphs"), i + 1 < arguments.count {
  graphs = URL(fileURLWithPath: arguments[i + 1])
  arguments.removeSubrange(i...(i + 1))
}
var timeLimit = 10.0
if let i = arguments.firstIndex(of: "--time-limit"), i + 1 < arguments.count {
  timeLimit = Double(arguments[i + 1]) ?? timeLimit
  arguments.removeSubrange(i...(i + 1))
}
guard let featuresPath = arguments.first, !featuresPath.hasPrefix("-") else {
  print(
    "usage: kgsh-tck FEATURES_DIR|FILE.feature [--graphs GRAPHS_DIR] [--time-limit SECONDS per scenario, default 10]"
  )
  print("0 passed, 0 failed, 0 skipped")
  exit(0)
}
let features = URL(fileURLWithPath: featuresPath)
if graphs == nil {
  let sibling = features.deletingLastPathComponent().appendingPathComponent("graphs")
  if FileManager.default.fileExists(atPath: sibling.path) { graphs = sibling }
}
let runner = TCKRunner(graphsDirectory: graphs, timeLimit: timeLimit)
var counts: [TCKRunner.Outcome: Int] = [:]
do {
  _ = try runner.runAll(in: features) { report in
    print(report.text)
    counts[report.outcome, default: 0] += 1
  }
} catch {
  print("error: \(error)")
}
print("\(counts[.pass] ?? 0) passed, \(counts[.fail] ?? 0) failed, \(counts[.skip] ?? 0) skipped")
