import GRDB

/// The data half of migration `v5-change-log-all-writes` (Schema.swift). Like every landed
/// migration it is never edited: a later change of the log's shape is a new migration.
enum ChangeLogUpgrade {
  /// A random lowercase UUID computed by SQLite, so one statement can record many rows.
  static let uuid = """
    lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
      || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
    """
  static let now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

  /// Recreates `change_log` with the wider set of targets (labels, prices, exchange rates)
  /// and layers (team), keeping every record and its order.
  static func widenTargets(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE change_log_v5(
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('assert', 'correct', 'retract')),
          target_type TEXT NOT NULL
            CHECK (target_type IN ('entity', 'alias', 'label', 'fact', 'edge', 'source', 'price', 'fx')),
          target TEXT NOT NULL, entity TEXT,
          payload TEXT NOT NULL CHECK (json_valid(payload)),
          author TEXT NOT NULL CHECK (length(author) > 0), time TEXT NOT NULL,
          layer TEXT NOT NULL CHECK (layer IN ('builtin', 'imported', 'user', 'team')));
        INSERT INTO change_log_v5(id, kind, target_type, target, entity, payload, author, time, layer)
          SELECT id, kind, target_type, target, entity, payload, author, time, layer FROM change_log ORDER BY rowid;
        DROP TABLE change_log;
        ALTER TABLE change_log_v5 RENAME TO change_log;
        CREATE INDEX change_log_target ON change_log(target_type, target);
        CREATE INDEX change_log_entity ON change_log(entity);
        CREATE INDEX change_log_time ON change_log(time);
        CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
          BEGIN SELECT RAISE(ABORT, 'change records are immutable: append a correction instead'); END;
        CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
          BEGIN SELECT RAISE(ABORT, 'change records are immutable: append a retraction instead'); END;
        CREATE INDEX edge_key ON edge(key);
        """)
  }

  /// One `assert` record for each piece of user data that has none yet: created nodes and
  /// edges, user sources and facts, aliases added to built-in entities, user price rows and
  /// exchange rates. Edges without a key get one, so they can be named by `unlink`.
  /// `author` is asked only when there is something to record: a new knowledge base has
  /// nothing, and need not start git to learn who is writing.
  static func recordExistingUserData(_ db: Database, author: () -> String) throws {
    func record(_ type: String, target: String, entity: String, payload: String, from: String) throws {
      guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 \(from))") == true else { return }
      try db.execute(
        sql: """
          INSERT INTO change_log(id, kind, target_type, target, entity, payload, author, time, layer)
          SELECT \(uuid), 'assert', '\(type)', \(target), \(entity), \(payload), ?, \(now), 'user'
          \(from)
          """, arguments: [author()])
    }
    let unrecorded = { (type: String, key: String) in
      "NOT EXISTS (SELECT 1 FROM change_log c WHERE c.target_type = '\(type)' AND c.target = \(key))"
    }
    try record(
      "source", target: "s.key", entity: "NULL",
      payload: """
        json_object('key', s.key, 'kind', s.kind, 'title', s.title, 'publisher', s.publisher, 'url', s.url,
          'published', s.published, 'reliability', s.reliability, 'note', s.note, 'migrated', json('true'))
        """,
      from: "FROM source s WHERE s.layer = 'user' AND \(unrecorded("source", "s.key")) ORDER BY s.id")
    try record(
      "entity", target: "n.key", entity: "n.key",
      payload: """
        json_object('key', n.key, 'name', n.name, 'description', n.description,
          'labels', (SELECT json_group_array(l.label) FROM node_label l WHERE l.node_id = n.id),
          'aliases', (SELECT json_group_array(a.alias) FROM alias a WHERE a.node_id = n.id),
          'props', json(coalesce(n.props, '{}')), 'migrated', json('true'))
        """,
      from: "FROM node n WHERE n.layer = 'user' AND \(unrecorded("entity", "n.key")) ORDER BY n.id")
    try record(
      "alias", target: "n.key || '|' || a.alias", entity: "n.key",
      payload: "json_object('entity', n.key, 'alias', a.alias, 'migrated', json('true'))",
      from: """
        FROM alias a JOIN node n ON n.id = a.node_id
        WHERE a.layer = 'user' AND n.layer = 'builtin' AND \(unrecorded("alias", "n.key || '|' || a.alias"))
        """)
    try record(
      "fact", target: "f.key", entity: "n.key",
      payload: """
        json_object('key', f.key, 'entity', n.key, 'predicate', f.predicate, 'type', f.value_type,
          'value', f.value, 'unit', f.unit, 'currency', f.currency, 'qualifier', f.qualifier, 'as_of', f.as_of,
          'source', s.key, 'quote', f.quote, 'status', f.status, 'ref', f.ref, 'note', f.note,
          'original', f.original, 'migrated', json('true'))
        """,
      from: """
        FROM fact f JOIN node n ON n.id = f.node_id LEFT JOIN source s ON s.id = f.source_id
        WHERE f.layer = 'user' AND f.key IS NOT NULL AND \(unrecorded("fact", "f.key")) ORDER BY f.id
        """)
    try db.execute(
      sql: "UPDATE edge SET key = 'UE-' || upper(hex(randomblob(6))) WHERE key IS NULL AND layer = 'user'")
    try record(
      "edge", target: "e.key", entity: "a.key",
      payload: """
        json_object('key', e.key, 'src', a.key, 'type', t.name, 'dst', b.key, 'props', json(coalesce(e.props, '{}')),
          'as_of', e.as_of, 'source', s.key, 'quote', e.quote, 'status', e.status, 'ref', e.ref,
          'migrated', json('true'))
        """,
      from: """
        FROM edge e JOIN edge_type t ON t.id = e.type JOIN node a ON a.id = e.src JOIN node b ON b.id = e.dst
          LEFT JOIN source s ON s.id = e.source_id
        WHERE e.layer = 'user' AND \(unrecorded("edge", "e.key")) ORDER BY e.id
        """)
    try record(
      "price", target: "p.price_id || '@' || p.as_of", entity: "NULL",
      payload: """
        json_object('price_id', p.price_id, 'as_of', p.as_of, 'category', p.category, 'vendor', p.vendor,
          'product', p.product, 'tier', p.tier, 'sold_on', p.sold_on, 'billing', p.billing,
          'input_per_1m', p.input_per_1m, 'cached_input_per_1m', p.cached_input_per_1m,
          'output_per_1m', p.output_per_1m, 'flat_price', p.flat_price, 'currency', p.currency, 'quota', p.quota,
          'seller_type', p.seller_type, 'source', p.source, 'status', p.status, 'note', p.note,
          'imported_from', p.imported_from, 'imported_at', p.imported_at, 'migrated', json('true'))
        """,
      from: "FROM price_row p WHERE p.layer = 'user' ORDER BY p.price_id, p.as_of")
    try record(
      "fx", target: "x.from_currency || '/' || x.to_currency || '@' || x.as_of", entity: "NULL",
      payload: """
        json_object('from', x.from_currency, 'to', x.to_currency, 'rate', x.rate, 'as_of', x.as_of,
          'source', x.source, 'status', x.status, 'default', json(CASE x.is_default WHEN 1 THEN 'true' ELSE 'false' END),
          'migrated', json('true'))
        """,
      from: "FROM fx_rate x WHERE x.layer = 'user' ORDER BY x.id")
  }
}
