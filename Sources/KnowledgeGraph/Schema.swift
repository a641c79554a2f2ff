import GRDB

/// The store's schema as numbered migrations. A migration is never edited once it has
/// landed: change the schema by appending a new one.
enum Schema {
  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1-graph") { db in
      try db.execute(
        sql: """
          CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
          CREATE TABLE source(
            id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, kind TEXT, title TEXT, publisher TEXT,
            url TEXT, published TEXT, reliability TEXT, note TEXT,
            layer TEXT NOT NULL DEFAULT 'user' CHECK (layer IN ('builtin', 'user')));
          CREATE TABLE node(
            id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT,
            props TEXT CHECK (props IS NULL OR json_valid(props)),
            layer TEXT NOT NULL DEFAULT 'user' CHECK (layer IN ('builtin', 'user')));
          CREATE INDEX node_name ON node(name);
          CREATE TABLE node_label(
            label TEXT NOT NULL, node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
            PRIMARY KEY(label, node_id)) WITHOUT ROWID;
          CREATE INDEX node_label_node ON node_label(node_id, label);
          CREATE TABLE alias(
            norm TEXT NOT NULL, node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
            alias TEXT NOT NULL, layer TEXT NOT NULL DEFAULT 'user',
            PRIMARY KEY(norm, node_id, alias)) WITHOUT ROWID;
          CREATE INDEX alias_node ON alias(node_id);
          CREATE TABLE edge_type(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
          CREATE TABLE edge(
            id INTEGER PRIMARY KEY,
            src INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
            type INTEGER NOT NULL REFERENCES edge_type(id),
            dst INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
            props TEXT CHECK (props IS NULL OR json_valid(props)),
            key TEXT, source_id INTEGER REFERENCES source(id), quote TEXT, as_of TEXT, status TEXT, ref TEXT,
            layer TEXT NOT NULL DEFAULT 'user' CHECK (layer IN ('builtin', 'user')));
          CREATE INDEX edge_out ON edge(src, type, dst);
          CREATE INDEX edge_in ON edge(dst, type, src);
          CREATE TABLE fact(
            id INTEGER PRIMARY KEY, key TEXT UNIQUE,
            node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
            predicate TEXT NOT NULL, value_type TEXT NOT NULL, value TEXT NOT NULL, num REAL,
            unit TEXT, currency TEXT, qualifier TEXT, as_of TEXT,
            source_id INTEGER REFERENCES source(id), quote TEXT, status TEXT, ref TEXT, note TEXT,
            layer TEXT NOT NULL DEFAULT 'user' CHECK (layer IN ('builtin', 'user')));
          CREATE INDEX fact_node ON fact(node_id, predicate, as_of);
          CREATE INDEX fact_predicate ON fact(predicate);
          CREATE VIRTUAL TABLE search USING fts5(text, node_id UNINDEXED, kind UNINDEXED, tokenize = 'trigram');
          """)
    }
    // User price rows and exchange rates (pricing plugin). Money is kept as exact decimal
    // text; these tables hold the user layer only, so rebuilding the built-in layer from
    // Knowledge/ never touches them.
    m.registerMigration("v2-prices") { db in
      try db.execute(
        sql: """
          CREATE TABLE price_row(
            price_id TEXT NOT NULL, as_of TEXT NOT NULL,
            category TEXT NOT NULL CHECK (category IN ('subscription', 'api_per_token')),
            vendor TEXT NOT NULL DEFAULT '', product TEXT NOT NULL, tier TEXT NOT NULL DEFAULT '',
            sold_on TEXT NOT NULL DEFAULT '', billing TEXT NOT NULL DEFAULT '',
            input_per_1m TEXT, cached_input_per_1m TEXT, output_per_1m TEXT, flat_price TEXT,
            currency TEXT NOT NULL CHECK (length(currency) = 3), quota TEXT NOT NULL DEFAULT '',
            seller_type TEXT NOT NULL DEFAULT '', source TEXT NOT NULL, status TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '', imported_from TEXT, imported_at TEXT,
            layer TEXT NOT NULL DEFAULT 'user' CHECK (layer IN ('builtin', 'user')),
            PRIMARY KEY(price_id, as_of)) WITHOUT ROWID;
          CREATE TABLE fx_rate(
            id INTEGER PRIMARY KEY,
            from_currency TEXT NOT NULL CHECK (length(from_currency) = 3),
            to_currency TEXT NOT NULL CHECK (length(to_currency) = 3 AND to_currency <> from_currency),
            rate TEXT NOT NULL, as_of TEXT NOT NULL, source TEXT NOT NULL, status TEXT NOT NULL,
            is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)), created_at TEXT,
            layer TEXT NOT NULL DEFAULT 'user' CHECK (layer IN ('builtin', 'user')));
          CREATE INDEX fx_rate_pair ON fx_rate(from_currency, to_currency, as_of);
          """)
    }
    // Read-only views for third-party plugins (docs/PLUGINS.md, "SQL over views"): the
    // only tables a plugin's SQL may read. Their names and columns are a public contract:
    // never change a `_v1` view; add `_v2` views next to them instead.
    m.registerMigration("v3-plugin-views") { db in
      try db.execute(
        sql: """
          CREATE VIEW kg_entity_v1 AS
            SELECT n.key AS key, n.name AS name, n.description AS description, n.props AS props,
              (SELECT json_group_array(l.label) FROM node_label l WHERE l.node_id = n.id) AS labels,
              n.layer AS layer
            FROM node n;
          CREATE VIEW kg_label_v1 AS
            SELECT n.key AS entity, l.label AS label FROM node_label l JOIN node n ON n.id = l.node_id;
          CREATE VIEW kg_alias_v1 AS
            SELECT n.key AS entity, a.alias AS alias, a.norm AS norm, a.layer AS layer
            FROM alias a JOIN node n ON n.id = a.node_id;
          CREATE VIEW kg_fact_v1 AS
            SELECT f.key AS key, n.key AS entity, f.predicate AS predicate, f.value AS value,
              f.value_type AS value_type, f.num AS number, f.unit AS unit, f.currency AS currency,
              f.qualifier AS qualifier, f.as_of AS as_of, s.key AS source, f.quote AS quote,
              f.status AS status, f.ref AS ref, f.note AS note, f.layer AS layer
            FROM fact f JOIN node n ON n.id = f.node_id LEFT JOIN source s ON s.id = f.source_id;
          CREATE VIEW kg_edge_v1 AS
            SELECT e.key AS key, a.key AS src, t.name AS type, b.key AS dst, e.props AS props,
              e.as_of AS as_of, s.key AS source, e.quote AS quote, e.status AS status, e.ref AS ref,
              e.layer AS layer
            FROM edge e JOIN edge_type t ON t.id = e.type JOIN node a ON a.id = e.src
              JOIN node b ON b.id = e.dst LEFT JOIN source s ON s.id = e.source_id;
          CREATE VIEW kg_source_v1 AS
            SELECT key, kind, title, publisher, url, published, reliability, note, layer FROM source;
          """)
    }
    // The append-only change log: one immutable record per change (assert, correct, retract)
    // with its author, time and layer. SQLite itself refuses to update or delete a record.
    // `fact.original` keeps a value as the user wrote it (`HK$4.3 bn`) next to its normal form.
    m.registerMigration("v4-change-log") { db in
      try db.execute(
        sql: """
          CREATE TABLE change_log(
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('assert', 'correct', 'retract')),
            target_type TEXT NOT NULL CHECK (target_type IN ('entity', 'alias', 'fact', 'edge', 'source')),
            target TEXT NOT NULL, entity TEXT,
            payload TEXT NOT NULL CHECK (json_valid(payload)),
            author TEXT NOT NULL CHECK (length(author) > 0), time TEXT NOT NULL,
            layer TEXT NOT NULL CHECK (layer IN ('builtin', 'imported', 'user')));
          ALTER TABLE fact ADD COLUMN original TEXT;
          CREATE INDEX change_log_target ON change_log(target_type, target);
          CREATE INDEX change_log_entity ON change_log(entity);
          CREATE INDEX change_log_time ON change_log(time);
          CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
            BEGIN SELECT RAISE(ABORT, 'change records are immutable: append a correction instead'); END;
          CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
            BEGIN SELECT RAISE(ABORT, 'change records are immutable: append a retraction instead'); END;
          """)
    }
    // The change log covers every write: labels, prices and exchange rates join the targets,
    // and what users added before the log existed (created nodes and edges, user sources and
    // facts, user prices, `fx set` rates) is recorded once, so history and export see it.
    m.registerMigration("v5-change-log-all-writes") { db in
      try ChangeLogUpgrade.widenTargets(db)
      try ChangeLogUpgrade.recordExistingUserData(db, author: { ChangeAuthor.current })
    }
    // Edges are looked up by key only with `key = ?`; bulk-imported edges have no key, and
    // an index entry for each of them made a third of the index work of a large import.
    m.registerMigration("v6-edge-key-partial") { db in
      try db.execute(
        sql: """
          DROP INDEX IF EXISTS edge_key;
          CREATE INDEX edge_key ON edge(key) WHERE key IS NOT NULL;
          """)
    }
    return m
  }
}
