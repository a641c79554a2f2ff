import Foundation
import GRDB
import GRDBSQLite

/// What `importGraph` loaded.
public struct GraphImportReport: Sendable, Equatable {
  public var nodes = 0
  public var edges = 0
  /// Nodes per label and edges per relation type.
  public var labels: [String: Int] = [:]
  public var types: [String: Int] = [:]
  /// Relation types read in another spelling: as written in the file -> as stored.
  public var renamedTypes: [String: String] = [:]
}

/// Where an import is: the phase ("nodes", "edges", "indexes") and how far through it.
public struct ImportProgress: Sendable {
  public var phase: String
  public var done: Int
  public var total: Int
}

extension KnowledgeStore {
  /// Loads nodes and edges from CSV or TSV files in one transaction: either all rows are
  /// stored, or nothing changes.
  ///
  /// Nodes: a header with `id` and `name` (or just `id`, or just `name`: then the names are
  /// the keys), optionally `label` (several separated by `;`); other columns become
  /// properties. Edges: `src`, `dst` (or source/target, from/to) and `type`; other columns
  /// become edge properties. Edge ends are node ids from the nodes file, keys already in the
  /// knowledge base, or the name of one entity.
  ///
  /// ```swift
  /// let report = try store.importGraph(nodes: "nodes.csv", edges: "edges.csv")
  /// ```
  /// - Throws: `KgshError` naming the file and line of the first bad row.
  public func importGraph(
    nodes nodesPath: String?, edges edgesPath: String?, defaultType: String = "RELATED_TO",
    progress: @escaping (ImportProgress) -> Void = { _ in }, interrupt: @escaping () throws -> Void = {}
  ) throws -> GraphImportReport {
    guard !isReadOnly else { throw KgshError.readOnly("import") }
    try checkWriteGuard()
    let nodeFile = try nodesPath.map { try CSVReader(path: $0) }
    let edgeFile = try edgesPath.map { try CSVReader(path: $0) }
    // The edges file is read on a second thread while the nodes are stored.
    let edgeReader = edgeFile.map { EdgeFileReader.start($0, defaultType: defaultType, nodes: nodeFile) }
    defer { edgeReader?.cancel() }
    defer {
      localWrites += 1
      edgeTypeIDs = [:]
      edgeTypeNames = [:]
    }
    do {
      return try onConnection { db in
        // Edge ends are checked against the key map below, so SQLite's per-row foreign key
        // lookups would only repeat that work.
        try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -131072")
        defer { try? db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000") }
        let estimated = (nodeFile?.byteCount ?? 0) / 40 + (edgeFile?.byteCount ?? 0) / 20
        let bulk = try GraphImporter.isBulk(db, importRows: estimated)
        if bulk { self.closeSQLConnection() }
        let leftWAL = bulk && GraphImporter.leaveWAL(db)
        defer { if leftWAL { try? db.execute(sql: "PRAGMA journal_mode = WAL") } }
        importedEdges.withLock { $0 = nil }
        let (report, handed) = try importTransaction(
          db, nodeFile, edgeFile.flatMap { file in edgeReader.map { (file, $0) } }, bulk: bulk,
          progress: progress, interrupt: interrupt)
        importedEdges.withLock { $0 = handed }
        return report
      }
    } catch let error as KgshError {
      throw error
    } catch {
      throw KnowledgeStore.failure(error, hint: KnowledgeStore.hint(for: error) ?? "nothing was imported")
    }
  }
}

extension KnowledgeStore {
  /// The import's transaction: the nodes, then the edges (read by `edges.reader`), then the
  /// indexes a bulk load dropped. Answers what was imported and, when the edges filled an
  /// empty table, the hand-over for the next graph index build (with the index itself when
  /// the graph was empty: built, and its file written, while the edges were stored).
  fileprivate func importTransaction(
    _ db: Database, _ nodeFile: CSVReader?, _ edges: (file: CSVReader, reader: EdgeFileReader)?, bulk: Bool,
    progress: @escaping (ImportProgress) -> Void, interrupt: @escaping () throws -> Void
  ) throws -> (GraphImportReport, ImportedEdges?) {
    var report = GraphImportReport()
    var handed: ImportedEdges?
    var prebuild: GraphIndexPrebuild?
    var committed = false
    defer { if !committed { prebuild?.cancel() } }
    try db.inTransaction {
      try GraphIndexStamp.bump(db)
      var importer = try GraphImporter(
        db: db, progress: progress, interrupt: interrupt,
        indexFile: path.map(GraphIndexFile.path(for:)), indexFileMinEdges: effectiveGraphIndexFileMinEdges)
      if bulk { try importer.dropIndexes() }
      if let nodeFile { try importer.loadNodes(nodeFile) }
      if let edges { try importer.loadEdges(edges.file, edges.reader.take()) }
      prebuild = importer.prebuild
      if let rows = importer.handOver {
        handed = ImportedEdges(stamp: try GraphIndexStamp.current(db), rows: rows.rows, types: rows.types)
      }
      try importer.restoreIndexes()
      report = importer.report
      return .commit
    }
    committed = true
    if let prebuild { handed?.prebuilt = prebuild.finish() }
    return (report, handed)
  }
}

/// The state of one import inside its transaction.
struct GraphImporter {
  let db: Database
  let progress: (ImportProgress) -> Void
  let interrupt: () throws -> Void
  var report = GraphImportReport()
  /// Node ids by key, for the nodes of this import and the existing ones looked up so far.
  var ids = ImportKeyMap()
  /// The ids of the nodes stored from the nodes file, in file order.
  var newNodeIDs: [Int64] = []
  var typeIDs: [String: Int64] = [:]
  var dropped: [(name: String, sql: String)] = []
  /// The stored edges, when they filled an empty edge table (see `ImportedEdges`).
  var handOver: (rows: [PendingEdges.Row], types: [Int64])?
  /// Whether the knowledge base had no nodes before this import: then its graph is the
  /// import's alone, and its graph index is built while the edges are stored (`prebuild`).
  let intoEmptyGraph: Bool
  /// The labels of the nodes file's nodes.
  var labels = NodeLabels()
  /// The folded names of the nodes file's nodes, when the graph was empty.
  var names: ImportedNames?
  /// The graph index of an import into an empty graph, being built (see `GraphIndexPrebuild`).
  var prebuild: GraphIndexPrebuild?
  let findKey: RawStatement

  /// Where the graph index file of an import into an empty graph is saved (nil: nowhere),
  /// when it has at least `indexFileMinEdges` edges.
  let indexFile: String?
  let indexFileMinEdges: Int

  init(
    db: Database, progress: @escaping (ImportProgress) -> Void, interrupt: @escaping () throws -> Void,
    indexFile: String? = nil, indexFileMinEdges: Int = 0
  ) throws {
    self.db = db
    self.progress = progress
    self.interrupt = interrupt
    self.indexFile = indexFile
    self.indexFileMinEdges = indexFileMinEdges
    findKey = try RawStatement(db, "SELECT id FROM node WHERE key = ?")
    intoEmptyGraph = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM node)") ?? false
  }

  /// Whether an import of about `importRows` rows is a bulk load: bigger than what is stored.
  static func isBulk(_ db: Database, importRows: Int) throws -> Bool {
    guard importRows > 50_000 else { return false }
    return try (Int.fetchOne(db, sql: "SELECT count(*) FROM edge") ?? 0) < importRows
  }

  /// Switches a bulk load from the write-ahead log to SQLite's rollback journal, which is as
  /// atomic (an interrupted load is rolled back by the next open) but writes each new page
  /// once, into the file, instead of into the log and then again into the file. Only when
  /// no other connection has the file open (then the log stays); false when it stays.
  static func leaveWAL(_ db: Database) -> Bool {
    sqlite3_busy_timeout(db.sqliteConnection, 0)
    defer { sqlite3_busy_timeout(db.sqliteConnection, 5000) }
    let mode = try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
    return mode == "delete"
  }

  /// Secondary indexes are cheaper to build once, sorted, than to grow row by row: for a
  /// bulk load they are dropped here and rebuilt at the end (inside the same transaction,
  /// so a failure restores them too). `edge_out` stays: the edges are stored in its order
  /// (`PendingEdges`), so each row is appended at its end, which costs less than building
  /// it again (callgrind on M: 10.0 G instead of 10.6 G instructions on the importing thread).
  mutating func dropIndexes() throws {
    for name in ["edge_in", "edge_key", "node_name", "alias_node", "node_label_node"] {
      if let sql = try String.fetchOne(
        db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [name])
      {
        dropped.append((name, sql))
        try db.execute(sql: "DROP INDEX \(name)")
      }
    }
  }

  mutating func restoreIndexes() throws {
    // CREATE INDEX sorts its keys in chunks the size of the page cache, then merges them:
    // chunks of 2 MB stay in the processor's caches, one big chunk does not. Measured with
    // the sqlite3 CLI on edge(dst, type, src): 500,000 rows 0.17 s instead of 0.31 s with
    // 128 MB, 5,000,000 rows 2.5 s instead of 4.9 s. The file readers are done by now, so
    // SQLite may sort the chunks on helper threads (`PRAGMA threads`; the merge stays on this
    // one): edge(dst, type, src) of 5,000,000 rows 2.8-3.0 s instead of 3.3-3.8 s on 2 cores.
    if !dropped.isEmpty {
      try db.execute(sql: "PRAGMA cache_size = -2048; PRAGMA threads = \(Self.sortThreads)")
    }
    defer { try? db.execute(sql: "PRAGMA threads = 0") }
    for (k, index) in dropped.enumerated() {
      progress(ImportProgress(phase: "indexes", done: k, total: dropped.count))
      try interrupt()
      try db.execute(sql: index.sql)
    }
    if !dropped.isEmpty {
      progress(ImportProgress(phase: "indexes", done: dropped.count, total: dropped.count))
    }
    dropped = []
  }

  /// Helper threads for SQLite's index sorts: one per processor, at most 4 (on 2 cores, 2
  /// sorted edge(dst, type, src) a little faster than 1: 2.8-3.0 s against 3.2 s).
  static var sortThreads: Int { min(4, ProcessInfo.processInfo.activeProcessorCount) }

  /// The columns of `header` that hold properties: all but the structural ones.
  static func propertyColumns(_ header: [String], skip: [Int?]) -> [Int] {
    header.indices.filter { i in !skip.contains(i) }
  }

  /// The names a header may give the columns of an edge's ends and of a node's id.
  static let sourceColumns = ["src", "source", "from", ":start_id", "start"]
  static let targetColumns = ["dst", "target", "to", ":end_id", "end"]
  static let idColumns = ["id", "key", ":id"]

  /// Whether a file's header is an edges file's (both ends, no id or name column): what
  /// `import FILE` with one file loads as edges.
  static func isEdgesFile(_ path: String) -> Bool {
    let header = (try? CSVReader(path: path))?.header() ?? []
    return column(header, sourceColumns) != nil && column(header, targetColumns) != nil
      && column(header, idColumns + ["name", "title"]) == nil
  }

  static func column(_ header: [String], _ names: [String]) -> Int? {
    let lowered = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    for name in names { if let i = lowered.firstIndex(of: name) { return i } }
    return nil
  }

  func fail(_ file: CSVReader, _ line: Int, _ message: String, hint: String? = nil) -> KgshError {
    Self.failure(file, line, message, hint: hint)
  }

  /// The error of a file with no header row (empty, or blank lines only); `example` is the
  /// header it needs.
  static func noHeader(_ file: CSVReader, example: String) -> KgshError {
    KgshError(
      .invalidValue, "\(file.path) is empty: it has no header row",
      hint: "its first line names the columns, e.g. \(example); nothing was imported")
  }

  /// The error of a bad row: the file and line, what is wrong, what to do.
  static func failure(_ file: CSVReader, _ line: Int, _ message: String, hint: String? = nil) -> KgshError {
    KgshError(
      .invalidValue, "\(file.path):\(line): \(message)", hint: hint ?? "fix the row; nothing was imported")
  }

  /// The properties of a row: the columns that are not structural, typed when they read as
  /// numbers (`Value.inferred(fromText:)`).
  static func properties(_ fields: [String], _ header: [String], columns: [Int]) -> String? {
    if columns.isEmpty { return nil }
    var props: [String: Value] = [:]
    for i in columns where i < fields.count && !fields[i].isEmpty {
      props[header[i]] = Value.inferred(fromText: fields[i])
    }
    return props.isEmpty ? nil : JSON.encode(.map(props))
  }
}

extension KnowledgeStore {
  /// Whether the file's header is an edges file's: both ends, and no id or name column.
  public static func isEdgesFile(_ path: String) -> Bool { GraphImporter.isEdgesFile(path) }
}
