import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// The knowledge graph in one SQLite file: nodes, labels, aliases, typed edges and facts
/// with provenance. All SQL lives behind this type's methods.
///
/// ```swift
/// let store = try KnowledgeStore.open(path: "kb.sqlite")
/// if case .found(let zhipu) = try store.resolve("智譜") { print(zhipu.name) }  // Zhipu AI
/// ```
public final class KnowledgeStore: @unchecked Sendable {
  /// The file behind the store, or nil for an in-memory store.
  public let path: String?
  public let isReadOnly: Bool
  let queue: DatabaseQueue
  /// Bumped after every write this store commits (see `generation`).
  var localWrites = 0
  /// The change records this store has committed, one group per write transaction, oldest
  /// first (what `undo` takes back).
  public internal(set) var sessionChanges: [[ChangeRecord]] = []
  /// The last `PRAGMA data_version` seen, and how many times it has changed since open.
  let commitWatch = Mutex<(dataVersion: Int64?, changes: Int)>((nil, 0))
  var edgeTypeIDs: [String: Int64] = [:]
  var edgeTypeNames: [Int64: String] = [:]
  let graphIndexCache = Mutex<(generation: Int, index: GraphIndex)?>(nil)
  /// The generation at which `readyGraphIndex` last found no index to use (no file, or a
  /// stale one): it does not look again until the next commit.
  let noReadyGraphIndex = Mutex<Int?>(nil)
  /// The edges of the last import, when it filled an empty edge table: the next graph index
  /// is built from them instead of reading the table back (see `ImportedEdges`).
  let importedEdges = Mutex<ImportedEdges?>(nil)
  /// Whether the last graph index was built from an import's edges (see `importedEdges`).
  var graphIndexFromImport = false
  /// Told how a build of a big graph's index goes (see `reportGraphIndexBuilds`).
  let graphIndexProgress = Mutex<GraphIndexProgress?>(nil)
  /// Values derived from the whole knowledge base, each kept for one write generation.
  let generationCache = Mutex<[String: (generation: Int, value: any Sendable)]>([:])
  /// Graphs with at least this many edges save their index beside the knowledge base.
  public var graphIndexFileMinEdges = 20_000
  /// Whether the last graph index was read from its saved file (not rebuilt).
  public internal(set) var loadedGraphIndexFromFile = false
  /// Whether opening the file ran `PRAGMA quick_check` (false when a stamp showed the file
  /// unchanged since a clean check, and for new, in-memory or very large files).
  public internal(set) var ranIntegrityCheck = false
  /// While set, writes are refused: the name of the running command, which did not
  /// declare that it writes (see `Command.writes`). The shell sets it around each command.
  public var writeGuard: String?
  /// How the running Cypher statement's writes are recorded (set by the shell's `create`
  /// and `match`; nil: no source, any name).
  public var queryWriteContext: QueryWriteContext?
  /// The read-only connection of the `sql` command, once it has run (see `sqlConnection`).
  let sqlReader = Mutex<DatabaseQueue?>(nil)
  /// The running `snapshot`, if any (see Store+Snapshot.swift).
  let snapshotState = Mutex<Snapshot?>(nil)
  /// The readers' statements on the queue's connection (see `ReaderSQL`).
  let preparedStatements: PreparedStatements

  /// Takes a connection that is open and migrated; from here on its statements compile
  /// without GRDB's observation bookkeeping (`LightAuthorizer`).
  init(path: String?, queue: DatabaseQueue, readOnly: Bool) {
    self.path = path
    self.queue = queue
    self.isReadOnly = readOnly
    preparedStatements = queue.inDatabase { db in
      LightAuthorizer.install(on: db)
      return PreparedStatements(for: db)
    }
  }

  /// A short name for prompts: the file name without extension, or "memory".
  public var name: String { Self.name(path: path) }

  /// The short name of the knowledge base at `path` (nil: in memory), before it is opened.
  public static func name(path: String?) -> String {
    guard let path else { return "memory" }
    let file = (path as NSString).lastPathComponent
    return (file as NSString).deletingPathExtension
  }

  /// Opens (or creates) a knowledge base file.
  ///
  /// A file that is not SQLite, or was written by a newer kgsh, is refused and left
  /// untouched. An older schema is migrated after a backup copy `PATH.bak-vN` is written.
  /// `extensions` are the plugins' own tables: their migrations run after the core's.
  /// A damaged file is refused: `PRAGMA quick_check` runs at open, skipped when `checkStamps`
  /// (a directory, e.g. in the state directory) holds the stamp of a clean check of the file
  /// exactly as it is now (see `IntegrityStamp`).
  /// - Throws: `KgshError` with a message that names the file and what to do.
  public static func open(
    path: String, readOnly: Bool = false, extensions: [StoreExtension] = [], checkStamps: String? = nil
  ) throws -> KnowledgeStore {
    let exists = try checkFile(path, readOnly: readOnly)
    var config = configuration()
    config.readonly = readOnly
    config.busyMode = .timeout(5)
    config.label = "kgsh"
    if (FileProbe.size(path) ?? 0) <= UInt64(mappedFileLimit) { config.prepareDatabase { mapFile($0) } }
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: path, configuration: config)
    } catch {
      throw failure(
        error, "cannot open \(path): ",
        hint: hint(for: error, path: path) ?? "check the path and its permissions")
    }
    let checked = exists ? try checkIntegrity(queue, path: path, stamps: checkStamps) : false
    try prepare(queue, path: path, readOnly: readOnly, extensions: extensions)
    let store = KnowledgeStore(path: path, queue: queue, readOnly: readOnly)
    store.ranIntegrityCheck = checked
    return store
  }

  /// The checks `open` makes before SQLite sees the file, cheap enough to make before a
  /// prompt is drawn: not a directory, a SQLite file (or empty), not too big to open, no
  /// interrupted write to roll back when read-only. Returns whether the file exists.
  public static func checkFile(_ path: String, readOnly: Bool) throws -> Bool {
    let fm = FileManager.default
    var isDir: ObjCBool = false
    let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
    if isDir.boolValue {
      throw KgshError(
        .io, "\(path) is a directory, not a knowledge base file", hint: "pass a file path to --db")
    }
    if exists {
      try checkHeader(path)
      try checkSize(path)
      if readOnly, (FileProbe.size(path + "-journal") ?? 0) > 0 {
        // SQLite rolls a hot journal back at the first writable open; read-only it cannot.
        throw KgshError(
          .readOnly, "\(path) has the journal of an interrupted write (\(path)-journal) to roll back first",
          hint: "open it once without --read-only: the interrupted write is undone and nothing else changes")
      }
    } else if readOnly {
      throw KgshError(
        .notFound, "\(path) does not exist, so it cannot be opened read-only",
        hint: "drop --read-only to create it")
    } else if let (what, hint) = TextFile.folderProblem(path) {
      throw KgshError(.notFound, "cannot create \(path): \(what)", hint: hint)
    }
    return exists
  }

  /// A new empty store in memory (tests, the TCK runner, scratch sessions).
  public static func inMemory(extensions: [StoreExtension] = []) throws -> KnowledgeStore {
    let queue = try DatabaseQueue(configuration: configuration())
    try Schema.migrator(with: extensions).migrate(queue)
    return KnowledgeStore(path: nil, queue: queue, readOnly: false)
  }

  /// A copy of this knowledge base in memory (tests and examples that must not change it).
  public func copyInMemory() throws -> KnowledgeStore {
    let copy = try DatabaseQueue(configuration: Self.configuration())
    try onConnection { source in try copy.writeWithoutTransaction { try source.backup(to: $0) } }
    return KnowledgeStore(path: nil, queue: copy, readOnly: false)
  }

  private static func checkHeader(_ path: String) throws {
    guard let header = FileProbe.prefix(path, count: 16) else {
      throw KgshError(.io, "cannot read \(path)", hint: "check its permissions")
    }
    if header.isEmpty { return }  // an empty file becomes a new knowledge base
    guard header.count == 16, header.elementsEqual(Array("SQLite format 3\u{0}".utf8)) else {
      throw KgshError(
        .io, "\(path) is not a SQLite database; kgsh left it unchanged",
        hint: "pass a kgsh knowledge base or a new file name to --db")
    }
  }

  private static func prepare(
    _ queue: DatabaseQueue, path: String, readOnly: Bool, extensions: [StoreExtension]
  ) throws {
    let migrator = Schema.migrator(with: extensions)
    let known = Set(migrator.migrations)
    let (superseded, complete, applied, foreignTables) = try wrap(path) {
      try queue.inDatabase { db -> (Bool, Bool, Int, Bool) in
        // Plain statements (see `configuration()`), in one read transaction. GRDB's
        // tableExists would introspect the whole schema.
        try RawStatement(db, "BEGIN DEFERRED TRANSACTION").execute(db)
        defer { sqlite3_exec(db.sqliteConnection, "COMMIT", nil, nil, nil) }
        let tables = Set(
          try RawStatement(
            db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
          )
          .strings())
        if !tables.contains("grdb_migrations") { return (false, false, 0, !tables.isEmpty) }
        let applied = Set(try RawStatement(db, "SELECT identifier FROM grdb_migrations").strings())
        return (
          Schema.isNewer(applied: applied, known: known, owners: extensions.map(\.owner)),
          // What GRDB's hasCompletedMigrations says: every registered migration is applied.
          known.isSubset(of: applied), applied.count, false
        )
      }
    }
    if foreignTables {
      throw KgshError(
        .invalidValue, "\(path) is a SQLite database but not a kgsh knowledge base; kgsh left it unchanged",
        hint: "use the sql command of another tool for it, or pass a new file name to --db")
    }
    if superseded {
      throw KgshError(
        .unsupported,
        "\(path) was written by a newer kgsh (its schema has migrations this kgsh does not know); it was left unchanged",
        hint: "upgrade kgsh to open it")
    }
    if complete {
      // A bulk import left the write-ahead log for its run (see `GraphImporter.leaveWAL`); a
      // process killed during one leaves the file in rollback-journal mode: back to WAL.
      if !readOnly, let header = FileProbe.prefix(path, count: 20), header.count == 20, header[18] == 1 {
        try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
      }
      return
    }
    if readOnly {
      throw schemaUpgradeRefused(path)
    }
    if applied > 0 {
      let backup = path + ".bak-v\(applied)"
      try? FileManager.default.removeItem(atPath: backup)
      try wrap(path) { try queue.backup(to: DatabaseQueue(path: backup)) }
    }
    try wrap(path) {
      try queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA journal_mode = WAL")
      }
      try migrator.migrate(queue)
    }
  }

  static func wrap<T>(_ path: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as KgshError {
      throw error
    } catch {
      throw failure(error, "cannot use \(path): ", hint: hint(for: error, path: path))
    }
  }

  /// A one-line description of a database error, without Swift type names.
  public static func describe(_ error: any Error) -> String {
    if let e = error as? KgshError { return e.description }
    if let db = error as? DatabaseError {
      switch db.resultCode {
      case .SQLITE_NOTADB: return "the file is not a database or is damaged"
      case .SQLITE_CORRUPT: return "the database file is damaged (\(db.message ?? "corrupt"))"
      case .SQLITE_BUSY, .SQLITE_LOCKED: return "the knowledge base is busy (another kgsh is writing); retry"
      case .SQLITE_READONLY: return "the knowledge base is read-only"
      case .SQLITE_FULL: return "the disk is full"
      case .SQLITE_IOERR: return "writing to the disk failed (is it full, or the file over a size limit?)"
      case .SQLITE_INTERRUPT: return "interrupted"
      case .SQLITE_CANTOPEN: return "the file cannot be opened"
      default: return db.message ?? "database error \(db.resultCode.rawValue)"
      }
    }
    return "\(error)"
  }

  /// The kind of a database error: a locked file is `.busy`, Ctrl-C `.interrupted`, a
  /// damaged or full disk `.io`.
  static func kind(of error: any Error) -> KgshError.Kind {
    if let e = error as? KgshError { return e.kind }
    guard let db = error as? DatabaseError else { return .io }
    switch db.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy
    case .SQLITE_INTERRUPT: return .interrupted
    case .SQLITE_READONLY: return .readOnly
    case .SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_TOOBIG: return .invalidValue
    default: return .io
    }
  }

  /// A database error as a `KgshError` of its kind, its description after `prefix`
  /// (Ctrl-C is always `KgshError.interrupted`).
  static func failure(_ error: any Error, _ prefix: String = "", hint: String?) -> KgshError {
    let kind = kind(of: error)
    if kind == .interrupted { return .interrupted }
    return KgshError(kind, prefix + describe(error), hint: hint)
  }

  /// A schema upgrade the store cannot run because it is open read-only.
  static func schemaUpgradeRefused(_ path: String) -> KgshError {
    KgshError(
      .readOnly, "\(path) needs a schema upgrade, which --read-only forbids",
      hint: "open it once without --read-only")
  }

  static func hint(for error: any Error, path: String? = nil) -> String? {
    guard let db = error as? DatabaseError else { return nil }
    switch db.resultCode {
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
      return damagedHint(path)
    case .SQLITE_FULL, .SQLITE_IOERR: return "free some disk space and retry; nothing was changed"
    default: return nil
    }
  }

  /// Changes whenever this store or any other connection to the same file commits, so a
  /// cache built at one generation is stale at another (the graph index, a subgraph).
  /// SQLite's `PRAGMA data_version` sees other connections' and processes' commits; our
  /// own are counted as they happen.
  public var generation: Int {
    // A cached statement: preparing the pragma anew cost ~28K instructions per graph command.
    let version = try? queue.unsafeReentrantRead {
      try prepared($0, Self.dataVersionSQL).int64()
    }
    let external = commitWatch.withLock { watch -> Bool in
      guard let version, version != watch.dataVersion else { return false }
      let changed = watch.dataVersion != nil
      watch = (version, watch.changes + (changed ? 1 : 0))
      return changed
    }
    if external {
      // Another connection may have added edge types: look them up again.
      edgeTypeIDs = [:]
      edgeTypeNames = [:]
    }
    return localWrites + commitWatch.withLock { $0.changes }
  }

  static let dataVersionSQL = ReaderSQL("PRAGMA data_version")

  /// Runs a read on the store's connection, mapping database errors to `KgshError`.
  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      if let db = try snapshotReader() { return try body(db) }
      return try queue.inDatabase(body)
    } catch let error as KgshError {
      throw error
    } catch {
      throw KnowledgeStore.failure(error, hint: KnowledgeStore.hint(for: error))
    }
  }

  /// Interrupts the statement that is running now (safe to call from another thread).
  public func interrupt() {
    queue.interrupt()
    sqlReader.withLock { $0 }?.interrupt()
  }

  /// Closes the file: SQLite checkpoints the write-ahead log into it and removes the
  /// `-wal` file, so a plain copy of the knowledge base file is complete. The store must
  /// not be used afterwards.
  public func close() {
    closeSQLConnection()
    queue.inDatabase { _ in preparedStatements.removeAll() }
    try? queue.close()
  }

  /// Refuses a write while a command that did not declare writes runs.
  func checkWriteGuard() throws {
    guard let command = writeGuard else { return }
    throw KgshError(
      .readOnly,
      "\(command) does not declare that it changes the knowledge base, so its write was refused; nothing was changed",
      hint:
        "a command that writes declares writes: true in its signature (third-party plugins: the write feature)"
    )
  }

  /// Runs `body` with writes allowed, for a caller that checked a declaration of its own
  /// (a third-party plugin's write feature).
  public func allowingWrites<T>(_ body: () throws -> T) rethrows -> T {
    let outer = writeGuard
    writeGuard = nil
    defer { writeGuard = outer }
    return try body()
  }

  static let metaSQL = ReaderSQL("SELECT value FROM meta WHERE key = ?")

  /// A value from the meta table.
  public func meta(_ key: String) throws -> String? {
    try read { db in
      let value = try prepared(db, Self.metaSQL)
      value.bind(1, key)
      var found: String?
      try value.forEachRow { found = RawStatement.text($0, 0) }
      return found
    }
  }
}
