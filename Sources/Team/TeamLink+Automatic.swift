import Foundation
import KnowledgeGraph
import ShellCore

extension TeamLink {
  /// Joins `session` to the team at `url` for this run: the link is kept in the session.
  /// - Throws: `KgshError` when the URL is malformed (connecting comes later).
  @discardableResult
  public static func attach(_ session: Session, url: String, report: @escaping (String) -> Void) throws -> TeamLink {
    let address = try TeamAddress.parse(url, environment: ProcessInfo.processInfo.environment)
    of(session)?.close()
    let link = TeamLink(address: address, report: report)
    session.extensions["team"] = link
    return link
  }

  /// The URL this run joins: `--team`, else `KGSH_TEAM`, else the one the knowledge base
  /// remembers (`team connect`); nil when none. Reads one row at most; no store, no row.
  public static func url(option: String?, store: KnowledgeStore?) -> String? {
    if let option, !option.isEmpty { return option }
    if let v = getenv("KGSH_TEAM"), case let s = String(cString: v), !s.isEmpty { return s }
    return store.flatMap { TeamState.get($0, .url) }
  }

  /// At start: pull what others pushed, then push what waits here. One line each on the
  /// report when something happened; one line when the server cannot be reached.
  public func startUp(_ store: KnowledgeStore) {
    guard !store.isReadOnly else { return }
    do {
      try TeamState.prepare(store)
      if let line = Self.describe(try pull(store)) { report("team: " + line) }
      if let line = Self.describe(try push(store)) { report("team: " + line) }
    } catch {
      reportFailure(error, store)
    }
  }

  /// After a command: push when the local log has records the server has not seen.
  public func afterWrites(_ store: KnowledgeStore) {
    guard !store.isReadOnly, (try? TeamState.queueCount(store)) ?? 0 > 0 else { return }
    do {
      if let line = Self.describe(try push(store)) { report("team: " + line) }
    } catch {
      reportFailure(error, store)
    }
  }

  /// Pulls after a notification (the REPL's live updates); the line to announce, or nil.
  public func pullNow(_ store: KnowledgeStore) -> String? {
    do {
      return Self.describe(try pull(store)).map { "team: " + $0 }
    } catch {
      return "team: " + KgshError.describe(error)
    }
  }

  /// One line: what went wrong and how many changes wait.
  func reportFailure(_ error: any Error, _ store: KnowledgeStore) {
    if TeamFailure.isUnreachable(error) { close() }
    var text = KgshError.describe(error)
    if let e = error as? KgshError, e.code == "team-unreachable" {
      let waiting = (try? TeamState.queueCount(store)) ?? 0
      text = e.message + "; working locally" + (waiting > 0 ? ", \(waiting.counted("change")) wait to be pushed" : "")
    }
    report(text.hasPrefix("team") ? text : "team: " + text)
  }
}
