@testable import KnowledgeGraph

extension GraphIndex {
  /// An index of `n` nodes and the given typed edges (store ids 1, 2, ...), without a store.
  static func testGraph(_ n: Int, types: [String], _ edges: [(Int32, Int32, Int32)]) -> GraphIndex {
    let src = edges.map(\.0), type = edges.map(\.1), dst = edges.map(\.2)
    let rows = { (from: [Int32], to: [Int32]) in
      from.withUnsafeBufferPointer { f in
        to.withUnsafeBufferPointer { t in
          type.withUnsafeBufferPointer { EdgeRows(nodes: n, types: types.count, from: f, to: t, type: $0) }
        }
      }
    }
    return GraphIndex(
      GraphIndex.Parts(
        nodeIDs: StoreIDs(sorted: (0..<Int64(n)).map { $0 + 1 }), labelNames: [],
        nodeLabels: IndexLists([[Int32]](repeating: [], count: n), limit: 0), labelMembers: IndexLists([], limit: n),
        edgeIDs: StoreIDs(sorted: (0..<Int64(edges.count)).map { $0 + 1 }),
        edgeSrc: IndexColumn(Column(src), limit: n), edgeDst: IndexColumn(Column(dst), limit: n),
        edgeType: IndexColumn(Column(type), limit: types.count), typeNames: types,
        typeCounts: types.indices.map { t in type.filter { $0 == Int32(t) }.count },
        outRows: rows(src, dst), inRows: rows(dst, src)))
  }
}
