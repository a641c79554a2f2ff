import Foundation
import GRDB
import GRDBSQLite

/// The edges of one file, read before any is stored.
struct PendingEdges {
  /// One row (24 bytes: five million edges take 120 MB): its ends, its type as a position
  /// in `types`, and where its properties are (-1: none).
  struct Row {
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
  /// file order. Rows stored in that order make the index's build at the end of a bulk
  /// load a pass over sorted keys (measured on 500,000 edges: ~0.1 s instead of ~0.5 s), and
  /// the rows of one node sit together in the table.
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

extension GraphImporter {
  /// Inserts the edges of a file. Both ends must be known nodes. The whole file is read
  /// and checked first, then its rows are stored in index order (see `PendingEdges`).
  mutating func loadEdges(_ file: CSVReader, defaultType: String) throws {
    var pending = try readEdges(file, defaultType: defaultType)
    pending.sortByIndexOrder()
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
  }

  /// Reads and checks every row of an edges file: a bad row fails here, naming its line,
  /// before anything of the file is stored.
  mutating func readEdges(_ file: CSVReader, defaultType: String) throws -> PendingEdges {
    var header: [String] = []
    var src = 0, dst = 1, typeColumn: Int? = nil
    var propertyColumns: [Int] = []
    var pending = PendingEdges()
    var lastType: (name: String?, position: Int32) = (nil, 0)
    try file.forEachRecord { fields, line, offset in
      if header.isEmpty {
        header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let s = Self.column(header, ["src", "source", "from", ":start_id", "start"]),
          let d = Self.column(header, ["dst", "target", "to", ":end_id", "end"])
        else {
          throw fail(
            file, line, "the header needs src and dst columns (found: \(header.joined(separator: ", ")))",
            hint: "the first line of an edges file is e.g. src,type,dst")
        }
        (src, dst) = (s, d)
        typeColumn = Self.column(header, ["type", "relation", ":type", "rel"])
        propertyColumns = Self.propertyColumns(header, skip: [src, dst, typeColumn])
        return
      }
      guard fields.count == header.count else {
        throw fail(file, line, "expected \(header.count) fields, found \(fields.count)")
      }
      let from = try nodeID(fields[src], file, line), to = try nodeID(fields[dst], file, line)
      let typeName = typeColumn.map { fields[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? defaultType
      // Rows of one type usually come together: the last one is compared before hashing.
      if typeName != lastType.name { lastType = (typeName, pending.type(try typeID(typeName))) }
      pending.append(
        src: from, type: lastType.position, dst: to,
        props: Self.properties(fields, header, columns: propertyColumns))
      if pending.rows.count % 8192 == 0 {
        try interrupt()
        progress(ImportProgress(phase: "edges", done: offset, total: file.byteCount))
      }
    }
    progress(ImportProgress(phase: "edges", done: file.byteCount, total: file.byteCount))
    return pending
  }
}
