import GRDB
import GRDBSQLite

extension KnowledgeStore {
  /// An entity's row, its labels and its names in one statement: the row (tagged 0), then a
  /// row per label (1) and per alias (2), the text in the `key` column. The tags, not the
  /// order of the rows, say which is which.
  static let entitySQL = ReaderSQL(
    """
    SELECT \(nodeColumns), 0 FROM node n WHERE n.id = ?1
    UNION ALL SELECT NULL, label, NULL, NULL, NULL, NULL, 1 FROM node_label WHERE node_id = ?1
    UNION ALL SELECT NULL, alias, NULL, NULL, NULL, NULL, 2 FROM alias WHERE node_id = ?1
    """)

  /// The entity with this id, with its labels, and every name it answers to (its name and
  /// key among them), both in byte order; nil when there is none. One read: what a card
  /// starts with (`node(id:)` and `aliases(of:)` give the same).
  public func entity(id: Int64) throws -> (node: Node, aliases: [String])? {
    try read { db in
      let rows = try prepared(db, Self.entitySQL)
      rows.bind(1, id)
      var node: Node?
      var labels: [String] = []
      var aliases: [String] = []
      try rows.forEachRow { row in
        switch sqlite3_column_int64(row, 6) {
        case 0: node = Self.node(from: RawRow(handle: row), labels: [])
        case 1: labels.append(RawStatement.text(row, 1))
        default: aliases.append(RawStatement.text(row, 1))
        }
      }
      guard var node else { return nil }
      node.labels = Self.byteOrder(labels)
      return (node, Self.byteOrder(aliases))
    }
  }

  /// Texts in SQLite's `ORDER BY` order (bytes), sorted here: most entities have one or two,
  /// and a sort in SQL costs a temporary b-tree.
  static func byteOrder(_ texts: [String]) -> [String] {
    texts.count < 2 ? texts : texts.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}
