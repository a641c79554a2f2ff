import Foundation

/// Who is told how a build of a big graph's graph index goes, phase by phase (a terminal's
/// progress bar: on a million entities the build takes a second or two, after any change to
/// the graph). Builds of graphs under `minEdges` edges (`$KGSH_GRAPH_INDEX_PROGRESS_MIN_EDGES`
/// when set, for tests) are too quick to report.
///
/// ```swift
/// store.reportGraphIndexBuilds(to: GraphIndexProgress(
///   report: { bar.update($0.phase, done: $0.done, total: $0.total) }, finish: { bar.finish() }))
/// ```
public struct GraphIndexProgress: Sendable {
  /// Graphs with fewer edges build in well under a tenth of a second: no report.
  public static let minEdges =
    getenv("KGSH_GRAPH_INDEX_PROGRESS_MIN_EDGES").flatMap { Int(String(cString: $0)) } ?? 250_000
  let onReport: @Sendable (ImportProgress) -> Void
  let onFinish: @Sendable () -> Void

  /// - Parameters:
  ///   - report: a phase ("nodes", "names", "edges", "rows", "saving") and how far it is.
  ///   - finish: the build is over (or failed): clear what `report` showed.
  public init(
    report: @escaping @Sendable (ImportProgress) -> Void, finish: @escaping @Sendable () -> Void
  ) {
    onReport = report
    onFinish = finish
  }

  /// The phases of a build in order, each with the share of the whole it took on a graph of a
  /// million entities and five million edges (reading from the tables, building the rows,
  /// saving the file): one bar goes once from 0 to 100%.
  static let phases: [(name: String, from: Int, to: Int)] = [
    ("nodes", 0, 8), ("names", 8, 18), ("edges", 18, 58), ("rows", 58, 83), ("saving", 83, 100),
  ]

  /// `done` of `total` of `phase` is done (0 of 1 when the phase starts).
  func report(_ phase: String, done: Int, total: Int) {
    guard let p = Self.phases.first(where: { $0.name == phase }) else { return }
    let within = total > 0 ? (p.to - p.from) * min(done, total) / total : 0
    onReport(ImportProgress(phase: phase, done: p.from + within, total: 100))
  }

  func finish() { onFinish() }
}

extension KnowledgeStore {
  /// Reports each later build of a big graph's index (nil: none) to `progress`.
  public func reportGraphIndexBuilds(to progress: GraphIndexProgress?) {
    graphIndexProgress.withLock { $0 = progress }
  }
}
