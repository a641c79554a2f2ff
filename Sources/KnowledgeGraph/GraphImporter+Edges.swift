import Foundation
import GRDB
import GRDBSQLite

/// The edges of one file, read before any is stored.
struct PendingEdges {
  /// One row (24 bytes: five million edges take 120 MB): its ends, its type as a position
  /// in `types`, and where its properties are (-1: none).
  struct Row: Equatable {
    var src: Int64
    var dst: Int64
    var type: Int32
    var props: Int32
  }

  var rows: [Row] = []
  /// The store ids of the rows' types.
  var types: [Int64] = []
  /// The property objects of the rows that have any, in file order.
  var props: [String] = []

  /// The position of the type with store id `id` in `types`.
  mutating func type(_ id: Int64) -> Int32 {
    if let at = types.firstIndex(of: id) { return Int32(at) }
    types.append(id)
    return Int32(types.count - 1)
  }

  mutating func append(src: Int64, type: Int32, dst: Int64, props rowProps: String?) {
    var at: Int32 = -1
    if let rowProps {
      at = Int32(props.count)
      props.append(rowProps)
    }
    rows.append(Row(src: src, dst: dst, type: type, props: at))
  }

  /// Puts the rows in the order of the `edge_out` index (src, type, dst), rows that tie in
  /// file order. Rows stored in that order are appended at the end of the index, which a
  /// bulk load therefore keeps instead of rebuilding (see `dropIndexes`), and the rows of
  /// one node sit together in the table.
  mutating func sortByIndexOrder() {
    // Type positions are renumbered in store id order first, so they sort as the ids do.
    let byID = types.indices.sorted { types[$0] < types[$1] }
    var rank = [Int32](repeating: 0, count: types.count)
    for (r, position) in byID.enumerated() { rank[position] = Int32(r) }
    for i in rows.indices { rows[i].type = rank[Int(rows[i].type)] }
    types = byID.map { types[$0] }
    rows.sort { a, b in
      if a.src != b.src { return a.src < b.src }
      if a.type != b.type { return a.type < b.type }
      if a.dst != b.dst { return a.dst < b.dst }
      return a.props < b.props
    }
  }
}

/// The edges of an import that filled an empty edge table, handed to the graph index build
/// that follows it (`KnowledgeStore.graphIndex()`), which would otherwise read all of them
/// back from the table (L: 5,000,000 rows). Row i is the edge with store id i + 1: the table
/// was empty, so SQLite numbered the rows 1, 2, ... in the order they were inserted, which
/// the import checks (`max(id)` is the row count). Used only while `stamp` is the graph's
/// stamp, that is, until the next write by any kgsh process.
struct ImportedEdges: Sendable {
  let stamp: String
  let rows: [PendingEdges.Row]
  /// The store ids of the rows' types (`Row.type` is a position in it).
  let types: [Int64]
  /// The graph index, when the import built it (see `GraphIndexPrebuild`).
  var prebuilt: GraphIndex? = nil
}

extension GraphImporter {
  /// Inserts the edges of a file, read by an `EdgeFileReader`. Both ends must be known
  /// nodes. Every row is checked first, then the rows are stored in index order (see
  /// `PendingEdges`).
  mutating func loadEdges(_ file: CSVReader, _ raw: consuming RawEdges) throws {
    var raw = raw
    let intoEmptyTable = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM edge)") ?? false
    var pending = try resolveEdges(file, &raw)
    pending.sortByIndexOrder()
    let rows = pending.rows
    if intoEmptyTable, intoEmptyGraph, !rows.isEmpty { try startPrebuild(pending) }
    do {
      try storeEdges(file, pending, intoEmptyTable: intoEmptyTable)
      // The stamp the file was written with must be the graph's.
      if let prebuild, try GraphIndexStamp.current(db) != prebuild.stamp {
        prebuild.cancel()
        self.prebuild = nil
      }
    } catch {
      prebuild?.cancel()
      prebuild = nil
      throw error
    }
  }

  /// Starts building the graph index of an import into an empty graph (see
  /// `GraphIndexPrebuild`), and writing its file, while the edges are stored. Rows stored
  /// into an empty table are numbered 1, 2, ...: the graph's stamp is known now.
  mutating func startPrebuild(_ pending: PendingEdges) throws {
    let edges = ImportedEdges(stamp: "", rows: pending.rows, types: pending.types)
    let (ids, labels, types) = (newNodeIDs, labels.labelMembers, try GraphIndex.edgeTypes(db))
    let names = names
    let stamp = try GraphIndexStamp.current(db, maxEdgeID: Int64(pending.rows.count))
    let prebuild = GraphIndexPrebuild.start(stamp: stamp) {
      GraphIndex.build(nodeIDs: ids, labels: labels, types: types, edges: edges) { names?.add(to: &$0) }
    }
    if let indexFile, pending.rows.count >= indexFileMinEdges { prebuild.save(path: indexFile) }
    self.prebuild = prebuild
  }

  /// Inserts the rows of `pending`, in their order, and hands them over (`handOver`) when
  /// they filled an empty table.
  mutating func storeEdges(_ file: CSVReader, _ pending: PendingEdges, intoEmptyTable: Bool) throws {
    let rows = pending.rows
    let insert = try BatchInsert(
      db, "INSERT INTO edge(src, type, dst, props, layer) VALUES ", row: "(?, ?, ?, ?, 'user')", columns: 4)
    try insert.run(
      count: rows.count, what: "\(file.path): storing the edges",
      every: { k in
        try interrupt()
        progress(ImportProgress(phase: "edge rows", done: k, total: rows.count))
      }
    ) { statement, at, i in
      let row = rows[i]
      statement.bind(at + 1, row.src)
      statement.bind(at + 2, pending.types[Int(row.type)])
      statement.bind(at + 3, row.dst)
      statement.bind(at + 4, row.props < 0 ? nil : pending.props[Int(row.props)])
    }
    progress(ImportProgress(phase: "edge rows", done: rows.count, total: rows.count))
    var rowsOfType = [Int](repeating: 0, count: pending.types.count)
    for row in rows { rowsOfType[Int(row.type)] += 1 }
    for (name, id) in typeIDs {
      if let at = pending.types.firstIndex(of: id) { report.types[name, default: 0] += rowsOfType[at] }
    }
    report.edges = rows.count
    if intoEmptyTable, try Int.fetchOne(db, sql: "SELECT max(id) FROM edge") == rows.count {
      handOver = (rows, pending.types)
    } else {
      prebuild?.cancel()
      prebuild = nil
    }
  }

  /// Turns the keys of the rows read into node ids and their type names into type ids, in
  /// file order: an unknown key fails here, naming its line; then the reader's own error,
  /// which is on a later line, if it had one. Nothing of the file is stored before.
  mutating func resolveEdges(_ file: CSVReader, _ raw: inout RawEdges) throws -> PendingEdges {
    var pending = PendingEdges()
    swap(&pending.rows, &raw.rows)  // no copy of a big array
    swap(&pending.props, &raw.props)
    var positions: [Int32] = []
    for name in raw.typeNames { positions.append(pending.type(try typeID(name))) }
    if raw.endsAreNodePositions {
      try placeEnds(&pending, positions)
      return pending
    }
    var otherIDs = [Int64](repeating: 0, count: raw.keys.count)
    func id(_ code: Int64, _ line: Int32) throws -> Int64 {
      if code >= 0 {
        if let id = ids.id(slot: Int(code)) { return id }
        return try nodeID(String(code), file, Int(line))
      }
      let k = Int(-1 - code)
      if otherIDs[k] == 0 { otherIDs[k] = try nodeID(raw.keys[k], file, Int(line)) }
      return otherIDs[k]
    }
    for i in pending.rows.indices {
      if i % 8192 == 0 {
        try interrupt()
        progress(ImportProgress(phase: "edges", done: i, total: pending.rows.count))
      }
      let row = pending.rows[i]
      let src = try id(row.src, raw.lines[i]), dst = try id(row.dst, raw.lines[i])
      pending.rows[i] = PendingEdges.Row(src: src, dst: dst, type: positions[Int(row.type)], props: row.props)
    }
    if let failure = raw.failure { throw failure }
    progress(ImportProgress(phase: "edges", done: pending.rows.count, total: pending.rows.count))
    return pending
  }

  /// Turns ends that are positions in the nodes file (see `RawEdges.placeEnds`) into the ids
  /// those nodes were given, and type positions into the import's.
  func placeEnds(_ pending: inout PendingEdges, _ typePositions: [Int32]) throws {
    let count = Int64(newNodeIDs.count)
    try newNodeIDs.withUnsafeBufferPointer { ids in
      for i in pending.rows.indices {
        let row = pending.rows[i]
        guard row.src >= 1, row.src <= count, row.dst >= 1, row.dst <= count else {
          throw KgshError(.io, "an edge end is outside the nodes file", hint: "nothing was imported")
        }
        pending.rows[i] = PendingEdges.Row(
          src: ids[Int(row.src) - 1], dst: ids[Int(row.dst) - 1], type: typePositions[Int(row.type)],
          props: row.props)
      }
    }
    progress(ImportProgress(phase: "edges", done: pending.rows.count, total: pending.rows.count))
  }
}
