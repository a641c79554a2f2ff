import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension GraphIndexFile {
  /// Opens a saved index by mapping it: the header, stamp and section table are read and
  /// checked (magic, version, counts, stamp, header checksum, every section's size and place
  /// against the file's size), then the columns are views into the mapping. The columns'
  /// bytes are not read here (except for small files, whose data checksum is verified).
  ///
  /// What is checked or decoded at open (the ends of the offset columns, the type counts,
  /// the names) is read with `pread`, not through the mapping: a first touch of a mapped page
  /// is a page fault that maps the pages around it too, and the ends of the columns are pages
  /// a query rarely needs. On the L benchmark file this took the open from ~16 page faults to
  /// the one system call per value.
  struct Mapper {
    let fd: Int32

    func parts(stamp: String) -> GraphIndex.Parts? {
      let size = fileSize()
      let stampBytes = Array(stamp.utf8)
      guard size >= GraphIndexFile.headerWords * 8,
        let header = read(UInt64.self, GraphIndexFile.headerWords, at: 0)
      else { return nil }
      func word(_ w: Word) -> UInt64 { header[w.rawValue] }
      guard word(.magic) == GraphIndexFile.magic, word(.version) == GraphIndexFile.version,
        word(.sections) == UInt64(Section.allCases.count), word(.stampBytes) == UInt64(stampBytes.count),
        // Counts beyond Int32 are garbage (dense ids are Int32): refuse before any arithmetic.
        [Word.nodes, .edges, .labels, .types, .pairs, .nameBytes, .prefixEntries, .prefixBytes].allSatisfy({
          word($0) < UInt64(Int32.max)
        })
      else { return nil }
      let tableOffset = GraphIndexFile.headerWords * 8 + GraphIndexFile.padded(stampBytes.count)
      guard let storedStamp = read(UInt8.self, stampBytes.count, at: GraphIndexFile.headerWords * 8),
        storedStamp == stampBytes,
        let table = read(UInt64.self, Section.allCases.count * 2, at: tableOffset),
        GraphIndexFile.headerChecksum(header, stampBytes, table) == word(.headerChecksum)
      else { return nil }
      let counts = Counts(header: header)
      guard let places = places(table, counts, from: tableOffset + table.count * 8, size: size),
        let storage = ColumnStorage.map(fd: fd, size: size)
      else { return nil }
      if size <= GraphIndexFile.fullCheckBytes {
        var sum = GraphIndexChecksum()
        for (offset, bytes) in places {
          sum.add(UnsafeRawBufferPointer(start: storage.base! + offset, count: bytes))
        }
        guard sum.value == word(.dataChecksum) else { return nil }
      }
      guard let small = smallParts(places, counts) else { return nil }
      return Self.assemble(storage, places, counts, header, small)
    }

    /// What `assemble` needs besides the views: the type counts and the names, decoded, after
    /// the ends of the offset columns were checked (node n's rows end where the edges end;
    /// the label lists end at the pair count).
    struct SmallParts {
      let typeCounts: [Int]
      let labelNames: [String]
      let typeNames: [String]
    }

    private func smallParts(_ places: [(Int, Int)], _ c: Counts) -> SmallParts? {
      func ends(_ s: Section, count: Int, last: Int) -> Bool {
        let offset = places[s.rawValue].0
        return read(Int32.self, 1, at: offset) == [0]
          && read(Int32.self, 1, at: offset + 4 * count) == [Int32(last)]
      }
      func values<T: BitwiseCopyable>(_ s: Section, _: T.Type) -> [T]? {
        read(T.self, places[s.rawValue].1 / MemoryLayout<T>.stride, at: places[s.rawValue].0)
      }
      guard ends(.outStart, count: c.n, last: c.e), ends(.inStart, count: c.n, last: c.e),
        ends(.labelStart, count: c.n, last: c.pairs), ends(.memberStart, count: c.labels, last: c.pairs),
        ends(.prefixStart, count: c.prefixEntries, last: c.prefixBytes),
        let counts = values(.typeCounts, Int64.self), counts.allSatisfy({ $0 >= 0 }),
        counts.reduce(0, &+) == Int64(c.e),
        let lengths = values(.nameLengths, Int32.self), let bytes = values(.nameBytes, UInt8.self),
        let names = Self.names(lengths, bytes), names.count == c.labels + c.types
      else { return nil }
      return SmallParts(
        typeCounts: counts.map { Int($0) }, labelNames: Array(names[..<c.labels]),
        typeNames: Array(names[c.labels...]))
    }

    /// The counts of the header, as Ints.
    struct Counts {
      let n: Int, e: Int, labels: Int, types: Int, pairs: Int, nameBytes: Int
      let prefixEntries: Int, prefixBytes: Int
      let explicitNodes: Bool, explicitEdges: Bool, completeNames: Bool

      init(header: [UInt64]) {
        func int(_ w: Word) -> Int { Int(header[w.rawValue]) }
        n = int(.nodes)
        e = int(.edges)
        labels = int(.labels)
        types = int(.types)
        pairs = int(.pairs)
        nameBytes = int(.nameBytes)
        prefixEntries = int(.prefixEntries)
        prefixBytes = int(.prefixBytes)
        explicitNodes = header[Word.flags.rawValue] & GraphIndexFile.explicitNodeIDs != 0
        explicitEdges = header[Word.flags.rawValue] & GraphIndexFile.explicitEdgeIDs != 0
        completeNames = header[Word.flags.rawValue] & GraphIndexFile.completeNames != 0
      }

      /// The byte count each section must have.
      func bytes(_ s: Section) -> Int {
        switch s {
        case .nodeIDs: return explicitNodes ? 8 * n : 0
        case .edgeIDs: return explicitEdges ? 8 * e : 0
        case .edgeSrc, .edgeDst, .edgeType, .outEdges, .inEdges: return 4 * e
        case .typeCounts: return 8 * types
        case .outStart, .inStart, .labelStart: return 4 * (n + 1)
        case .outKeys, .inKeys: return 8 * e
        case .labelList, .memberList: return 4 * pairs
        case .memberStart: return 4 * (labels + 1)
        case .nameLengths: return 4 * (labels + types)
        case .nameBytes: return nameBytes
        case .prefixStart: return 4 * (prefixEntries + 1)
        case .prefixBytes: return prefixBytes
        case .prefixNodes: return 4 * prefixEntries
        }
      }
    }

    /// Each section's (offset, bytes), checked: the sizes the counts imply, in file order,
    /// 8-byte aligned, inside the file, and the last one ending where the file ends.
    private func places(_ table: [UInt64], _ counts: Counts, from start: Int, size: Int) -> [(Int, Int)]? {
      var places: [(Int, Int)] = []
      var end = start
      for s in Section.allCases {
        let offset = table[2 * s.rawValue], bytes = table[2 * s.rawValue + 1]
        guard offset % 8 == 0, offset >= UInt64(end), offset <= UInt64(size),
          bytes == UInt64(counts.bytes(s)),
          Int(offset) + GraphIndexFile.padded(Int(bytes)) <= size
        else { return nil }
        places.append((Int(offset), Int(bytes)))
        end = Int(offset) + GraphIndexFile.padded(Int(bytes))
      }
      return end == size ? places : nil
    }

    /// The index's parts: views into the mapping, and the small parts read at open.
    private static func assemble(
      _ storage: ColumnStorage, _ places: [(Int, Int)], _ c: Counts, _ header: [UInt64], _ small: SmallParts
    ) -> GraphIndex.Parts {
      func column<T: BitwiseCopyable>(_ s: Section, _: T.Type) -> Column<T> {
        Column(
          storage, byteOffset: places[s.rawValue].0, count: places[s.rawValue].1 / MemoryLayout<T>.stride)
      }
      func ids(_ s: Section, first: Word, count: Int, explicit: Bool) -> StoreIDs {
        StoreIDs(
          first: Int64(bitPattern: header[first.rawValue]), count: count,
          explicit: explicit ? column(s, Int64.self) : nil)
      }
      func rows(_ start: Section, _ edges: Section, _ keys: Section) -> EdgeRows {
        EdgeRows(
          start: column(start, Int32.self), edges: IndexColumn(column(edges, Int32.self), limit: c.e),
          keys: KeyColumn(column(keys, UInt64.self), nodes: c.n, types: c.types))
      }
      func lists(_ start: Section, _ items: Section, limit: Int) -> IndexLists {
        IndexLists(
          start: column(start, Int32.self), items: IndexColumn(column(items, Int32.self), limit: limit))
      }
      return GraphIndex.Parts(
        nodeIDs: ids(.nodeIDs, first: .firstNodeID, count: c.n, explicit: c.explicitNodes),
        labelNames: small.labelNames, nodeLabels: lists(.labelStart, .labelList, limit: c.labels),
        labelMembers: lists(.memberStart, .memberList, limit: c.n),
        edgeIDs: ids(.edgeIDs, first: .firstEdgeID, count: c.e, explicit: c.explicitEdges),
        edgeSrc: IndexColumn(column(.edgeSrc, Int32.self), limit: c.n),
        edgeDst: IndexColumn(column(.edgeDst, Int32.self), limit: c.n),
        edgeType: IndexColumn(column(.edgeType, Int32.self), limit: c.types),
        typeNames: small.typeNames, typeCounts: small.typeCounts,
        outRows: rows(.outStart, .outEdges, .outKeys), inRows: rows(.inStart, .inEdges, .inKeys),
        namePrefixes: NamePrefixes(
          start: column(.prefixStart, Int32.self), bytes: column(.prefixBytes, UInt8.self),
          nodes: column(.prefixNodes, Int32.self), nodeLimit: c.n, complete: c.completeNames))
    }

    /// Label and type names; nil when the lengths do not add up to the bytes.
    private static func names(_ lengths: [Int32], _ data: [UInt8]) -> [String]? {
      var names: [String] = []
      names.reserveCapacity(lengths.count)
      var at = 0
      for length in lengths {
        guard length >= 0, at + Int(length) <= data.count else { return nil }
        names.append(String(decoding: data[at..<at + Int(length)], as: UTF8.self))
        at += Int(length)
      }
      return at == data.count ? names : nil
    }

    private func fileSize() -> Int {
      var info = stat()
      return fstat(fd, &info) == 0 ? Int(info.st_size) : -1
    }

    /// `count` values at `offset`, read with `pread`; nil when the file is shorter.
    private func read<T: BitwiseCopyable>(_: T.Type, _ count: Int, at offset: Int) -> [T]? {
      let bytes = count * MemoryLayout<T>.stride
      var ok = true
      let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        let raw = UnsafeMutableRawBufferPointer(buffer)
        var done = 0
        while ok, done < bytes {
          let got = pread(fd, raw.baseAddress! + done, bytes - done, off_t(offset + done))
          if got <= 0 { ok = false }
          done += max(got, 0)
        }
        if !ok { raw.initializeMemory(as: UInt8.self, repeating: 0) }
        initialized = count
      }
      return ok ? values : nil
    }
  }
}
