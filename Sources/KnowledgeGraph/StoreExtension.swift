import Foundation
import GRDB
import GRDBSQLite

/// What a plugin keeps in the knowledge base file: its own tables, created by numbered
/// migrations that run after the core's, and optionally a built-in layer it loads from
/// Knowledge/ when the knowledge base is built.
///
/// Migration identifiers start with the owner's name (`pricing-v1-builtin`), so a file that
/// has a migration of a known owner that this kgsh lacks is recognised as newer, while the
/// tables of a plugin that is not loaded are left alone.
///
/// ```swift
/// let pricing = StoreExtension(
///   owner: "pricing",
///   migrations: [StoreMigration("pricing-v1-builtin", sql: "CREATE TABLE price_builtin(...)")],
///   builtinFiles: ["reference/prices.tsv"],
///   loadBuiltin: { writer, knowledge in ... })
/// let store = try KnowledgeStore.open(path: "kb.sqlite", extensions: [pricing])
/// ```
public struct StoreExtension: Sendable {
  /// The plugin's name; every migration identifier starts with `owner-`.
  public var owner: String
  /// Applied in this order, after the core migrations; never edit one that has landed.
  public var migrations: [StoreMigration]
  /// Files under Knowledge/ the built-in layer is made from (their bytes are fingerprinted).
  public var builtinFiles: [String]
  /// Replaces the plugin's built-in rows with those read from the Knowledge folder; runs
  /// inside the build's one transaction, never touching user rows.
  public var loadBuiltin: (@Sendable (GraphWriter, _ knowledgeDirectory: String) throws -> Void)?

  public init(
    owner: String, migrations: [StoreMigration], builtinFiles: [String] = [],
    loadBuiltin: (@Sendable (GraphWriter, _ knowledgeDirectory: String) throws -> Void)? = nil
  ) {
    self.owner = owner
    self.migrations = migrations
    self.builtinFiles = builtinFiles
    self.loadBuiltin = loadBuiltin
  }
}

/// One numbered schema change: SQL run once, recorded by identifier in `grdb_migrations`.
public struct StoreMigration: Sendable {
  public var identifier: String
  public var sql: String

  public init(_ identifier: String, sql: String) {
    self.identifier = identifier
    self.sql = sql
  }
}

extension Schema {
  /// The core migrations followed by each extension's, in the order given.
  static func migrator(with extensions: [StoreExtension]) -> DatabaseMigrator {
    var m = migrator
    for ext in extensions {
      for step in ext.migrations {
        m.registerMigration(step.identifier) { db in try db.execute(sql: step.sql) }
      }
    }
    return m
  }

  /// Whether a file's applied migrations include one this kgsh should know but does not: a
  /// core one (`v` and a digit) or one of a loaded extension. Migrations of plugins that are
  /// not loaded are not a reason to refuse the file.
  static func isNewer(applied: Set<String>, known: Set<String>, owners: [String]) -> Bool {
    applied.subtracting(known).contains { id in
      isCore(id) || owners.contains { id.hasPrefix($0 + "-") }
    }
  }

  /// A core identifier: `v` and a digit (`v1-graph`, `v2-prices`).
  static func isCore(_ identifier: String) -> Bool {
    identifier.count > 1 && identifier.first == "v" && identifier.dropFirst().first!.isNumber
  }
}

extension KnowledgeStore {
  /// Runs the extensions' migrations this store has not applied yet (for a store opened
  /// before the plugins were known, as tests do); nothing happens when all have run.
  /// - Throws: `KgshError` when migrations are missing and the store is read-only.
  public func apply(_ extensions: [StoreExtension]) throws {
    let migrator = Schema.migrator(with: extensions)
    if try read({ try migrator.hasCompletedMigrations($0) }) { return }
    guard !isReadOnly else {
      throw Self.schemaUpgradeRefused(path ?? "the knowledge base")
    }
    try Self.wrap(path ?? "the knowledge base") { try migrator.migrate(queue) }
  }

  /// The rows of a query over a plugin's own tables, each column by name (text, integers,
  /// reals and NULL; money is kept as decimal text by the tables that hold it).
  ///
  /// ```swift
  /// let rows = try store.select("SELECT rate FROM fx_rate WHERE from_currency = ?", [.string("USD")])
  /// ```
  public func select(_ sql: String, _ arguments: [Value] = []) throws -> [[String: Value]] {
    try read { db in
      // Through SQLite's C API: GRDB's generic argument and row types cost a new process a
      // run-time conformance lookup (~0.5M instructions), and every start reads team state here.
      let statement = try RawStatement(db, sql)
      let expected = Int(sqlite3_bind_parameter_count(statement.handle))
      guard expected == arguments.count else {
        throw KgshError(
          .usage, "the SQL takes \(expected.counted("argument")), \(arguments.count) given",
          hint: "pass one value for each ? in the SQL")
      }
      for (i, argument) in arguments.enumerated() { statement.bind(Int32(i + 1), argument.databaseValue) }
      let names = (0..<sqlite3_column_count(statement.handle)).map {
        String(cString: sqlite3_column_name(statement.handle, $0))
      }
      return try statement.all { row in
        var out: [String: Value] = [:]
        for (i, name) in names.enumerated() {
          out[name] = Value(databaseValue: DatabaseValue(sqliteStatement: row.handle, index: Int32(i)))
        }
        return out
      }
    }
  }
}

extension GraphWriter {
  /// Runs one SQL statement on a plugin's own tables inside the write transaction.
  public func run(_ sql: String, _ arguments: [Value] = []) throws {
    try db.execute(sql: sql, arguments: StatementArguments(arguments.map(\.databaseValue)))
  }
}

extension Value {
  /// The value as SQLite stores it: decimals and money as exact text, lists and maps as JSON.
  var databaseValue: DatabaseValue {
    switch self {
    case .null: return .null
    case .bool(let b): return (b ? 1 : 0).databaseValue
    case .int(let i): return i.databaseValue
    case .double(let d): return d.databaseValue
    case .string(let s), .date(let s): return s.databaseValue
    case .decimal(let d): return PlainDecimal.text(d).databaseValue
    default: return plainText.databaseValue
    }
  }

  init(databaseValue value: DatabaseValue) {
    switch value.storage {
    case .null: self = .null
    case .int64(let i): self = .int(i)
    case .double(let d): self = .double(d)
    case .string(let s): self = .string(s)
    case .blob(let data): self = .string(String(decoding: data, as: UTF8.self))
    }
  }
}
