import Foundation
import GRDB
import GRDBSQLite

extension GraphImporter {
  /// What to do about a header that lacks the columns a nodes (or edges) file needs: the
  /// other kind of file given in its place, a separator kgsh does not read, or an example.
  static func headerHint(_ header: [String], file: String, nodes: Bool) -> String {
    if header.count == 1, let separator = [";", "|"].first(where: { header[0].contains($0) }) {
      return "the columns look separated by '\(separator)': a .csv file takes commas, a .tsv file tabs"
    }
    if nodes, column(header, sourceColumns) != nil {
      return "this looks like an edges file: import - \(file) loads edges only, or name the nodes file first"
    }
    if !nodes, column(header, idColumns) != nil {
      return "this looks like a nodes file: import NODES EDGES takes the nodes file first"
    }
    return nodes
      ? "the first line of a nodes file is e.g. id,label,name"
      : "the first line of an edges file is e.g. src,type,dst"
  }

  /// Inserts the nodes of a file; names become aliases (sorted, so the alias tree is
  /// appended to in order) and search entries.
  mutating func loadNodes(_ file: CSVReader) throws {
    var header: [String] = []
    var idColumn = 0, nameColumn: Int? = nil, labelColumn: Int? = nil
    var keyedByName = false
    var propertyColumns: [Int] = []
    var batch = try NodeBatch(db, file: file)
    var aliases: [(norm: String, id: Int64, name: String)] = []
    var rows = 0
    do {
      try file.forEachRecord { fields, line, offset in
        if header.isEmpty {
          header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
          nameColumn = Self.column(header, ["name", "title"])
          // Without an id column the names are the keys (a list of names is a nodes file too).
          guard let id = Self.column(header, Self.idColumns) ?? nameColumn else {
            throw fail(
              file, line, "the header needs an id or a name column (found: \(header.joinedText(", ")))",
              hint: Self.headerHint(header, file: file.path, nodes: true))
          }
          idColumn = id
          keyedByName = id == nameColumn
          batch.keyWord = keyedByName ? "name" : "id"
          labelColumn = Self.column(header, ["label", "labels", ":label"])
          propertyColumns = Self.propertyColumns(header, skip: [idColumn, nameColumn, labelColumn])
          return
        }
        guard fields.count == header.count else {
          throw fail(file, line, "expected \(header.count) fields, found \(fields.count)")
        }
        let key = fields[idColumn]
        guard !key.isEmpty else { throw fail(file, line, keyedByName ? "empty name" : "empty id") }
        try checkNewKey(key, byName: keyedByName, column: idColumn, file, line)
        let name = nameColumn.map { fields[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? key
        let id = try batch.add(
          key: key, name: name, props: Self.properties(fields, header, columns: propertyColumns), line: line)
        ids[key] = id
        newNodeIDs.append(id)
        if let labelColumn { labels.add(fields[labelColumn], id) }
        aliases.append((Names.normalize(name), id, name))
        rows += 1
        if rows % 8192 == 0 {
          try interrupt()
          progress(ImportProgress(phase: "nodes", done: offset, total: file.byteCount))
        }
      }
    } catch let error as KgshError where error != KgshError.interrupted {
      try batch.flush()  // a node of an earlier line whose id is taken is the first error
      throw error
    }
    guard !header.isEmpty else { throw Self.noHeader(file, example: "id,label,name") }
    try batch.flush()
    progress(ImportProgress(phase: "nodes", done: file.byteCount, total: file.byteCount))
    report.nodes = rows
    // The names are sorted on another thread while the labels are stored.
    let norms = aliases.map(\.norm)
    let order = Background { Self.byteOrder(norms) }
    try labels.store(db, into: &report)
    try storeNames(aliases, order: order.value)
    if intoEmptyGraph { names = ImportedNames(norms: norms, ids: aliases.map(\.id), order: order.value) }
  }

  /// Aliases for new nodes, in folded-name order (`byteOrder` of their folded names). Their
  /// full-text search entries are left to the first search (`SearchBacklog`): the nodes' id
  /// range is noted instead.
  mutating func storeNames(_ aliases: [(norm: String, id: Int64, name: String)], order: [Int]) throws {
    let order = order.filter { !aliases[$0].norm.isEmpty }
    let insert = try BatchInsert(
      db, "INSERT OR IGNORE INTO alias(norm, node_id, alias, layer) VALUES ", row: "(?, ?, ?, 'user')",
      columns: 3)
    try insert.run(
      count: order.count, what: "storing the names",
      every: { k in
        try interrupt()
        progress(ImportProgress(phase: "names", done: k, total: order.count))
      }
    ) { statement, at, k in
      let a = aliases[order[k]]
      statement.bind(at + 1, a.norm)
      statement.bind(at + 2, a.id)
      statement.bind(at + 3, a.name)
    }
    if let first = aliases.first?.id, let last = aliases.last?.id {
      try SearchBacklog.add(db, first...last)
    }
    progress(ImportProgress(phase: "names", done: order.count, total: order.count))
  }

  /// The positions of `strings` in the byte order of their UTF-8 (SQLite's BINARY
  /// collation, the order of the alias table), ties in position order. The bytes are copied
  /// into one buffer and compared with memcmp: String comparison made sorting a million
  /// names take 1.5 s.
  static func byteOrder(_ strings: [String]) -> [Int] {
    var bytes: [UInt8] = []
    var starts = [0]
    starts.reserveCapacity(strings.count + 1)
    for s in strings {
      bytes.append(contentsOf: s.utf8)
      starts.append(bytes.count)
    }
    var order = Array(strings.indices)
    bytes.append(0)  // a base address even when every string is empty
    bytes.withUnsafeBufferPointer { buffer in
      let base = buffer.baseAddress!
      starts.withUnsafeBufferPointer { start in
        order.sort { a, b in
          let la = start[a + 1] - start[a], lb = start[b + 1] - start[b]
          let c = memcmp(base + start[a], base + start[b], min(la, lb))
          if c != 0 { return c < 0 }
          return la != lb ? la < lb : a < b
        }
      }
    }
    return order
  }

  /// The line a node id first appears on (for the error about its second appearance).
  static func firstLine(of key: String, column: Int, in file: CSVReader) throws -> Int {
    var first = 0
    try file.forEachRecord { fields, line, _ in
      if first == 0, line > 1, column < fields.count, fields[column] == key { first = line }
    }
    return first
  }

  /// The node an edge end names: a key of the nodes file or of the knowledge base, else the
  /// one entity whose name or alias it is (`Zhipu AI`, 智谱).
  mutating func nodeID(_ key: String, _ file: CSVReader, _ line: Int) throws -> Int64 {
    if let id = ids[key] { return id }
    findKey.bind(1, key)
    if let id = findKey.int64() {
      ids[key] = id
      return id
    }
    let named = try Self.nodesNamed(key, db)
    guard named.count == 1 else {
      throw fail(
        file, line,
        named.isEmpty
          ? "no node with id or name '\(key)'"
          : "'\(key)' names \(named.count) entities (\(named.map(\.key).joinedText(", ")))",
        hint: named.isEmpty
          ? "list it in the nodes file or use a key or name from the knowledge base; nothing was imported"
          : "write the key of the one you mean; nothing was imported")
    }
    ids[key] = named[0].id
    return named[0].id
  }

  /// Refuses a node key that appears twice in the file or, when the names are the keys, a
  /// name the knowledge base has already.
  func checkNewKey(_ key: String, byName: Bool, column: Int, _ file: CSVReader, _ line: Int) throws {
    if ids[key] != nil {
      let first = try Self.firstLine(of: key, column: column, in: file)
      throw fail(
        file, line, "\(byName ? "name" : "id") '\(key)' appears twice (first on line \(first))",
        hint: byName ? "add an id column to keep both (id,label,name); nothing was imported" : nil)
    }
    if byName { try refuseNamed(key, file, line) }
  }

  /// A name-keyed node whose name already names an entity of the knowledge base is refused:
  /// a second entity of one name would make every lookup of it ambiguous.
  func refuseNamed(_ name: String, _ file: CSVReader, _ line: Int) throws {
    guard let taken = try Self.nodesNamed(name, db).first else { return }
    let which = taken.key == name ? "(an earlier import?)" : "(key \(taken.key))"
    throw fail(
      file, line, "'\(name)' already names an entity of the knowledge base \(which)",
      hint: "leave it out of the nodes file (edges may still name it), or add an id column to import "
        + "another entity of that name; nothing was imported")
  }

  /// The entities whose name or alias folds to the same text as `name` (three at most are read).
  static func nodesNamed(_ name: String, _ db: Database) throws -> [(id: Int64, key: String)] {
    let norm = Names.normalize(name)
    guard !norm.isEmpty else { return [] }
    return try Row.fetchAll(
      db,
      sql: """
        SELECT DISTINCT n.id, n.key FROM alias a JOIN node n ON n.id = a.node_id
        WHERE a.norm = ? ORDER BY n.id LIMIT 3
        """, arguments: [norm]
    ).map { ($0[0], $0[1]) }
  }

  /// The id of a relation type as stored: words (`invests in`) are written as `link` writes
  /// them (INVESTS_IN), and a type the knowledge base has in other capitals takes its
  /// spelling; each such reading is reported.
  mutating func typeID(_ typed: String) throws -> Int64 {
    if let id = typeIDs[typed] { return id }
    let name = try Self.storedTypeName(typed, db)
    if name != typed { report.renamedTypes[typed] = name }
    if let id = typeIDs[name] { return id }
    try db.execute(sql: "INSERT OR IGNORE INTO edge_type(name) VALUES (?)", arguments: [name])
    let id = try Int64.fetchOne(db, sql: "SELECT id FROM edge_type WHERE name = ?", arguments: [name])!
    typeIDs[name] = id
    return id
  }
}

extension GraphImporter {
  static func storedTypeName(_ typed: String, _ db: Database) throws -> String {
    let trimmed = typed.trimmingCharacters(in: .whitespaces)
    let words = trimmed.split { !$0.isLetter && !$0.isNumber && $0 != "_" }
    let name = words.count > 1 ? words.map { $0.uppercased() }.joined(separator: "_") : trimmed
    guard !name.isEmpty else { return typed }
    if try Bool.fetchOne(db, sql: "SELECT 1 FROM edge_type WHERE name = ?", arguments: [name]) == true {
      return name
    }
    return try String.fetchOne(
      db, sql: "SELECT name FROM edge_type WHERE name = ? COLLATE NOCASE ORDER BY name LIMIT 1",
      arguments: [name])
      ?? name
  }
}

/// The labels of an import's nodes, kept by label and stored after the nodes: label by
/// label, each one's nodes in id order, the order of `node_label`'s key.
struct NodeLabels {
  private var names: [String] = []
  private var members: [[Int64]] = []
  private var position: [String: Int] = [:]
  /// The last label field and the positions of its labels.
  private var lastField = ""
  private var lastPositions: [Int] = []

  /// Notes the labels of a node's label field (several separated by `;`; a label repeated
  /// in one field counts once).
  mutating func add(_ field: String, _ id: Int64) {
    if field == lastField {  // nodes of one label usually come together: no splitting, no hashing
      for p in lastPositions where members[p].last != id { members[p].append(id) }
      return
    }
    lastPositions = []
    for label in field.split(separator: ";") where !label.isEmpty {
      let p: Int
      if let known = position[String(label)] {
        p = known
      } else {
        p = names.count
        names.append(String(label))
        members.append([])
        position[String(label)] = p
      }
      if members[p].last != id { members[p].append(id) }
      lastPositions.append(p)
    }
    lastField = field
  }

  /// The labels and their members, for a graph index built from the import.
  var labelMembers: LabelMembers { LabelMembers(names: names, members: members) }

  /// Inserts the labels and counts them into `report`.
  func store(_ db: Database, into report: inout GraphImportReport) throws {
    var label: [Int32] = [], node: [Int64] = []
    for p in GraphImporter.byteOrder(names) {
      label.append(contentsOf: repeatElement(Int32(p), count: members[p].count))
      node.append(contentsOf: members[p])
      report.labels[names[p], default: 0] += members[p].count
    }
    let insert = try BatchInsert(
      db, "INSERT OR IGNORE INTO node_label(label, node_id) VALUES ", row: "(?, ?)", columns: 2)
    try insert.run(count: node.count, what: "storing the labels") { statement, at, i in
      statement.bind(at + 1, names[Int(label[i])])
      statement.bind(at + 2, node[i])
    }
  }
}

/// The folded names of an import into an empty graph, for its graph index (`GraphIndexPrebuild`):
/// the alias table holds exactly these, in `order`.
struct ImportedNames: Sendable {
  let norms: [String]
  let ids: [Int64]
  /// Positions in byte order of the folded names (`GraphImporter.byteOrder`).
  let order: [Int]

  /// Adds the names to `builder` in the alias table's order (empty names are not stored).
  func add(to builder: inout NamePrefixes.Builder) {
    for i in order {
      var norm = norms[i]
      guard !norm.isEmpty else { continue }
      norm.withUTF8 { builder.add(UnsafeRawBufferPointer($0), id: ids[i]) }
    }
  }
}
