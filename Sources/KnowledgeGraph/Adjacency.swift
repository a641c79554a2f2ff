import Foundation
import GRDB
import GRDBSQLite

/// An in-memory adjacency index of the whole graph in compressed sparse rows, built from
/// the covering indexes (src, type, dst) and (dst, type, src) in one scan.
///
/// Traversals (neighbourhoods, paths, pattern matching) loop over these arrays instead of
/// running recursive SQL: a breadth-first search touches each node once.
///
/// ```swift
/// let adj = try store.adjacency()
/// for (neighbor, type) in adj.outgoing(adj.index(of: zhipuID)!) { ... }
/// ```
public final class Adjacency: @unchecked Sendable {
  /// Node ids by dense index.
  public let nodeIDs: [Int64]
  /// Edge type names by type id (index 0 unused when ids start at 1).
  public let typeNames: [Int64: String]
  let minID: Int64
  let idToIndex: [Int32]
  let outOffsets: [Int32]
  let outTargets: [Int32]
  let outTypes: [Int32]
  let inOffsets: [Int32]
  let inSources: [Int32]
  let inTypes: [Int32]

  /// Number of nodes.
  public var nodeCount: Int { nodeIDs.count }
  /// Number of edges.
  public var edgeCount: Int { outTargets.count }

  /// The dense index of a node id, or nil when the id is not in the graph.
  @inline(__always)
  public func index(of id: Int64) -> Int32? {
    let slot = id - minID
    guard slot >= 0, slot < Int64(idToIndex.count) else { return nil }
    let i = idToIndex[Int(slot)]
    return i < 0 ? nil : i
  }

  /// The type id for a type name, or nil when no edge has that type.
  public func typeID(_ name: String) -> Int64? {
    typeNames.first { $0.value == name }?.key
  }

  /// Outgoing edges of a node (by dense index) as (target index, type id).
  @inline(__always)
  public func outgoing(_ node: Int32) -> Zip2Sequence<ArraySlice<Int32>, ArraySlice<Int32>> {
    let lo = Int(outOffsets[Int(node)]), hi = Int(outOffsets[Int(node) + 1])
    return zip(outTargets[lo..<hi], outTypes[lo..<hi])
  }

  /// Incoming edges of a node (by dense index) as (source index, type id).
  @inline(__always)
  public func incoming(_ node: Int32) -> Zip2Sequence<ArraySlice<Int32>, ArraySlice<Int32>> {
    let lo = Int(inOffsets[Int(node)]), hi = Int(inOffsets[Int(node) + 1])
    return zip(inSources[lo..<hi], inTypes[lo..<hi])
  }

  /// Out-degree and in-degree of a node.
  public func outDegree(_ node: Int32) -> Int { Int(outOffsets[Int(node) + 1] - outOffsets[Int(node)]) }
  public func inDegree(_ node: Int32) -> Int { Int(inOffsets[Int(node) + 1] - inOffsets[Int(node)]) }

  init(
    nodeIDs: [Int64], typeNames: [Int64: String], minID: Int64, idToIndex: [Int32], outOffsets: [Int32],
    outTargets: [Int32], outTypes: [Int32], inOffsets: [Int32], inSources: [Int32], inTypes: [Int32]
  ) {
    self.nodeIDs = nodeIDs
    self.typeNames = typeNames
    self.minID = minID
    self.idToIndex = idToIndex
    self.outOffsets = outOffsets
    self.outTargets = outTargets
    self.outTypes = outTypes
    self.inOffsets = inOffsets
    self.inSources = inSources
    self.inTypes = inTypes
  }

  /// Builds the index from the database with raw statement stepping (no row objects).
  static func build(_ db: Database) throws -> Adjacency {
    var ids: [Int64] = []
    ids.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM node") ?? 0)
    try step(db, "SELECT id FROM node ORDER BY id") { s in ids.append(sqlite3_column_int64(s, 0)) }
    let minID = ids.first ?? 0
    let span = Int((ids.last ?? -1) - minID + 1)
    var idToIndex = [Int32](repeating: -1, count: max(0, span))
    for (i, id) in ids.enumerated() { idToIndex[Int(id - minID)] = Int32(i) }
    var types: [Int64: String] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT id, name FROM edge_type") { types[row["id"]] = row["name"] }

    let n = ids.count
    let edgeCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM edge") ?? 0
    var outOffsets = [Int32](repeating: 0, count: n + 1)
    var outTargets = [Int32](repeating: 0, count: edgeCount)
    var outTypes = [Int32](repeating: 0, count: edgeCount)
    var inCount = [Int32](repeating: 0, count: n + 1)
    var srcOf = [Int32](repeating: 0, count: edgeCount)
    var k = 0
    try step(db, "SELECT src, type, dst FROM edge INDEXED BY edge_out ORDER BY src, type, dst") { s in
      guard k < edgeCount else { return }
      let src = idToIndex[Int(sqlite3_column_int64(s, 0) - minID)]
      let dst = idToIndex[Int(sqlite3_column_int64(s, 2) - minID)]
      srcOf[k] = src
      outTargets[k] = dst
      outTypes[k] = Int32(sqlite3_column_int64(s, 1))
      outOffsets[Int(src) + 1] += 1
      inCount[Int(dst) + 1] += 1
      k += 1
    }
    for i in 0..<n {
      outOffsets[i + 1] += outOffsets[i]
      inCount[i + 1] += inCount[i]
    }
    let inOffsets = inCount
    var cursor = inCount
    var inSources = [Int32](repeating: 0, count: k)
    var inTypes = [Int32](repeating: 0, count: k)
    for e in 0..<k {
      let d = Int(outTargets[e])
      let slot = Int(cursor[d])
      inSources[slot] = srcOf[e]
      inTypes[slot] = outTypes[e]
      cursor[d] += 1
    }
    return Adjacency(
      nodeIDs: ids, typeNames: types, minID: minID, idToIndex: idToIndex, outOffsets: outOffsets,
      outTargets: outTargets, outTypes: outTypes, inOffsets: inOffsets, inSources: inSources, inTypes: inTypes
    )
  }

  static func step(_ db: Database, _ sql: String, _ body: (OpaquePointer) -> Void) throws {
    try RawStatement(db, sql).forEachRow(body)
  }
}

extension KnowledgeStore {
  /// The adjacency index of the graph, built on first use and cached until the next write.
  public func adjacency() throws -> Adjacency {
    if let cached = adjacencyCache, cached.generation == generation { return cached.index }
    let index = try read { try Adjacency.build($0) }
    adjacencyCache = (generation, index)
    return index
  }
}
