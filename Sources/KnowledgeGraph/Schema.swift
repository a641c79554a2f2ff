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
    return m
  }
}
