/// A source of the knowledge base with how many facts and relations cite it.
public struct SourceUse: Sendable {
  public var source: Source
  public var facts: Int
  public var relations: Int
}

extension KnowledgeStore {
  /// Every source, the most cited first (facts and relations together), then by key. The
  /// facts and the edges are each counted in one pass, not once per source.
  public func sourceUses() throws -> [SourceUse] {
    try read { db in
      let uses = try RawStatement(
        db,
        """
        SELECT \(Self.sourceColumns), coalesce(f.c, 0) AS facts, coalesce(e.c, 0) AS relations
        FROM source s
        LEFT JOIN (SELECT source_id, count(*) AS c FROM fact GROUP BY source_id) f ON f.source_id = s.id
        LEFT JOIN (SELECT source_id, count(*) AS c FROM edge GROUP BY source_id) e ON e.source_id = s.id
        ORDER BY facts + relations DESC, s.key
        """)
      return try uses.all {
        SourceUse(source: Self.source(from: $0), facts: Int($0.int64(9)), relations: Int($0.int64(10)))
      }
    }
  }
}

extension KnowledgeStore {
  /// The source whose address is `url`, written with or without a trailing slash, `www.`
  /// or `http`/`https` (`fact add ... --source https://...` cites it by its address); the
  /// first by key when several have it.
  public func source(url: String) throws -> Source? {
    func bare(_ text: String) -> String {
      var t = text.lowercased()
      for prefix in ["https://", "http://"] where t.hasPrefix(prefix) { t.removeFirst(prefix.count) }
      if t.hasPrefix("www.") { t.removeFirst(4) }
      while t.hasSuffix("/") { t.removeLast() }
      return t
    }
    let wanted = bare(url)
    guard !wanted.isEmpty else { return nil }
    return try read { db in
      let sources = try RawStatement(
        db, "SELECT \(Self.sourceColumns) FROM source s WHERE s.url IS NOT NULL ORDER BY s.key")
      return try sources.all(Self.source(from:)).first { $0.url.map(bare) == wanted }
    }
  }
}
