import Foundation
import GRDB

extension KnowledgeStore {
  /// Runs `body` in one transaction: either everything it wrote is committed, or nothing.
  ///
  /// ```swift
  /// try store.write { w in
  ///   let a = try w.upsertNode(key: "a", name: "A", labels: ["Company"])
  /// }
  /// ```
  /// - Throws: `KgshError` when the store is read-only or SQLite refuses the write;
  ///   the transaction is rolled back first.
  @discardableResult
  public func write<T>(_ body: (GraphWriter) throws -> T) throws -> T {
    guard !isReadOnly else { throw KgshError.readOnly("a write") }
    try checkWriteGuard()
    defer { localWrites += 1 }
    do {
      var recorded: [ChangeRecord] = []
      let result = try inWriteTransaction { db in
        let writer = GraphWriter(db: db, store: self)
        let (result, changesIndex) = try GraphIndexStamp.watching(db) { try body(writer) }
        recorded = writer.recorded
        // A write that leaves what the graph index is built from alone keeps its saved file valid.
        if changesIndex { try GraphIndexStamp.bump(db) }
        return result
      }
      if !recorded.isEmpty { sessionChanges.append(recorded) }
      return result
    } catch let error as KgshError {
      edgeTypeIDs = [:]
      edgeTypeNames = [:]
      throw error
    } catch {
      edgeTypeIDs = [:]
      edgeTypeNames = [:]
      throw KnowledgeStore.failure(error, hint: KnowledgeStore.hint(for: error) ?? "nothing was changed")
    }
  }
}

/// The write side of the store, valid inside one `KnowledgeStore.write` transaction.
public final class GraphWriter {
  let db: Database
  unowned let store: KnowledgeStore
  /// The change records appended in this transaction.
  var recorded: [ChangeRecord] = []
  /// The last change record appended in this transaction, if any.
  public var lastRecord: ChangeRecord? { recorded.last }

  init(db: Database, store: KnowledgeStore) {
    self.db = db
    self.store = store
  }

  /// Inserts a node, or updates the node with the same key; returns its id.
  @discardableResult
  public func upsertNode(
    key: String, name: String, labels: [String], description: String? = nil,
    props: [String: Value] = [:], layer: Layer = .user
  ) throws -> Int64 {
    let propsText = props.isEmpty ? nil : JSON.encode(.map(props))
    let id: Int64
    if let existing = try Int64.fetchOne(
      db.cachedStatement(sql: "SELECT id FROM node WHERE key = ?"), arguments: [key])
    {
      id = existing
      try db.execute(
        sql: "UPDATE node SET name = ?, description = ?, props = ?, layer = ? WHERE id = ?",
        arguments: [name, description, propsText, layer.rawValue, id])
      try db.execute(sql: "DELETE FROM search WHERE node_id = ? AND kind = 'name'", arguments: [id])
    } else {
      try db.cachedStatement(
        sql: "INSERT INTO node(key, name, description, props, layer) VALUES (?, ?, ?, ?, ?)"
      )
      .execute(arguments: [key, name, description, propsText, layer.rawValue])
      id = db.lastInsertedRowID
    }
    for label in labels { try addLabel(id, label) }
    try addAlias(id, name, layer: layer)
    try addAlias(id, key, layer: layer)
    return id
  }

  /// Adds a node without the checks of `upsertNode` (bulk import: the key must be new).
  @discardableResult
  public func insertNode(
    key: String, name: String, labels: [String], props: [String: Value] = [:], indexName: Bool = true
  )
    throws -> Int64
  {
    let propsText = props.isEmpty ? nil : JSON.encode(.map(props))
    try db.execute(
      sql: "INSERT INTO node(key, name, props, layer) VALUES (?, ?, ?, 'user')",
      arguments: [key, name, propsText])
    let id = db.lastInsertedRowID
    for label in labels { try addLabel(id, label) }
    if indexName { try addAlias(id, name, layer: .user) }
    return id
  }

  /// Gives a node one more label.
  public func addLabel(_ nodeID: Int64, _ label: String) throws {
    try db.cachedStatement(sql: "INSERT OR IGNORE INTO node_label(label, node_id) VALUES (?, ?)")
      .execute(arguments: [label, nodeID])
  }

  /// Adds a name a user may type for the node; lookup folds case, width and script.
  public func addAlias(_ nodeID: Int64, _ alias: String, layer: Layer = .user) throws {
    let trimmed = alias.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return }
    let norm = Names.normalize(trimmed)
    try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO alias(norm, node_id, alias, layer) VALUES (?, ?, ?, ?)"
    )
    .execute(arguments: [norm, nodeID, trimmed, layer.rawValue])
    if db.changesCount > 0 {
      try db.cachedStatement(sql: "INSERT INTO search(text, node_id, kind) VALUES (?, ?, 'name')")
        .execute(arguments: ["\(trimmed) \(norm)", nodeID])
    }
  }

  /// Sets (or, with `.null`, removes) one plain property of a node.
  public func setProperty(_ nodeID: Int64, _ name: String, _ value: Value) throws {
    let current = try String.fetchOne(db, sql: "SELECT props FROM node WHERE id = ?", arguments: [nodeID])
    var props: [String: Value] = [:]
    if let current, case .map(let m) = try JSON.decode(current) { props = m }
    props[name] = value.isNull ? nil : value
    try db.execute(
      sql: "UPDATE node SET props = ? WHERE id = ?",
      arguments: [props.isEmpty ? nil : JSON.encode(.map(props)), nodeID])
  }

  /// The id of an edge type, created on first use.
  public func edgeType(_ name: String) throws -> Int64 {
    if let id = store.edgeTypeIDs[name] { return id }
    if let id = try Int64.fetchOne(db, sql: "SELECT id FROM edge_type WHERE name = ?", arguments: [name]) {
      store.edgeTypeIDs[name] = id
      return id
    }
    try db.execute(sql: "INSERT INTO edge_type(name) VALUES (?)", arguments: [name])
    let id = db.lastInsertedRowID
    store.edgeTypeIDs[name] = id
    store.edgeTypeNames[id] = name
    return id
  }

  /// Adds a directed edge `src -[type]-> dst` and returns its id.
  @discardableResult
  public func addEdge(
    _ src: Int64, _ type: String, _ dst: Int64, props: [String: Value] = [:], key: String? = nil,
    provenance: Provenance = Provenance(), layer: Layer = .user
  ) throws -> Int64 {
    let typeID = try edgeType(type)
    let sourceID: Int64? = try provenance.source.map { try self.sourceID($0) }
    try db.execute(
      sql: """
        INSERT INTO edge(src, type, dst, props, key, source_id, quote, as_of, status, ref, layer)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        src, typeID, dst, props.isEmpty ? nil : JSON.encode(.map(props)), key, sourceID, provenance.quote,
        provenance.asOf, provenance.status, provenance.ref, layer.rawValue,
      ])
    return db.lastInsertedRowID
  }

  /// Adds a bare edge by type id (bulk import).
  public func insertEdge(_ src: Int64, _ typeID: Int64, _ dst: Int64) throws {
    try db.execute(sql: "INSERT INTO edge(src, type, dst) VALUES (?, ?, ?)", arguments: [src, typeID, dst])
  }

  /// Records a fact about a node with its provenance and returns its id.
  @discardableResult
  public func addFact(_ draft: FactDraft, layer: Layer = .user) throws -> Int64 {
    let sourceID: Int64? = try draft.provenance.source.map { try self.sourceID($0) }
    let num = FactValue.number(type: draft.valueType, raw: draft.value)
    try db.execute(
      sql: """
        INSERT INTO fact(key, node_id, predicate, value_type, value, num, unit, currency, qualifier, as_of,
                         source_id, quote, status, ref, note, layer)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        draft.key, draft.nodeID, draft.predicate, draft.valueType, draft.value, num, draft.unit,
        draft.currency,
        draft.qualifier, draft.provenance.asOf, sourceID, draft.provenance.quote, draft.provenance.status,
        draft.provenance.ref, draft.note, layer.rawValue,
      ])
    let id = db.lastInsertedRowID
    if let quote = draft.provenance.quote, !quote.isEmpty {
      try db.execute(
        sql: "INSERT INTO search(text, node_id, kind) VALUES (?, ?, 'quote')",
        arguments: [quote, draft.nodeID])
    }
    return id
  }

  /// Inserts or updates a source by key and returns its id.
  @discardableResult
  public func upsertSource(_ source: Source, layer: Layer = .user) throws -> Int64 {
    try db.execute(
      sql: """
        INSERT INTO source(key, kind, title, publisher, url, published, reliability, note, layer)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(key) DO UPDATE SET kind = excluded.kind, title = excluded.title, publisher = excluded.publisher,
          url = excluded.url, published = excluded.published, reliability = excluded.reliability,
          note = excluded.note, layer = excluded.layer
        """,
      arguments: [
        source.key, source.kind, source.title, source.publisher, source.url, source.published,
        source.reliability,
        source.note, layer.rawValue,
      ])
    return try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE key = ?", arguments: [source.key])!
  }

  /// The id of a source key; an unknown key is created as a bare source so nothing is lost.
  func sourceID(_ key: String) throws -> Int64 {
    if let id = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE key = ?", arguments: [key]) {
      return id
    }
    return try upsertSource(Source(key: key), layer: .user)
  }

  /// The id of the node with this key, if any.
  public func nodeID(key: String) throws -> Int64? {
    try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM node WHERE key = ?"), arguments: [key])
  }

  /// The keys of the entities a name or alias finds (folded as lookups fold it), at most four.
  public func keys(named name: String) throws -> [String] {
    try String.fetchAll(
      db.cachedStatement(
        sql:
          "SELECT DISTINCT n.key FROM alias a JOIN node n ON n.id = a.node_id WHERE a.norm = ? ORDER BY n.key LIMIT 4"
      ),
      arguments: [Names.normalize(name)])
  }

  /// Stores a value in the meta table.
  public func setMeta(_ key: String, _ value: String) throws {
    try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
  }

  /// Runs raw SQL inside the transaction (for the store's own loaders and migrations of data).
  package func execute(_ sql: String, _ arguments: StatementArguments = StatementArguments()) throws {
    try db.execute(sql: sql, arguments: arguments)
  }

  package var database: Database { db }
}

/// A fact before it is stored.
public struct FactDraft: Sendable {
  public var key: String?
  public var nodeID: Int64
  public var predicate: String
  public var valueType: String
  public var value: String
  public var unit: String?
  public var currency: String?
  public var qualifier: String?
  public var note: String?
  public var provenance: Provenance

  public init(
    key: String? = nil, nodeID: Int64, predicate: String, valueType: String, value: String,
    unit: String? = nil,
    currency: String? = nil, qualifier: String? = nil, note: String? = nil,
    provenance: Provenance = Provenance()
  ) {
    self.key = key
    self.nodeID = nodeID
    self.predicate = predicate
    self.valueType = valueType
    self.value = value
    self.unit = unit
    self.currency = currency
    self.qualifier = qualifier
    self.note = note
    self.provenance = provenance
  }
}
