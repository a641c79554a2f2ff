import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The graph index saved beside its knowledge base (`kb.sqlite-graphindex`), so that a new
/// process reads the arrays back in bulk (one `pread` per array, no per-element decoding)
/// instead of rebuilding them from SQLite.
///
/// The file starts with a header (magic, format version, counts, a checksum) and the
/// content stamp of the knowledge base it was built from (see `GraphIndexStamp`); the
/// arrays follow, each padded to 8 bytes. A file whose stamp, size or checksum does not
/// match is ignored and the index is rebuilt, so a stale, copied or damaged file can cost
/// time but never give a wrong answer.
enum GraphIndexFile {
  /// "KGSHGIX1" read as a little-endian word.
  static let magic: UInt64 = 0x3158_4947_4853_474B
  static let version: UInt64 = 1
  /// Header words: magic, version, stamp bytes, nodes, edges, labels, types, node-label
  /// pairs, name bytes, checksum.
  static let headerWords = 10

  /// Where the index of the knowledge base at `databasePath` is saved.
  static func path(for databasePath: String) -> String { databasePath + "-graphindex" }

  /// The index saved at `path` when it was built from a knowledge base with this `stamp`;
  /// nil when there is no such file or it is stale, truncated or damaged.
  static func read(path: String, stamp: String) -> GraphIndex.Parts? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var reader = Reader(fd: fd)
    return reader.parts(stamp: stamp)
  }

  /// Saves `index` at `path` (written to a temporary file, then renamed over, so a reader
  /// never sees half a file). Failures are ignored: the file is only a cache.
  static func write(_ index: GraphIndex, stamp: String, path: String) {
    let temporary = path + ".tmp-\(getpid())"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return }
    var writer = Writer(fd: fd)
    writer.write(index, stamp: stamp)
    let ok = writer.ok && close(fd) == 0
    if ok, rename(temporary, path) == 0 { return }
    unlink(temporary)
  }
}

/// Per-array checksum: a sum and a multiplied xor of the 8-byte words (both vectorise),
/// folded into a running value with the array's length.
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
}

extension GraphIndexFile {
  /// Writes the header and the arrays; `ok` turns false at the first failed write.
  struct Writer {
    let fd: Int32
    var offset = 0
    var ok = true
    var checksum = GraphIndexChecksum()

    init(fd: Int32) { self.fd = fd }

    mutating func write(_ g: GraphIndex, stamp: String) {
      let names = g.labelNames + g.typeNames
      let nameBytes = Array(names.joined().utf8)
      let nameLengths = names.map { Int32($0.utf8.count) }
      let (labelStart, labelList) = csr(g.nodeLabels)
      let (memberStart, memberList) = csr(g.labelMembers)
      let stampBytes = Array(stamp.utf8)
      offset = GraphIndexFile.headerWords * 8
      put(stampBytes, checked: false)
      put(g.nodeIDs)
      put(g.edgeIDs)
      put(g.edgeSrc)
      put(g.edgeDst)
      put(g.edgeType)
      put(g.typeCounts)
      for rows in [g.outRows, g.inRows] {
        put(rows.start)
        put(rows.edges)
        put(rows.keys)
      }
      put(labelStart)
      put(labelList)
      put(memberStart)
      put(memberList)
      put(nameLengths)
      put(nameBytes)
      if ftruncate(fd, off_t(offset)) != 0 { ok = false }
      let header: [UInt64] = [
        GraphIndexFile.magic, GraphIndexFile.version, UInt64(stampBytes.count), UInt64(g.nodeCount),
        UInt64(g.edgeCount), UInt64(g.labelNames.count), UInt64(g.typeNames.count),
        UInt64(labelList.count), UInt64(nameBytes.count), checksum.value,
      ]
      offset = 0
      put(header, checked: false)
    }

    /// Flattens lists into (start offsets, items): list i is `items[start[i]..<start[i + 1]]`.
    private func csr(_ lists: [[Int32]]) -> ([Int32], [Int32]) {
      var start: [Int32] = [0]
      start.reserveCapacity(lists.count + 1)
      var items: [Int32] = []
      for list in lists {
        items.append(contentsOf: list)
        start.append(Int32(items.count))
      }
      return (start, items)
    }

    private mutating func put<T: BitwiseCopyable>(_ array: [T], checked: Bool = true) {
      array.withUnsafeBytes { raw in
        if checked { checksum.add(raw) }
        var done = 0
        while ok, done < raw.count {
          let n = pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
          if n <= 0 { ok = false }
          done += max(n, 0)
        }
      }
      offset += (array.count * MemoryLayout<T>.stride + 7) & ~7
    }
  }
}
