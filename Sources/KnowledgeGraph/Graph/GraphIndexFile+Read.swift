import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension GraphIndexFile {
  /// Reads a saved index back: the header is checked first (magic, version, stamp, exact
  /// file size), then each array is read in one `pread` and the checksum compared.
  struct Reader {
    let fd: Int32
    var offset = 0
    var ok = true
    var checksum = GraphIndexChecksum()

    init(fd: Int32) { self.fd = fd }

    mutating func parts(stamp: String) -> GraphIndex.Parts? {
      let header = take(UInt64.self, GraphIndexFile.headerWords, checked: false)
      guard ok, header[0] == GraphIndexFile.magic, header[1] == GraphIndexFile.version else { return nil }
      let stampBytes = Array(stamp.utf8)
      // Counts beyond Int32 are garbage (dense ids are Int32): refuse before any arithmetic.
      guard header[2...8].allSatisfy({ $0 < UInt64(Int32.max) }), Int(header[2]) == stampBytes.count else {
        return nil
      }
      let n = Int(header[3]), e = Int(header[4]), labels = Int(header[5]), types = Int(header[6])
      let pairs = Int(header[7]), nameBytes = Int(header[8])
      guard take(UInt8.self, stampBytes.count, checked: false) == stampBytes, ok else { return nil }
      guard fileSize() == expectedSize(n, e, labels, types, pairs, nameBytes, stamp: stampBytes.count) else {
        return nil
      }
      let nodeIDs = take(Int64.self, n), edgeIDs = take(Int64.self, e)
      let src = take(Int32.self, e), dst = take(Int32.self, e), type = take(Int32.self, e)
      let typeCounts = take(Int.self, types)
      let outRows = rows(n, e), inRows = rows(n, e)
      let labelStart = take(Int32.self, n + 1), labelList = take(Int32.self, pairs)
      let memberStart = take(Int32.self, labels + 1), memberList = take(Int32.self, pairs)
      let nameLengths = take(Int32.self, labels + types), nameData = take(UInt8.self, nameBytes)
      guard ok, checksum.value == header[9] else { return nil }
      let names = Self.names(nameLengths, nameData)
      return GraphIndex.Parts(
        nodeIDs: nodeIDs, labelNames: Array(names[..<labels]),
        nodeLabels: Self.nodeLabels(labelStart, labelList, labels: labels),
        labelMembers: (0..<labels).map { Array(memberList[Int(memberStart[$0])..<Int(memberStart[$0 + 1])]) },
        edgeIDs: edgeIDs, edgeSrc: src, edgeDst: dst, edgeType: type, typeNames: Array(names[labels...]),
        typeCounts: typeCounts, outRows: outRows, inRows: inRows)
    }

    private mutating func rows(_ n: Int, _ e: Int) -> EdgeRows {
      EdgeRows(start: take(Int32.self, n + 1), edges: take(Int32.self, e), keys: take(UInt64.self, e))
    }

    private func fileSize() -> Int {
      var info = stat()
      return fstat(fd, &info) == 0 ? Int(info.st_size) : -1
    }

    private func expectedSize(
      _ n: Int, _ e: Int, _ labels: Int, _ types: Int, _ pairs: Int, _ nameBytes: Int, stamp: Int
    ) -> Int {
      func padded(_ bytes: Int) -> Int { (bytes + 7) & ~7 }
      let edgeArrays = 8 * e * 3 + padded(4 * e) * 5
      let nodeArrays = 8 * n + padded(4 * (n + 1)) * 3
      return GraphIndexFile.headerWords * 8 + padded(stamp) + edgeArrays + nodeArrays + 8 * types
        + padded(4 * pairs) * 2 + padded(4 * (labels + 1)) + padded(4 * (labels + types)) + padded(nameBytes)
    }

    /// Reads `count` values in one call (nothing is decoded: the bytes are the values).
    private mutating func take<T: BitwiseCopyable>(_: T.Type, _ count: Int, checked: Bool = true) -> [T] {
      let bytes = count * MemoryLayout<T>.stride
      let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        let raw = UnsafeMutableRawBufferPointer(buffer)
        Self.prepare(raw)
        var done = 0
        while ok, done < bytes {
          let got = pread(fd, raw.baseAddress! + done, bytes - done, off_t(offset + done))
          if got <= 0 { ok = false }
          done += max(got, 0)
        }
        if !ok { raw.initializeMemory(as: UInt8.self, repeating: 0) }
        if checked { checksum.add(UnsafeRawBufferPointer(raw)) }
        initialized = count
      }
      offset += (bytes + 7) & ~7
      return values
    }

    /// Prepares a big array's memory before it is filled: 2 MB pages where the kernel allows
    /// them, and every page mapped in one call (`MADV_POPULATE_WRITE`) rather than one page
    /// fault per 4 KB while `pread` copies (the faults, not the copy, were most of the time).
    private static func prepare(_ raw: UnsafeMutableRawBufferPointer) {
      #if os(Linux)
        let page = 4096, huge = 2 << 20
        guard raw.count >= 16 * page, let base = raw.baseAddress else { return }
        let address = Int(bitPattern: base)
        let first = (address + huge - 1) & ~(huge - 1), last = (address + raw.count) & ~(huge - 1)
        if last > first, let start = UnsafeMutableRawPointer(bitPattern: first) {
          _ = madvise(start, last - first, MADV_HUGEPAGE)
        }
        let from = (address + page - 1) & ~(page - 1), to = (address + raw.count) & ~(page - 1)
        if to > from, let start = UnsafeMutableRawPointer(bitPattern: from) {
          _ = madvise(start, to - from, 23)  // MADV_POPULATE_WRITE (Linux 5.14); ignored if older
        }
      #endif
    }

    private static func names(_ lengths: [Int32], _ data: [UInt8]) -> [String] {
      var names: [String] = []
      var at = 0
      for length in lengths {
        let end = min(data.count, at + max(0, Int(length)))
        names.append(String(decoding: data[at..<end], as: UTF8.self))
        at = end
      }
      return names
    }

    /// Each node's labels; the common one-label lists share one array per label, so a
    /// million nodes do not cost a million allocations.
    private static func nodeLabels(_ start: [Int32], _ list: [Int32], labels: Int) -> [[Int32]] {
      let single = (0..<labels).map { [Int32($0)] }
      let none: [Int32] = []
      return (0..<start.count - 1).map { node in
        let lo = Int(start[node]), hi = Int(start[node + 1])
        if hi == lo { return none }
        if hi == lo + 1, Int(list[lo]) < labels, list[lo] >= 0 { return single[Int(list[lo])] }
        return Array(list[lo..<hi])
      }
    }
  }
}
