import Foundation
import GRDB
import GRDBSQLite

extension GraphImporter {
  /// Inserts the nodes of a file; names become aliases (sorted, so the alias tree is
  /// appended to in order) and search entries.
  mutating func loadNodes(_ file: CSVReader) throws {
    var header: [String] = []
    var idColumn = 0, nameColumn: Int? = nil, labelColumn: Int? = nil
    var propertyColumns: [Int] = []
    let insert = try RawStatement(db, "INSERT INTO node(key, name, props, layer) VALUES (?, ?, ?, 'user')")
    let label = try RawStatement(db, "INSERT OR IGNORE INTO node_label(label, node_id) VALUES (?, ?)")
    var aliases: [(norm: String, id: Int64, name: String)] = []
    var rows = 0
    try file.forEachRecord { fields, line, offset in
      if header.isEmpty {
        header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let id = Self.column(header, ["id", "key", ":id"]) else {
          throw fail(
            file, line, "the header needs an id column (found: \(header.joined(separator: ", ")))",
            hint: "the first line of a nodes file is e.g. id,label,name")
        }
        idColumn = id
        nameColumn = Self.column(header, ["name", "title"])
        labelColumn = Self.column(header, ["label", "labels", ":label"])
        propertyColumns = Self.propertyColumns(header, skip: [idColumn, nameColumn, labelColumn])
        return
      }
      guard fields.count == header.count else {
        throw fail(file, line, "expected \(header.count) fields, found \(fields.count)")
      }
      let key = fields[idColumn]
      guard !key.isEmpty else { throw fail(file, line, "empty id") }
      if let first = firstLine[key] {
        throw fail(file, line, "id '\(key)' appears twice (first on line \(first))")
      }
      let name = nameColumn.map { fields[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? key
      insert.bind(1, key)
      insert.bind(2, name)
      insert.bind(3, Self.properties(fields, header, columns: propertyColumns))
      let rc = insert.run()
      guard rc == SQLITE_DONE else {
        if rc & 0xFF == SQLITE_CONSTRAINT {
          throw fail(
            file, line, "id '\(key)' is already in the knowledge base",
            hint: "use new ids; nothing was imported")
        }
        throw fail(file, line, insert.message(db))
      }
      let id = db.lastInsertedRowID
      ids[key] = id
      firstLine[key] = line
      if let labelColumn {
        for l in fields[labelColumn].split(separator: ";") where !l.isEmpty {
          label.bind(1, String(l))
          label.bind(2, id)
          label.run()
          report.labels[String(l), default: 0] += 1
        }
      }
      aliases.append((Names.normalize(name), id, name))
      rows += 1
      if rows % 8192 == 0 {
        try interrupt()
        progress(ImportProgress(phase: "nodes", done: offset, total: file.byteCount))
      }
    }
    progress(ImportProgress(phase: "nodes", done: file.byteCount, total: file.byteCount))
    report.nodes = rows
    try storeNames(aliases)
  }

  /// Aliases and search entries for new nodes, in folded-name order.
  mutating func storeNames(_ aliases: [(norm: String, id: Int64, name: String)]) throws {
    let sorted = aliases.sorted { $0.norm != $1.norm ? $0.norm < $1.norm : $0.id < $1.id }
    let alias = try RawStatement(
      db, "INSERT OR IGNORE INTO alias(norm, node_id, alias, layer) VALUES (?, ?, ?, 'user')")
    let search = try RawStatement(db, "INSERT INTO search(text, node_id, kind) VALUES (?, ?, 'name')")
    for (k, a) in sorted.enumerated() {
      if k % 8192 == 0 {
        try interrupt()
        progress(ImportProgress(phase: "names", done: k, total: sorted.count))
      }
      guard !a.norm.isEmpty else { continue }
      alias.bind(1, a.norm)
      alias.bind(2, a.id)
      alias.bind(3, a.name)
      alias.run()
      search.bind(1, a.name + " " + a.norm)
      search.bind(2, a.id)
      search.run()
    }
    progress(ImportProgress(phase: "names", done: sorted.count, total: sorted.count))
  }

  /// Inserts the edges of a file. Both ends must be known nodes.
  mutating func loadEdges(_ file: CSVReader, defaultType: String) throws {
    var header: [String] = []
    var src = 0, dst = 1, typeColumn: Int? = nil
    var propertyColumns: [Int] = []
    var rowsOfType: [Int64: Int] = [:]
    let insert = try RawStatement(
      db, "INSERT INTO edge(src, type, dst, props, layer) VALUES (?, ?, ?, ?, 'user')")
    var rows = 0
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
      let type = try typeID(typeName)
      insert.bind(1, from)
      insert.bind(2, type)
      insert.bind(3, to)
      insert.bind(4, Self.properties(fields, header, columns: propertyColumns))
      guard insert.run() == SQLITE_DONE else { throw fail(file, line, insert.message(db)) }
      rowsOfType[type, default: 0] += 1
      rows += 1
      if rows % 8192 == 0 {
        try interrupt()
        progress(ImportProgress(phase: "edges", done: offset, total: file.byteCount))
      }
    }
    progress(ImportProgress(phase: "edges", done: file.byteCount, total: file.byteCount))
    for (name, id) in typeIDs { report.types[name, default: 0] += rowsOfType[id] ?? 0 }
    report.edges = rows
  }

  mutating func nodeID(_ key: String, _ file: CSVReader, _ line: Int) throws -> Int64 {
    if let id = ids[key] { return id }
    findKey.bind(1, key)
    guard let id = findKey.int64() else {
      throw fail(
        file, line, "no node with id '\(key)'",
        hint: "list it in the nodes file or use a key from the knowledge base; nothing was imported")
    }
    ids[key] = id
    return id
  }

  mutating func typeID(_ name: String) throws -> Int64 {
    if let id = typeIDs[name] { return id }
    try db.execute(sql: "INSERT OR IGNORE INTO edge_type(name) VALUES (?)", arguments: [name])
    let id = try Int64.fetchOne(db, sql: "SELECT id FROM edge_type WHERE name = ?", arguments: [name])!
    typeIDs[name] = id
    return id
  }
}
