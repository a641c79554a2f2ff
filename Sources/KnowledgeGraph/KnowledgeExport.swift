import Foundation
import GRDB

/// Writes the knowledge base in the formats of Knowledge/ (sources.tsv, entities.tsv,
/// facts.tsv, edges.tsv; see Knowledge/FORMAT.md), so additions can be reviewed in git and
/// read back by `import knowledge` or by the built-in loader.
public enum KnowledgeExport {
  public static let headers: [String: [String]] = [
    "sources.tsv": ["id", "kind", "title", "publisher", "url", "published", "reliability", "note"],
    "entities.tsv": ["key", "labels", "name", "aliases", "description"],
    "facts.tsv": [
      "id", "subject", "predicate", "type", "value", "unit", "currency", "qualifier", "as_of", "source",
      "quote",
      "status", "ref", "note", "original",
    ],
    "edges.tsv": ["id", "src", "type", "dst", "as_of", "source", "quote", "status", "ref", "props"],
  ]

  /// What to write: everything, or the user layer (what people added, imported or pulled),
  /// optionally only what changed on or after a date.
  public struct Selection: Sendable {
    public var userOnly: Bool
    public var since: String?
    public init(userOnly: Bool, since: String? = nil) {
      self.userOnly = userOnly
      self.since = since
    }
  }

  /// What `write` wrote: rows per file, and the fields whose tabs or line breaks became
  /// spaces (`facts.tsv UF-F6556F153AF2 value`), which a reader should know were changed.
  public struct Written: Sendable {
    public var counts: [(file: String, rows: Int)] = []
    public var flattened: [String] = []
  }

  /// Writes the four files into `dir` (created when missing). An edge loaded by the bulk
  /// `import` has no key of its own: it is written as `EB-<row id>`.
  public static func write(_ store: KnowledgeStore, to dir: String, _ selection: Selection) throws -> Written
  {
    let tables = try store.read { db in try rows(db, selection) }
    let folder = try TextFile.makeFolder(dir, command: "export knowledge")
    var written = Written()
    for file in ["sources.tsv", "entities.tsv", "facts.tsv", "edges.tsv"] {
      var header = headers[file]!
      // Entities' properties (a Cypher SET, an imported CSV's columns) get a column when any has them.
      if file == "entities.tsv", tables[file]?.contains(where: { !($0["props"] ?? "").isEmpty }) == true {
        header.append("props")
      }
      var text = header.joinedText("\t") + "\n"
      for row in tables[file] ?? [] {
        text +=
          header.map { column in
            let value = row[column] ?? ""
            let cleaned = clean(value)
            if cleaned != value { written.flattened.append("\(file) \(row[header[0]] ?? "") \(column)") }
            return cleaned
          }.joinedText("\t") + "\n"
      }
      try TextFile.write(text, to: folder + "/" + file, command: "export knowledge")
      written.counts.append((file, tables[file]?.count ?? 0))
    }
    return written
  }

  /// A field never holds a tab or a line break (FORMAT.md): they become spaces.
  static func clean(_ s: String) -> String {
    s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\r\n", with: " ")
      .replacingOccurrences(of: "\n", with: " ")
  }

  static func rows(_ db: Database, _ s: Selection) throws -> [String: [[String: String]]] {
    // What people added, and the built-in rows people corrected since (a corrected built-in
    // fact or entity is theirs to carry to another knowledge base as much as a new one).
    func layer(_ alias: String, _ type: String = "") -> String {
      guard s.userOnly else { return "" }
      guard !type.isEmpty else { return " AND \(alias).layer = 'user'" }
      return
        " AND (\(alias).layer = 'user' OR EXISTS (SELECT 1 FROM change_log c WHERE c.target_type = '\(type)'"
        + " AND c.target = \(alias).key AND c.kind = 'correct' AND c.layer <> 'builtin'))"
    }
    func since(_ type: String, _ key: String) -> String {
      guard let date = s.since else { return "" }
      return " AND EXISTS (SELECT 1 FROM change_log c WHERE c.target_type = '\(type)' AND c.target = \(key)"
        + " AND c.time >= '\(date.replacingOccurrences(of: "'", with: ""))')"
    }
    func fetch(_ sql: String) throws -> [[String: String]] {
      try Row.fetchAll(db, sql: sql).map { row in
        var out: [String: String] = [:]
        for column in row.columnNames { out[column] = row[column] as String? ?? "" }
        return out
      }
    }
    let sources = try fetch(
      """
      SELECT key AS id, kind, title, publisher, url, published, reliability, note FROM source s
      WHERE 1 = 1 \(layer("s")) \(since("source", "s.key")) ORDER BY s.id
      """)
    var entities = try fetch(
      """
      SELECT n.key, (SELECT group_concat(label, ',') FROM (SELECT label FROM node_label WHERE node_id = n.id ORDER BY label)) AS labels,
        n.name, (SELECT group_concat(alias, '|') FROM (SELECT alias FROM alias a WHERE a.node_id = n.id
          AND a.alias <> n.name AND a.alias <> n.key ORDER BY alias)) AS aliases, n.description
      , coalesce(n.props, '') AS props
      FROM node n WHERE 1 = 1 \(layer("n", "entity")) \(since("entity", "n.key")) ORDER BY n.id
      """)
    var facts = try fetch(
      """
      SELECT f.key AS id, n.key AS subject, f.predicate, f.value_type AS type, f.value, f.unit, f.currency,
        f.qualifier, f.as_of, s.key AS source, f.quote, f.status, f.ref, f.note, f.original
      FROM fact f JOIN node n ON n.id = f.node_id LEFT JOIN source s ON s.id = f.source_id
      WHERE f.key IS NOT NULL \(layer("f", "fact")) \(since("fact", "f.key")) ORDER BY f.id
      """)
    var edges = try fetch(
      """
      SELECT coalesce(e.key, 'EB-' || e.id) AS id, a.key AS src, t.name AS type, b.key AS dst, e.as_of, s.key AS source, e.quote, e.status,
        e.ref, e.props
      FROM edge e JOIN edge_type t ON t.id = e.type JOIN node a ON a.id = e.src JOIN node b ON b.id = e.dst
        LEFT JOIN source s ON s.id = e.source_id
      WHERE 1 = 1 \(layer("e")) \(since("edge", "e.key")) ORDER BY e.id
      """)
    for i in edges.indices { edges[i]["props"] = try props(edges[i]["props"] ?? "") }
    for i in entities.indices { entities[i]["props"] = try props(entities[i]["props"] ?? "") }
    // A row without a source says it is unverified (what a Cypher CREATE or `--unsourced`
    // means), as the import requires of such rows.
    for i in facts.indices where Self.unsourced(facts[i]) { facts[i]["status"] = "unverified" }
    for i in edges.indices where Self.unsourced(edges[i]) { edges[i]["status"] = "unverified" }
    return ["sources.tsv": sources, "entities.tsv": entities, "facts.tsv": facts, "edges.tsv": edges]
  }

  static func unsourced(_ row: [String: String]) -> Bool {
    (row["source"] ?? "").isEmpty && (row["status"] ?? "").isEmpty
  }

  /// `{"round":"B"}` as `round=B` (the `k=v;k=v` of a `props` column); as the JSON object
  /// when pairs would change a value (text that reads as a number, a `;` or `=` inside, a list).
  static func props(_ json: String) throws -> String {
    guard !json.isEmpty, case .map(let m) = try JSON.decode(json), !m.isEmpty else { return "" }
    let pairs = m.keys.sorted().map { "\($0)=\(m[$0]!.plainText)" }.joinedText(";")
    return Value.properties(fromPairs: pairs) == m && !pairs.hasPrefix("{") ? pairs : JSON.encode(.map(m))
  }
}
