import Foundation
import GRDB

/// The name entries of the full-text `search` table that a bulk import left to be written
/// later: tokenizing a million names into trigrams was a sixth of a large import's time,
/// paid even when nobody searched. The import stores the ranges of node ids whose aliases
/// are not in `search` yet (meta key `search_backlog`, e.g. `"12-100011 200000-200499"`);
/// the first search of a process that may write writes them, in one statement (`flush`).
/// Until then a search also scans the aliases of those nodes (`KnowledgeStore.search`), so
/// answers are the same before and after; lookups by name never used `search` (they read
/// `alias`).
enum SearchBacklog {
  static let metaKey = "search_backlog"

  /// The node id ranges whose aliases have no search entries yet (empty: none).
  static func ranges(_ db: Database) throws -> [ClosedRange<Int64>] {
    let text = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [metaKey])
    return parse(text ?? "")
  }

  /// Adds the nodes `range` to the backlog (inside the import's transaction).
  static func add(_ db: Database, _ range: ClosedRange<Int64>) throws {
    var all = try ranges(db)
    if let last = all.last, last.upperBound + 1 == range.lowerBound {
      all[all.count - 1] = last.lowerBound...range.upperBound
    } else {
      all.append(range)
    }
    try db.execute(
      sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [metaKey, format(all)])
  }

  /// Writes the search entries of every alias of the backlog's nodes, as `addAlias` writes
  /// them one by one (`alias norm`, kind `name`), and empties the backlog. Run in a write
  /// transaction: the backlog is read again there, so two processes never both write it.
  /// A million entities take seconds: they are written `chunk` at a time, each chunk
  /// reported to `progress` (and a Ctrl-C between two rolls the whole flush back).
  static func flush(
    _ db: Database, chunk: Int64 = flushChunk, progress: (ImportProgress) -> Void = { _ in }
  ) throws {
    let pending = try ranges(db)
    let total = pending.reduce(0) { $0 + $1.count }
    var done = 0
    for range in pending {
      var low = range.lowerBound
      while true {
        let high = range.upperBound - low < chunk ? range.upperBound : low + chunk - 1
        try db.execute(
          sql: """
            INSERT INTO search(text, node_id, kind)
              SELECT alias || ' ' || norm, node_id, 'name' FROM alias WHERE node_id BETWEEN ? AND ?
            """, arguments: [low, high])
        done += Int(high - low) + 1
        progress(ImportProgress(phase: "indexing names", done: done, total: total))
        if high == range.upperBound { break }
        low = high + 1
      }
    }
    try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [metaKey])
  }

  /// How many entities' names one statement of `flush` writes.
  static let flushChunk: Int64 = 50_000

  static func parse(_ text: String) -> [ClosedRange<Int64>] {
    text.split(separator: " ").compactMap { part in
      let ends = part.split(separator: "-").compactMap { Int64($0) }
      guard ends.count == 2, ends[0] <= ends[1] else { return nil }
      return ends[0]...ends[1]
    }
  }

  static func format(_ ranges: [ClosedRange<Int64>]) -> String {
    ranges.map { "\($0.lowerBound)-\($0.upperBound)" }.joinedText(" ")
  }
}

extension KnowledgeStore {
  /// Writes the search entries a bulk import left for later (`SearchBacklog`), unless this
  /// store cannot write (read-only, or another process holds the write lock): then it
  /// returns the node ranges that `search` has to scan in `alias` instead.
  ///
  /// The flush is upkeep of a derived index, not a change of the knowledge: it bypasses the
  /// write guard of read-only commands (`find`), records no change and leaves the graph
  /// stamp alone, so the mapped graph index stays valid.
  func catchUpSearchBacklog(progress: (ImportProgress) -> Void = { _ in }) throws -> [ClosedRange<Int64>] {
    let pending = try read { try SearchBacklog.ranges($0) }
    if pending.isEmpty || isReadOnly { return pending }
    do {
      try inWriteTransaction { try SearchBacklog.flush($0, progress: progress) }
      return []
    } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
      throw KgshError.interrupted  // Ctrl-C: the flush rolled back, the search stops too
    } catch {
      return pending
    }
  }
}
