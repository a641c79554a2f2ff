import PostgresNIO

/// The team's tables on the server, as numbered migrations recorded in
/// `kgsh.migrations`. A migration is never edited once it has landed: append a new one.
enum ServerSchema {
  /// The roles `team init` creates: readers may only SELECT, editors may also INSERT.
  static let readerRole = "kgsh_reader"
  static let editorRole = "kgsh_editor"
  /// The channel pushes notify, so that REPLs pull live.
  static let channel = "kgsh_changes"
  /// The transaction-level advisory lock every push takes first: pushes commit one at a
  /// time, so `seq` grows in commit order and a pull cursor never skips a late commit.
  static let pushLock: Int64 = 0x6B_6773_6801

  /// Each migration is a list of statements (the extended protocol runs one at a time).
  static let migrations: [(version: Int, name: String, statements: [String])] = [
    (
      1, "change-log",
      [
        """
        CREATE TABLE kgsh.change_log(
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('assert', 'correct', 'retract')),
        target_type text NOT NULL,
        target text NOT NULL,
        entity text,
        payload text NOT NULL CHECK (payload::jsonb IS NOT NULL),
        author text NOT NULL CHECK (length(author) > 0),
        time text NOT NULL,
        layer text NOT NULL,
        pushed_by name NOT NULL DEFAULT current_user,
        pushed_at timestamptz NOT NULL DEFAULT now())
        """,
        "CREATE INDEX change_log_author ON kgsh.change_log(lower(author))",
        "CREATE INDEX change_log_time ON kgsh.change_log(time)",
        """
        CREATE FUNCTION kgsh.refuse_change() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN RAISE EXCEPTION 'change records are immutable: push a correction instead'; END $$
        """,
        """
        CREATE TRIGGER change_log_immutable BEFORE UPDATE OR DELETE ON kgsh.change_log
          FOR EACH ROW EXECUTE FUNCTION kgsh.refuse_change()
        """,
      ]
    ),
    (
      2, "roles",
      [
        """
        DO $$ BEGIN
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kgsh_reader') THEN
            CREATE ROLE kgsh_reader NOLOGIN; END IF;
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kgsh_editor') THEN
            CREATE ROLE kgsh_editor NOLOGIN; END IF;
        END $$
        """,
        "GRANT kgsh_reader TO kgsh_editor",
        "REVOKE ALL ON SCHEMA kgsh FROM PUBLIC",
        "REVOKE ALL ON ALL TABLES IN SCHEMA kgsh FROM PUBLIC",
        "GRANT USAGE ON SCHEMA kgsh TO kgsh_reader",
        "GRANT SELECT ON kgsh.change_log, kgsh.migrations TO kgsh_reader",
        "GRANT INSERT ON kgsh.change_log TO kgsh_editor",
      ]
    ),
  ]
}

extension TeamServer {
  /// Creates the schema or brings it up to date, one transaction per migration.
  /// Returns the versions applied now (empty when it was up to date).
  public func migrate() throws -> [Int] {
    try run(doing: "init") { c in
      try await c.query("CREATE SCHEMA IF NOT EXISTS kgsh", logger: Self.logger)
      try await c.query(
        """
        CREATE TABLE IF NOT EXISTS kgsh.migrations(
          version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
        """, logger: Self.logger)
      var applied: [Int] = []
      for m in ServerSchema.migrations {
        try await c.query("BEGIN", logger: Self.logger)
        do {
          try await c.query("LOCK TABLE kgsh.migrations IN EXCLUSIVE MODE", logger: Self.logger)
          let done = try await c.query(
            "SELECT 1 FROM kgsh.migrations WHERE version = \(m.version)", logger: Self.logger
          ).collect()
          if done.isEmpty {
            for statement in m.statements {
              try await c.query(PostgresQuery(unsafeSQL: statement), logger: Self.logger)
            }
            try await c.query(
              "INSERT INTO kgsh.migrations(version, name) VALUES (\(m.version), \(m.name))", logger: Self.logger)
            applied.append(m.version)
          }
          try await c.query("COMMIT", logger: Self.logger)
        } catch {
          _ = try? await c.query("ROLLBACK", logger: Self.logger)
          throw error
        }
      }
      return applied
    }
  }

  /// The newest migration applied on the server (0 when none).
  public func schemaVersion() throws -> Int {
    try run(doing: "connect") { c in
      for try await v in try await c.query(
        "SELECT coalesce(max(version), 0)::int8 FROM kgsh.migrations", logger: Self.logger
      ).decode(Int64.self) {
        return Int(v)
      }
      return 0
    }
  }
}
