import Foundation

/// Builds the built-in layer of a knowledge base from the reviewable text sources in
/// Knowledge/ (sources.tsv, entities.tsv, facts.tsv, edges.tsv), keeping the user layer.
///
/// The build is one transaction and is skipped when the sources' fingerprint matches the
/// one recorded in the store, so a start-up with unchanged sources costs one meta lookup.
public enum KnowledgeLoader {
  public static let files = ["sources.tsv", "entities.tsv", "facts.tsv", "edges.tsv"]

  /// Finds the Knowledge/ folder: `KGSH_KNOWLEDGE`, the installed copy
  /// (`PREFIX/share/kgsh/Knowledge`), beside the executable or in one of the five folders above it,
  /// then the source tree. Paths are plain strings and `realpath`: Foundation's URL path
  /// methods cost a start-up ~0.6M instructions here.
  public static func locate(executable: String? = nil) -> String? {
    if let dir = Environment.value("KGSH_KNOWLEDGE"), !dir.isEmpty { return dir }
    var candidates: [String] = []
    // The running program's own path (argv[0] may be a bare name found on PATH).
    let exe = parent(
      of: realPath(executable ?? "/proc/self/exe") ?? executable ?? CommandLine.arguments.first ?? "")
    candidates.append(realPath(exe + "/../share/kgsh/Knowledge") ?? exe + "/../share/kgsh/Knowledge")
    var dir = exe
    for _ in 0..<6 {
      candidates.append(dir + "/Knowledge")
      dir = parent(of: dir)
    }
    candidates.append(parent(of: parent(of: parent(of: #filePath))) + "/Knowledge")
    return candidates.first { access($0 + "/entities.tsv", F_OK) == 0 }
  }

  /// The absolute path with symbolic links resolved, or nil when it does not exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// The folder a path is in: `/a/b/c` → `/a/b`, `/a` → `/`, `c` → `.`.
  static func parent(of path: String) -> String {
    var p = Substring(path)
    while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
    guard let slash = p.lastIndex(of: "/") else { return "." }
    return slash == p.startIndex ? "/" : String(p[..<slash])
  }

  /// A fingerprint (FNV-1a 64) of every source file's name and bytes.
  public static func fingerprint(_ dir: String, files: [String] = files) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for name in files {
      let data = FileManager.default.contents(atPath: dir + "/" + name) ?? Data()
      for byte in Array(name.utf8) + [0] + Array(data) {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
      }
    }
    return String(hash, radix: 16)
  }

  /// A cheap key of the source files' names, sizes and modification times: when it matches
  /// the one recorded at the last check, the files were not touched and hashing their bytes
  /// (most of a start-up's file reading) is skipped.
  static func statKey(_ dir: String, files: [String] = files) -> String {
    var key = ""
    for name in files {
      var info = stat()
      guard stat(dir + "/" + name, &info) == 0 else { return "" }
      key += "\(name):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec);"
    }
    return key
  }

  /// One layer's check: its files' stat key and fingerprint against those recorded under
  /// `meta` (`builtin` for the graph, `builtin:OWNER` for a plugin's layer).
  struct Check {
    var meta: String
    var quick: String
    var print: String?
    /// The files changed: the layer must be rebuilt.
    var stale: Bool { print != nil }
    /// Only the stat key changed (files touched, same bytes): record the new one.
    var touched = false
  }

  /// How the files are read: part of both keys, so that a kgsh that reads the same files
  /// differently (2: a property `02513` stays text, `33.03` is a number) rebuilds the layer once.
  static let reading = "reading:2"

  static func check(_ store: KnowledgeStore, _ dir: String, files: [String], meta: String) throws -> Check {
    let stat = statKey(dir, files: files)
    let quick = stat.isEmpty ? "" : stat + reading
    if !quick.isEmpty, try store.meta(meta + "_stat") == quick { return Check(meta: meta, quick: quick) }
    let print = fingerprint(dir, files: files) + ";" + reading
    if try store.meta(meta + "_hash") == print {
      return Check(meta: meta, quick: quick, touched: !quick.isEmpty)
    }
    return Check(meta: meta, quick: quick, print: print)
  }

  /// Rebuilds the built-in layer when the sources changed, and each extension's built-in
  /// layer when its files changed (each layer is checked and rebuilt on its own). Returns
  /// true when it rebuilt anything.
  /// - Throws: `KgshError` naming the file and line of a malformed row; nothing is
  ///   changed in that case.
  @discardableResult
  public static func ensureBuilt(
    _ store: KnowledgeStore, from dir: String, extensions: [StoreExtension] = []
  ) throws -> Bool {
    let core = try check(store, dir, files: files, meta: "builtin")
    var layers: [(StoreExtension, Check)] = []
    for ext in extensions where ext.loadBuiltin != nil {
      layers.append((ext, try check(store, dir, files: ext.builtinFiles, meta: "builtin:" + ext.owner)))
    }
    let checks = [core] + layers.map(\.1)
    if store.isReadOnly || !checks.contains(where: { $0.stale || $0.touched }) { return false }
    let tables = core.stale ? try files.map { try TSV.read(dir + "/" + $0) } : []
    try store.write { w in
      if core.stale {
        try clearBuiltin(w)
        try load(tables, into: w)
        try BuiltinChanges.recordAndReapply(w)
      }
      for (ext, check) in layers where check.stale { try ext.loadBuiltin?(w, dir) }
      for check in checks where check.stale || check.touched {
        if let print = check.print { try w.setMeta(check.meta + "_hash", print) }
        try w.setMeta(check.meta + "_stat", check.quick)
      }
    }
    return checks.contains { $0.stale }
  }

  static func clearBuiltin(_ w: GraphWriter) throws {
    try w.execute("DELETE FROM edge WHERE layer = 'builtin'")
    try w.execute("DELETE FROM fact WHERE layer = 'builtin'")
    try w.execute("DELETE FROM alias WHERE layer = 'builtin'")
    try w.execute("DELETE FROM search WHERE node_id IN (SELECT id FROM node WHERE layer = 'builtin')")
    try w.execute(
      "DELETE FROM node_label WHERE node_id IN (SELECT id FROM node WHERE layer = 'builtin')")
  }

  static func load(_ tables: [TSV], into w: GraphWriter) throws {
    let (sources, entities, facts, edges) = (tables[0], tables[1], tables[2], tables[3])
    for row in sources.rows {
      try w.upsertSource(
        Source(
          key: row["id"], kind: row.optional("kind"), title: row.optional("title"),
          publisher: row.optional("publisher"), url: row.optional("url"),
          published: row.optional("published"),
          reliability: row.optional("reliability"), note: row.optional("note")), layer: .builtin)
    }
    var keys = Set<String>()
    for row in entities.rows {
      let key = row["key"]
      keys.insert(key)
      let labels = row["labels"].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      let id = try w.upsertNode(
        key: key, name: row["name"], labels: labels, description: row.optional("description"),
        props: Value.properties(fromPairs: row["props"]), layer: .builtin)
      for alias in row["aliases"].split(separator: "|") { try w.addAlias(id, String(alias), layer: .builtin) }
    }
    try w.execute(
      "DELETE FROM node WHERE layer = 'builtin' AND key NOT IN (SELECT value FROM json_each(?))"
        + " AND id NOT IN (SELECT src FROM edge UNION SELECT dst FROM edge UNION SELECT node_id FROM fact)",
      [JSON.encode(.list(keys.sorted().map { .string($0) }))])
    func node(_ row: TSV.Row, _ column: String) throws -> Int64 {
      guard let id = try w.nodeID(key: row[column]) else {
        throw KgshError(.notFound, "\(row.location): unknown entity key '\(row[column])' in column \(column)")
      }
      return id
    }
    for row in facts.rows {
      try w.addFact(
        FactDraft(
          key: row.optional("id"), nodeID: try node(row, "subject"), predicate: row["predicate"],
          valueType: row["type"], value: row["value"], unit: row.optional("unit"),
          currency: row.optional("currency"),
          qualifier: row.optional("qualifier"), note: row.optional("note"),
          provenance: Provenance(
            source: row.optional("source"), quote: row.optional("quote"), asOf: row.optional("as_of"),
            status: row.optional("status"), ref: row.optional("ref"))), layer: .builtin)
    }
    for row in edges.rows {
      let props = Value.properties(fromPairs: row["props"])
      try w.addEdge(
        try node(row, "src"), row["type"], try node(row, "dst"), props: props, key: row.optional("id"),
        provenance: Provenance(
          source: row.optional("source"), quote: row.optional("quote"), asOf: row.optional("as_of"),
          status: row.optional("status"), ref: row.optional("ref")), layer: .builtin)
    }
  }
}

/// A tab-separated file with a header line; `#` lines are comments.
public struct TSV {
  public struct Row {
    let fields: [String: String]
    /// `FILE:LINE` for error messages.
    public let location: String
    public subscript(_ column: String) -> String { fields[column] ?? "" }
    public func optional(_ column: String) -> String? {
      let v = self[column]
      return v.isEmpty ? nil : v
    }
  }
  public var header: [String]
  public var rows: [Row]

  /// Reads a TSV file (UTF-8, optional BOM, LF or CRLF).
  public static func read(_ path: String) throws -> TSV {
    try parse(TextFile.read(path), name: (path as NSString).lastPathComponent)
  }

  public static func parse(_ text: String, name: String) throws -> TSV {
    var header: [String] = []
    var rows: [Row] = []
    var text = text
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    for (n, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var line = Substring(rawLine)
      if line.hasSuffix("\r") { line = line.dropLast() }
      if line.isEmpty || line.hasPrefix("#") { continue }
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if header.isEmpty {
        header = cells
        continue
      }
      guard cells.count <= header.count else {
        throw KgshError(
          .invalidValue, "\(name):\(n + 1): \(cells.count) fields, but the header has \(header.count)")
      }
      var fields: [String: String] = [:]
      for (i, cell) in cells.enumerated() { fields[header[i]] = cell }
      rows.append(Row(fields: fields, location: "\(name):\(n + 1)"))
    }
    return TSV(header: header, rows: rows)
  }
}
