import Foundation
import KnowledgeGraph

/// A one-line progress bar on the error stream, drawn only when the session shows
/// progress (stderr is a terminal): scripts, pipes and tests see no progress noise.
///
/// ```swift
/// let bar = ProgressBar(session, title: "import")
/// bar.update("edges", done: 40, total: 100)   // import edges ████████░░░░░░░░  40%
/// bar.finish()
/// ```
///
/// Sendable so that the store can report its graph index builds to one (see
/// `ProgressBar.reportGraphIndexBuilds`): a bar is drawn by the one command running at a time.
public final class ProgressBar: @unchecked Sendable {
  let session: Session
  let title: String
  let width = 24
  private var shown: (phase: String, percent: Int)?

  public init(_ session: Session, title: String) {
    self.session = session
    self.title = title
  }

  /// Redraws the bar when the phase or the whole percentage changed.
  public func update(_ phase: String, done: Int, total: Int) {
    guard session.showsProgress else { return }
    let percent = total > 0 ? min(100, done * 100 / total) : 100
    if let shown, shown.phase == phase, shown.percent == percent { return }
    shown = (phase, percent)
    let filled = percent * width / 100
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    let shownPercent = TextWidth.pad(String(percent), to: 3, right: true)
    session.err.write("\r\u{1B}[2K\(title) \(phase) \(bar) \(shownPercent)%")
  }

  /// Clears the bar's line.
  public func finish() {
    guard session.showsProgress, shown != nil else { return }
    session.err.write("\r\u{1B}[2K")
    shown = nil
  }
}

extension ProgressBar {
  /// Shows each build of a big graph's index (after a change to the graph, a graph query on
  /// a million entities waits a second or two for it) on a bar titled "graph index".
  public static func reportGraphIndexBuilds(_ session: Session) {
    guard session.showsProgress else { return }
    let bar = ProgressBar(session, title: "graph index")
    session.store.reportGraphIndexBuilds(
      to: GraphIndexProgress(
        report: { bar.update($0.phase, done: $0.done, total: $0.total) }, finish: { bar.finish() }))
  }
}
