import Foundation
import KnowledgeGraph
import ShellCore

/// A session's tie to its team: the server's address, the connection (opened on first use,
/// opened again after it was lost), and push and pull between the local change log and the
/// shared one. Kept in `session.extensions["team"]`; a session without a team has none, and
/// nothing of the driver (no event loop, no TLS) is created.
public final class TeamLink {
  public let address: TeamAddress
  var server: TeamServer?
  /// Background pulls and pushes report here (stderr in kgsh, a buffer in tests).
  public var report: (String) -> Void

  public init(address: TeamAddress, report: @escaping (String) -> Void) {
    self.address = address
    self.report = report
  }

  /// The session's link, when it has joined a team.
  public static func of(_ session: Session) -> TeamLink? { session.extensions["team"] as? TeamLink }

  /// The open connection, connecting when there is none or the last one was lost.
  public func connection() throws -> TeamServer {
    if let server, !server.isClosed { return server }
    let fresh = try TeamServer.connect(address)
    server = fresh
    return fresh
  }

  public func close() {
    server?.close()
    server = nil
  }

  /// What one push did.
  public struct Pushed: Sendable {
    /// Records sent, and how many of them the server did not have yet.
    public var sent: Int
    public var new: Int
  }

  /// Sends every waiting record in one server transaction, then moves the local push
  /// position past them. Killed in between, the next push sends them again and the server
  /// skips what it has.
  @discardableResult
  public func push(_ store: KnowledgeStore) throws -> Pushed {
    let queue = try TeamState.queue(store)
    guard let last = queue.last else { return Pushed(sent: 0, new: 0) }
    let new = try connection().push(queue.map(\.record))
    try store.write { w in
      try TeamState.set(w, .pushedPosition, String(last.position))
      try TeamState.set(w, .lastPush, TeamState.now())
    }
    return Pushed(sent: queue.count, new: new)
  }

  /// What one pull did: the records new here, by author.
  public struct Pulled: Sendable {
    public var merged: [ChangeRecord] = []
    public var seen = 0
  }

  /// Fetches the shared log after the last pull and merges it (records already here are
  /// skipped); each batch and the new pull position are one local transaction.
  @discardableResult
  public func pull(_ store: KnowledgeStore, batch: Int = 5_000) throws -> Pulled {
    let server = try connection()
    var result = Pulled()
    var seq = TeamState.pulledSeq(store)
    while true {
      let changes = try server.changes(after: seq, limit: batch)
      guard let lastSeq = changes.last?.seq else { break }
      let merged = try store.write { w -> [ChangeRecord] in
        var new: [ChangeRecord] = []
        for change in changes {
          var record = change.record
          record.layer = .team
          if try w.merge(record) { new.append(record) }
        }
        try TeamState.set(w, .pulledSeq, String(lastSeq))
        return new
      }
      result.merged += merged
      result.seen += changes.count
      seq = lastSeq
      if changes.count < batch { break }
    }
    if result.seen > 0 || TeamState.get(store, .lastPull) == nil {
      try store.write { w in try TeamState.set(w, .lastPull, TeamState.now()) }
    }
    return result
  }

  /// `2 changes from alice pulled`, or nil when nothing was new.
  public static func describe(_ pulled: Pulled) -> String? {
    guard !pulled.merged.isEmpty else { return nil }
    var authors: [String] = []
    for r in pulled.merged where !authors.contains(r.author) { authors.append(r.author) }
    let who = authors.count <= 3 ? authors.joinedText(", ") : "\(authors.count) people"
    return "\(pulled.merged.count.counted("change")) from \(who) pulled"
  }

  /// `3 changes pushed`, or nil when nothing was sent.
  public static func describe(_ pushed: Pushed) -> String? {
    guard pushed.sent > 0 else { return nil }
    let already = pushed.sent - pushed.new
    return "\(pushed.sent.counted("change")) pushed" + (already > 0 ? " (\(already) were on the server already)" : "")
  }

}
