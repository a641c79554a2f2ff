import Foundation
import GRDB
import GRDBSQLite

/// What a name resolved to.
public enum Resolution: Sendable {
  case found(Node)
  /// Several entities answer to the name; the user has to pick.
  case ambiguous([Node])
  /// Nothing answers to it; the closest names are offered.
  case notFound(suggestions: [String])
}

/// What a name resolved to, as entity ids (`resolveID`: no entity is read).
public enum IDResolution: Sendable, Equatable {
  case found(Int64)
  case ambiguous([Int64])
  case notFound(suggestions: [String])
}

/// One search result, best first.
public struct SearchHit: Sendable {
  public var node: Node
  /// Higher is better: 100 exact name, 80 prefix, 60 name substring, 40 quote.
  public var score: Int
  /// The alias or quote that matched.
  public var matched: String
}

extension KnowledgeStore {
  /// Both ways a name answers, in one statement: the entity whose key it is (tagged 0), and
  /// those with it as a folded name or alias (tagged 1). The tags, not the order of the rows,
  /// say which is which.
  static let idsAnsweringSQL = ReaderSQL(
    "SELECT id, 0 FROM node WHERE key = ?1 UNION ALL SELECT node_id, 1 FROM alias WHERE norm = ?2")

  /// Resolves what a user typed to one entity: a key, a name or any alias, folding case,
  /// width and traditional/simplified script.
  public func resolve(_ text: String) throws -> Resolution {
    let trimmed = Trim.spaces(text)
    // One read for the usual case, the name and its entity.
    let (ids, node) = try read { db -> ([Int64], Node?) in
      let ids = try self.ids(db, answeringTo: trimmed)
      return (ids, ids.count == 1 ? try self.node(db, id: ids[0]) : nil)
    }
    switch ids.count {
    case 1:
      // Gone only if another process deleted it between the lookup and the row's read.
      guard let node else { return .notFound(suggestions: []) }
      return .found(node)
    case 0: return .notFound(suggestions: try suggestions(for: trimmed))
    default: return .ambiguous(try ids.compactMap { try self.node(id: $0) })
    }
  }

  /// `resolve` as ids, in one read: what a graph command needs to start a traversal, without
  /// reading the entity's row, labels and properties.
  public func resolveID(_ text: String) throws -> IDResolution {
    let trimmed = Trim.spaces(text)
    let ids = try read { db in try self.ids(db, answeringTo: trimmed) }
    if ids.count == 1 { return .found(ids[0]) }
    if ids.count > 1 { return .ambiguous(ids) }
    return .notFound(suggestions: try suggestions(for: trimmed))
  }

  /// The entities a trimmed name answers to: the one whose key it is, else those with it
  /// as a name or alias (folded), in id order.
  func ids(_ db: Database, answeringTo trimmed: String) throws -> [Int64] {
    let answering = try prepared(db, Self.idsAnsweringSQL)
    answering.bind(1, trimmed)
    answering.bind(2, Names.normalize(trimmed))
    var byKey: Int64?
    var byName: [Int64] = []
    try answering.stepRows { row in
      let id = sqlite3_column_int64(row, 0)
      if sqlite3_column_int64(row, 1) == 0 {
        byKey = id
        return false
      }
      byName.append(id)
      return true
    }
    if let byKey { return [byKey] }
    // An entity with several names that fold alike has a row for each.
    return byName.count < 2 ? byName : Array(Set(byName)).sorted()
  }

  /// Names to offer for a name nothing answers to: the entities whose names match it best
  /// (up to three that match equally well: `Claude` starts many names), else the nearest
  /// spellings; none for a number. A word found only in quotes (`article`, `FOUNDED`) offers
  /// none: "did you mean 'Zhipu AI'?" would be a guess, and `find` shows where the word appears.
  func suggestions(for trimmed: String) throws -> [String] {
    // A number (`2025`, `4`) is part of many names: any one offered would be a coincidence.
    if trimmed.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) { return [] }
    // One letter away from a name is a typo of it (`Anthropicc`), whatever else starts so;
    // not for two letters, which are one letter away from too much (`ML` and `M3`).
    let norm = Names.normalize(trimmed)
    let typo = norm.count >= 3 ? try nearNames(norm, within: 1) : []
    if !typo.isEmpty { return typo }
    let hits = try search(trimmed, limit: 5).filter { $0.score >= 60 }
    if let top = hits.first?.score { return hits.filter { $0.score == top }.prefix(3).map(\.node.name) }
    return try nearNames(norm)
  }

  /// Names whose folded form is within a small edit distance of `norm` (typos); of names
  /// equally near, the entity with more relations first (`智普` is one character from both
  /// 智谱 and 智源: Zhipu AI, with the more relations, is offered first).
  func nearNames(_ norm: String, within distance: Int? = nil) throws -> [String] {
    guard let first = norm.first else { return [] }
    let rows = try read { db in
      try Row.fetchAll(
        db,
        sql:
          "SELECT a.norm, n.name, n.id FROM alias a JOIN node n ON n.id = a.node_id WHERE a.norm >= ? AND a.norm < ? LIMIT 5000",
        arguments: [String(first), String(first) + "\u{10FFFF}"])
    }
    let limit = distance ?? max(1, norm.count / 3)
    var best: [(name: String, id: Int64, distance: Int)] = []
    for row in rows {
      let d = Names.editDistance(norm, row["norm"])
      if d <= limit { best.append((row["name"], row["id"], d)) }
    }
    // The nearest spellings only: one a letter away is what was meant, not one three away.
    guard let nearest = best.map(\.distance).min() else { return [] }
    var seen = Set<Int64>()
    let near = best.filter { $0.distance == nearest && seen.insert($0.id).inserted }
    let degrees = near.count > 1 ? try degreeMap(near.map(\.id)) : [:]
    return near.enumerated().sorted {
      let (a, b) = (degrees[$0.element.id] ?? 0, degrees[$1.element.id] ?? 0)
      return a != b ? a > b : $0.offset < $1.offset
    }.prefix(3).map(\.element.name)
  }

  /// Ranked search over names, aliases and quotes; works for Chinese (trigrams, and a
  /// substring scan for one- and two-character queries). The first search after a bulk
  /// import writes the search entries it left (`SearchBacklog`), reporting to `progress`.
  public func search(
    _ text: String, limit: Int = 20, progress: (ImportProgress) -> Void = { _ in }
  ) throws -> [SearchHit] {
    try searchCounting(text, limit: limit, progress: progress).hits
  }

  /// `search`, with how many entities matched in all: `matched` is a lower bound when
  /// `atLeast` (a way of matching stopped at its first 500 rows).
  public func searchCounting(
    _ text: String, limit: Int = 20, progress: (ImportProgress) -> Void = { _ in }
  ) throws -> (hits: [SearchHit], matched: Int, atLeast: Bool) {
    let query = text.trimmingCharacters(in: .whitespaces)
    guard !query.isEmpty else { return ([], 0, false) }
    let norm = Names.normalize(query)
    var best: [Int64: (score: Int, matched: String)] = [:]
    let lowered = query.lowercased()
    /// Of equal matches, the one spelled as typed is shown (智谱 finds 智谱, not 智譜), and a
    /// name before a key (`GLM Coding Plan`, not `glm-coding-plan`, for `coding`).
    func shown(_ text: String) -> Int {
      let keyLike = text == text.lowercased() && !text.contains(" ") && text.contains("-")
      return (text.lowercased().contains(lowered) ? 2 : 0) + (keyLike ? 0 : 1)
    }
    func offer(_ id: Int64, _ score: Int, _ matched: String) {
      if let current = best[id] {
        if current.score > score { return }
        if current.score == score && shown(current.matched) >= shown(matched) { return }
      }
      best[id] = (score, matched)
    }
    var atLeast = false
    /// The rows of a statement that stops at 500 rows, noting when it did.
    func capped(_ rows: [Row]) -> [Row] {
      if rows.count >= 500 { atLeast = true }
      return rows
    }
    let backlog = try catchUpSearchBacklog(progress: progress)
    try read { db in
      for row in try Row.fetchAll(
        db, sql: "SELECT node_id, alias FROM alias WHERE norm = ?", arguments: [norm])
      {
        offer(row["node_id"], 100, row["alias"])
      }
      for row in capped(
        try Row.fetchAll(
          db, sql: "SELECT node_id, alias FROM alias WHERE norm > ? AND norm < ? LIMIT 500",
          arguments: [norm, norm + "\u{10FFFF}"]))
      {
        offer(row["node_id"], 80, row["alias"])
      }
      let pattern = "%" + Self.escapeLike(norm) + "%"
      // FTS5 reads its query as a C string: a NUL would end the phrase inside its quotes.
      if query.count >= 3, !query.contains("\0") {
        let phrase = "\"" + query.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let normPhrase = "\"" + norm.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        for row in capped(
          try Row.fetchAll(
            db,
            sql: "SELECT node_id, kind, text FROM search WHERE search MATCH ? OR search MATCH ? LIMIT 500",
            arguments: [phrase, normPhrase]))
        {
          let kind: String = row["kind"]
          let text: String = row["text"]
          offer(
            row["node_id"], kind == "name" ? 60 : 40, kind == "name" ? Self.aliasOfSearchName(text) : text)
        }
        for (id, alias) in try Self.backlogMatches(db, backlog, query, pattern) { offer(id, 60, alias) }
      } else {
        for row in capped(
          try Row.fetchAll(
            db, sql: "SELECT node_id, alias FROM alias WHERE norm LIKE ? ESCAPE '\\' LIMIT 500",
            arguments: [pattern]))
        {
          offer(row["node_id"], 60, row["alias"])
        }
        for row in capped(
          try Row.fetchAll(
            db, sql: "SELECT node_id, quote FROM fact WHERE quote LIKE ? ESCAPE '\\' LIMIT 500",
            arguments: ["%" + Self.escapeLike(query) + "%"]))
        {
          offer(row["node_id"], 40, row["quote"])
        }
      }
    }
    let degrees = try degreeMap(Array(best.keys))
    let ranked = best.sorted { a, b in
      if a.value.score != b.value.score { return a.value.score > b.value.score }
      let da = degrees[a.key] ?? 0, db = degrees[b.key] ?? 0
      if da != db { return da > db }
      return a.key < b.key
    }
    let hits = try ranked.prefix(max(0, limit)).compactMap { id, hit in
      try node(id: id).map { SearchHit(node: $0, score: hit.score, matched: hit.matched) }
    }
    return (hits, best.count, atLeast)
  }

  /// The aliases of nodes whose search entries an import left for later
  /// (`SearchBacklog`) that contain `query` or the folded `pattern`: what the full-text
  /// index will find once it holds them.
  static func backlogMatches(
    _ db: Database, _ backlog: [ClosedRange<Int64>], _ query: String, _ pattern: String
  ) throws -> [(Int64, String)] {
    var out: [(Int64, String)] = []
    for range in backlog {
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT node_id, alias FROM alias WHERE node_id BETWEEN ? AND ?
            AND (alias LIKE ? ESCAPE '\\' OR norm LIKE ? ESCAPE '\\') LIMIT 500
          """,
        arguments: [range.lowerBound, range.upperBound, "%" + escapeLike(query) + "%", pattern])
      {
        out.append((row["node_id"], row["alias"]))
      }
    }
    return out
  }

  /// The alias a name's search entry holds: the entry is the alias, a space and its
  /// normal form (which has no spaces), so `GLM Coding Plan glmcodingplan` is `GLM Coding Plan`
  /// (the first word, `GLM`, was shown as what matched).
  static func aliasOfSearchName(_ text: String) -> String {
    guard let space = text.lastIndex(of: " ") else { return text }
    return String(text[..<space])
  }

  static func escapeLike(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
      .replacingOccurrences(of: "_", with: "\\_")
  }

  /// Degree (in + out edges) of each node id.
  public func degreeMap(_ ids: [Int64]) throws -> [Int64: Int] {
    guard !ids.isEmpty else { return [:] }
    return try read { db in
      var result: [Int64: Int] = [:]
      for id in ids {
        result[id] =
          try Int.fetchOne(
            db,
            sql:
              "SELECT (SELECT count(*) FROM edge WHERE src = ?1) + (SELECT count(*) FROM edge WHERE dst = ?1)",
            arguments: [id]) ?? 0
      }
      return result
    }
  }

  /// Names and aliases starting with `prefix` (folded), for tab completion; at most `limit`,
  /// and the total count so a caller can say "and 12,345 more".
  /// The total is the number of alias rows in the range: the size of the graph index's range
  /// of sorted names when that index is at hand (`readyGraphIndex`), else counted in SQLite.
  public func completeNames(prefix: String, limit: Int) throws -> (names: [String], total: Int) {
    let norm = Names.normalize(prefix)
    if norm.isEmpty {
      return try read { db in
        let names = try String.fetchAll(
          db, sql: "SELECT name FROM node ORDER BY name LIMIT ?", arguments: [limit])
        return (names, try Int.fetchOne(db, sql: "SELECT count(*) FROM node") ?? 0)
      }
    }
    let upper = norm + "\u{10FFFF}"
    let names = try read { db in
      try String.fetchAll(
        db, sql: "SELECT alias FROM alias WHERE norm >= ? AND norm < ? ORDER BY norm LIMIT ?",
        arguments: [norm, upper, limit])
    }
    guard names.count >= limit else { return (names, names.count) }
    if let graph = try readyGraphIndex(), graph.namePrefixes.complete {
      return (names, graph.namePrefixes.range(prefix: norm).count)
    }
    let total = try read { db in
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM (SELECT 1 FROM alias WHERE norm >= ? AND norm < ? LIMIT 1000000)",
        arguments: [norm, upper]) ?? 0
    }
    return (names, total)
  }

  /// Entities with a name or alias starting with `prefix` (folded like every lookup), in
  /// folded-name order: a range of the graph index's sorted names when that index is at
  /// hand without a build (`readyGraphIndex`), else a range scan of the alias table.
  /// Returns at most `limit` of them and, when `counting`, how many there are in all (else
  /// the number returned: tab completion needs no total and stops after its page).
  public func nodes(namePrefix prefix: String, limit: Int, counting: Bool = true) throws -> (
    nodes: [Node], total: Int
  ) {
    let norm = Names.normalize(prefix)
    guard !norm.isEmpty else { return ([], 0) }
    let shown: [Int64], total: Int
    if let graph = try readyGraphIndex(), graph.namePrefixes.complete {
      // The same range in the graph index's sorted names: two binary searches, no row stepped.
      let names = graph.namePrefixes
      let range = names.range(prefix: norm)
      shown = limit > 0 ? names.firstNodes(in: range, limit: limit).map { graph.nodeIDs[Int($0)] } : []
      total = counting ? names.distinctNodeCount(in: range) : shown.count
    } else {
      let upper = norm + "\u{10FFFF}"
      shown = limit > 0 ? try firstNodeIDs(norm: norm, upper: upper, limit: limit) : []
      total = counting ? try distinctNodes(norm: norm, upper: upper) : shown.count
    }
    let byID = try nodeHeads(ids: shown)
    return (shown.compactMap { byID[$0] }, total)
  }

  static let aliasRangeSQL = ReaderSQL(
    "SELECT node_id FROM alias WHERE norm >= ? AND norm < ? ORDER BY norm, node_id")
  static let distinctInRangeSQL = ReaderSQL(
    "SELECT \(DistinctIDs.name)(node_id) FROM alias WHERE norm >= ? AND norm < ?")

  /// The first `limit` distinct entities of an alias range. The index is ordered by (norm,
  /// node_id), so the first time an entity appears is at its smallest folded name: the order
  /// of `GROUP BY node_id ORDER BY min(norm), node_id`, without reading the whole range.
  func firstNodeIDs(norm: String, upper: String, limit: Int) throws -> [Int64] {
    try read { (db: Database) throws -> [Int64] in
      let range = try prepared(db, Self.aliasRangeSQL)
      range.bind(1, norm)
      range.bind(2, upper)
      var ids: [Int64] = []
      var seen = Set<Int64>()
      try range.stepRows(while: { (s: OpaquePointer) in
        let id = sqlite3_column_int64(s, 0)
        if seen.insert(id).inserted { ids.append(id) }
        return ids.count < limit
      })
      return ids
    }
  }

  /// How many distinct entities an alias range holds, counted inside SQLite as the range is
  /// stepped (`kgsh_distinct_ids`, a bitmap): no row leaves SQLite, no sort.
  func distinctNodes(norm: String, upper: String) throws -> Int {
    try read { (db: Database) throws -> Int in
      let range = try prepared(db, Self.distinctInRangeSQL)
      range.bind(1, norm)
      range.bind(2, upper)
      var total: Int64 = 0
      try range.forEachRow { total = sqlite3_column_int64($0, 0) }
      return Int(total)
    }
  }

  /// Labels, for completion.
  public func labelNames() throws -> [String] {
    try read { try String.fetchAll($0, sql: "SELECT DISTINCT label FROM node_label ORDER BY label") }
  }
}
