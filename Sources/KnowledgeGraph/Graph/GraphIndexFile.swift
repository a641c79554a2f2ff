import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The graph index saved beside its knowledge base (`kb.sqlite-graphindex`), so that a new
/// process maps it (read-only, shared) and reads its columns in place instead of rebuilding
/// them from SQLite: opening costs a header check, not a read of the file.
///
/// Layout (little-endian 8-byte words): a header (magic, format version, counts, the first
/// node and edge ids, flags, the number of sections, a checksum of the header, the stamp and
/// the section table, a checksum of the sections' bytes, and the folded names' counts); the
/// content stamp of the knowledge base it was built from (see `GraphIndexStamp`); the section table (offset and
/// byte count of each column); then the columns, each at an 8-byte boundary.
///
/// A file whose magic, version, stamp, header checksum, section table or size does not match
/// is ignored and the index is rebuilt, so a stale, copied, truncated or overwritten file can
/// cost time but never give a wrong answer. The sections' own checksum is verified at open
/// only for small files (`fullCheckBytes`): for a big one that would be a read of the whole
/// file. A damaged byte inside a big column is therefore not noticed, but every value read
/// from a column is range-checked (`IndexColumn`, `KeyColumn`, `EdgeRows.range`), so it
/// cannot make kgsh crash or read outside the mapping.
enum GraphIndexFile {
  /// "KGSHGIX2" read as a little-endian word.
  static let magic: UInt64 = 0x3258_4947_4853_474B
  /// 3: the folded names for prefix searches (`NamePrefixes`) were added.
  static let version: UInt64 = 3
  /// Files up to this size have their sections' checksum verified when opened.
  nonisolated(unsafe) static var fullCheckBytes = 4 << 20

  /// Header words.
  enum Word: Int, CaseIterable {
    case magic, version, stampBytes, nodes, edges, labels, types, pairs, nameBytes
    case firstNodeID, firstEdgeID, flags, sections, headerChecksum, dataChecksum
    case prefixEntries, prefixBytes
  }
  static var headerWords: Int { Word.allCases.count }

  /// The columns, in file order.
  enum Section: Int, CaseIterable {
    case nodeIDs, edgeIDs, edgeSrc, edgeDst, edgeType, typeCounts
    case outStart, outEdges, outKeys, inStart, inEdges, inKeys
    case labelStart, labelList, memberStart, memberList, nameLengths, nameBytes
    case prefixStart, prefixBytes, prefixNodes
  }

  /// Flags: the node (edge) ids are stored, not contiguous from the first id.
  static let explicitNodeIDs: UInt64 = 1
  static let explicitEdgeIDs: UInt64 = 2
  /// Flag: the folded names are all the alias table's (`NamePrefixes.complete`).
  static let completeNames: UInt64 = 4

  /// Where the index of the knowledge base at `databasePath` is saved.
  static func path(for databasePath: String) -> String { databasePath + "-graphindex" }

  /// The index saved at `path` when it was built from a knowledge base with this `stamp`;
  /// nil when there is no such file or it is stale, truncated or damaged.
  static func read(path: String, stamp: String) -> GraphIndex.Parts? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }  // the mapping stays valid after the descriptor is closed
    return Mapper(fd: fd).parts(stamp: stamp)
  }

  /// Saves `index` at `path` (written to a temporary file, then renamed over, so a reader
  /// never sees half a file and a mapping of the old file stays intact). Failures are
  /// ignored: the file is only a cache.
  static func write(_ index: GraphIndex, stamp: String, path: String) {
    if let temporary = writeTemporary(index, stamp: stamp, path: path) { install(temporary, at: path) }
  }

  /// Writes `index` to a new temporary file beside `path` and answers its path; nil when it
  /// could not be written (nothing is left behind). `install` puts it in place.
  static func writeTemporary(_ index: GraphIndex, stamp: String, path: String) -> String? {
    let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return nil }
    var writer = Writer(fd: fd)
    writer.write(index, stamp: stamp)
    let closed = close(fd) == 0
    if writer.ok && closed { return temporary }
    unlink(temporary)
    return nil
  }

  /// Renames a file from `writeTemporary` over `path`; removes it when that fails.
  static func install(_ temporary: String, at path: String) {
    if rename(temporary, path) != 0 { unlink(temporary) }
  }

  static func padded(_ bytes: Int) -> Int { (bytes + 7) & ~7 }
}

/// A checksum of byte ranges: a sum and a multiplied xor of the 8-byte words (both
/// vectorise), folded into a running value with each range's length.
struct GraphIndexChecksum {
  private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

  mutating func add(_ raw: UnsafeRawBufferPointer) {
    let words = raw.count / 8
    var sum: UInt64 = 0, mixed: UInt64 = 0
    for i in 0..<words {
      let word = raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
      sum &+= word
      mixed ^= word &* 0x0000_0100_0000_01B3
    }
    for i in words * 8..<raw.count { sum &+= UInt64(raw[i]) << UInt64((i % 8) * 8) }
    value = (value ^ sum) &* 0x0000_0100_0000_01B3
    value = (value ^ mixed ^ UInt64(raw.count)) &* 0xFF51_AFD7_ED55_8CCD
  }

  mutating func add<T: BitwiseCopyable>(_ values: [T]) { values.withUnsafeBytes { add($0) } }
}

extension GraphIndexFile {
  /// Writes the header, the stamp, the section table and the columns; `ok` turns false at
  /// the first failed write.
  struct Writer {
    let fd: Int32
    var ok = true

    init(fd: Int32) { self.fd = fd }

    mutating func write(_ g: GraphIndex, stamp: String) {
      let names = g.labelNames + g.typeNames
      let nameBytes = Array(names.joinedText().utf8)
      let stampBytes = Array(stamp.utf8)
      func bytes<T: BitwiseCopyable>(_ values: [T]) -> [UInt8] { values.withUnsafeBytes { Array($0) } }
      // Columns are written straight from their memory; only the small arrays are copied.
      let nodeIDs = g.nodeIDs.explicit, edgeIDs = g.edgeIDs.explicit
      let parts: [Source] = [
        nodeIDs.map(Source.int64) ?? .none, edgeIDs.map(Source.int64) ?? .none,
        .int32(g.edgeSrc.column), .int32(g.edgeDst.column), .int32(g.edgeType.column),
        .bytes(bytes(g.typeCounts.map { Int64($0) })),
        .int32(g.outRows.start), .int32(g.outRows.edges.column), .uint64(g.outRows.keys.column),
        .int32(g.inRows.start), .int32(g.inRows.edges.column), .uint64(g.inRows.keys.column),
        .int32(g.nodeLabels.start), .int32(g.nodeLabels.items.column),
        .int32(g.labelMembers.start), .int32(g.labelMembers.items.column),
        .bytes(bytes(names.map { Int32($0.utf8.count) })), .bytes(nameBytes),
        .int32(g.namePrefixes.start), .uint8(g.namePrefixes.bytes), .int32(g.namePrefixes.nodes),
      ]
      let tableOffset = GraphIndexFile.headerWords * 8 + GraphIndexFile.padded(stampBytes.count)
      var offset = tableOffset + parts.count * 16
      var table: [UInt64] = []
      var data = GraphIndexChecksum()
      for part in parts {
        let written = part.withBytes { raw -> Int in
          data.add(raw)
          put(raw, at: offset)
          return raw.count
        }
        table += [UInt64(offset), UInt64(written)]
        offset += GraphIndexFile.padded(written)
      }
      if ftruncate(fd, off_t(offset)) != 0 { ok = false }
      var header = [UInt64](repeating: 0, count: GraphIndexFile.headerWords)
      func set(_ w: Word, _ v: UInt64) { header[w.rawValue] = v }
      set(.magic, GraphIndexFile.magic)
      set(.version, GraphIndexFile.version)
      set(.stampBytes, UInt64(stampBytes.count))
      set(.nodes, UInt64(g.nodeCount))
      set(.edges, UInt64(g.edgeCount))
      set(.labels, UInt64(g.labelNames.count))
      set(.types, UInt64(g.typeNames.count))
      set(.pairs, UInt64(g.nodeLabels.items.count))
      set(.nameBytes, UInt64(nameBytes.count))
      set(.prefixEntries, UInt64(g.namePrefixes.count))
      set(.prefixBytes, UInt64(g.namePrefixes.bytes.count))
      set(.firstNodeID, UInt64(bitPattern: g.nodeIDs.first))
      set(.firstEdgeID, UInt64(bitPattern: g.edgeIDs.first))
      set(
        .flags,
        (nodeIDs == nil ? 0 : GraphIndexFile.explicitNodeIDs)
          | (edgeIDs == nil ? 0 : GraphIndexFile.explicitEdgeIDs)
          | (g.namePrefixes.complete ? GraphIndexFile.completeNames : 0))
      set(.sections, UInt64(parts.count))
      set(.dataChecksum, data.value)
      set(.headerChecksum, GraphIndexFile.headerChecksum(header, stampBytes, table))
      header.withUnsafeBytes { put($0, at: 0) }
      stampBytes.withUnsafeBytes { put($0, at: GraphIndexFile.headerWords * 8) }
      table.withUnsafeBytes { put($0, at: tableOffset) }
    }

    private mutating func put(_ raw: UnsafeRawBufferPointer, at offset: Int) {
      var done = 0
      while ok, done < raw.count {
        let n = pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
        if n <= 0 { ok = false }
        done += max(n, 0)
      }
    }
  }

  /// One section's bytes, from a column or a small array.
  enum Source {
    case none
    case bytes([UInt8])
    case uint8(Column<UInt8>)
    case int32(Column<Int32>)
    case uint64(Column<UInt64>)
    case int64(Column<Int64>)

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
      switch self {
      case .none: return body(UnsafeRawBufferPointer(start: nil, count: 0))
      case .bytes(let b): return b.withUnsafeBytes(body)
      case .uint8(let c): return c.withBytes(body)
      case .int32(let c): return c.withBytes(body)
      case .uint64(let c): return c.withBytes(body)
      case .int64(let c): return c.withBytes(body)
      }
    }
  }

  /// The checksum of the header (with its checksum word zero), the stamp and the table.
  static func headerChecksum(_ header: [UInt64], _ stamp: [UInt8], _ table: [UInt64]) -> UInt64 {
    var h = header
    h[Word.headerChecksum.rawValue] = 0
    var sum = GraphIndexChecksum()
    sum.add(h)
    sum.add(stamp)
    sum.add(table)
    return sum.value
  }
}
