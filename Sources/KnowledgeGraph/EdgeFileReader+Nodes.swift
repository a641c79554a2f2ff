import Foundation

/// Edge ends placed among the nodes of the same import, on the reader's thread.
extension RawEdges {
  /// Replaces the key codes of the rows by the positions (from 1) of their nodes among the
  /// rows of `nodes`, the file the same import stores first, and sorts the rows by (src,
  /// type, dst). The importer then only maps positions to the ids it gave those nodes, and
  /// the rows are mostly in the `edge_out` order already. Changes nothing and answers false
  /// when an end is not in that file, or the file has a problem (the importer then finds
  /// the end in the knowledge base, or reports the problem, as without this step).
  mutating func placeEnds(amongNodesOf nodes: CSVReader, isCancelled: () -> Bool) -> Bool {
    guard failure == nil, !rows.isEmpty, let positions = Self.nodePositions(nodes, isCancelled) else {
      return false
    }
    var otherPositions = [Int64](repeating: 0, count: keys.count)
    for (k, key) in keys.enumerated() {
      guard let position = positions[key] else { return false }
      otherPositions[k] = position
    }
    var placed = rows
    for i in placed.indices {
      let src = placed[i].src, dst = placed[i].dst
      guard let s = src >= 0 ? positions.id(slot: Int(src)) : otherPositions[Int(-1 - src)],
        let d = dst >= 0 ? positions.id(slot: Int(dst)) : otherPositions[Int(-1 - dst)]
      else { return false }
      placed[i].src = s
      placed[i].dst = d
    }
    if isCancelled() { return false }
    placed.sort { a, b in
      if a.src != b.src { return a.src < b.src }
      if a.type != b.type { return a.type < b.type }
      if a.dst != b.dst { return a.dst < b.dst }
      return a.props < b.props
    }
    rows = placed
    endsAreNodePositions = true
    return true
  }

  /// The position (from 1) of each node key of a nodes file; nil when the file has no id
  /// column, a row of the wrong length, an empty or a repeated id.
  static func nodePositions(_ nodes: CSVReader, _ isCancelled: () -> Bool) -> ImportKeyMap? {
    var header: [String] = []
    var idColumn = 0
    var positions = ImportKeyMap()
    var count: Int64 = 0
    struct Unusable: Error {}
    do {
      try nodes.forEachRecord { fields, _, _ in
        if header.isEmpty {
          header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
          guard let id = GraphImporter.column(header, GraphImporter.idColumns) else { throw Unusable() }
          idColumn = id
          return
        }
        let key = fields.count == header.count ? fields[idColumn] : ""
        guard !key.isEmpty, positions[key] == nil else { throw Unusable() }
        count += 1
        positions[key] = count
        if count % 8192 == 0, isCancelled() { throw Unusable() }
      }
    } catch {
      return nil
    }
    return positions
  }
}
