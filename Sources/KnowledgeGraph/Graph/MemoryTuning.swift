#if canImport(Glibc)
  import Glibc
#endif

/// How the C allocator treats freed memory in kgsh's programs. By default glibc gives a freed
/// block of more than 128 KB back to the system (unmapped, or trimmed off the heap's top), so
/// the next query's scratch memory of the same size (a traversal's bitmap of reached nodes, a
/// result buffer) is faulted in and zeroed by the kernel again, page by page: a warm 1-hop
/// count on a million nodes took 0.45 ms instead of 0.11. Keeping freed memory in the heap lets
/// queries reuse it; the peak stays what the largest query needed.
public enum MemoryTuning {
  /// Call once, first thing in `main`.
  public static func keepFreedMemory() {
    #if canImport(Glibc)
      // glibc's mallopt (malloc.h, which Swift's Glibc module does not import).
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      let mmapThreshold: Int32 = -3, trimThreshold: Int32 = -1  // M_MMAP_THRESHOLD, M_TRIM_THRESHOLD
      _ = mallopt(mmapThreshold, 32 << 20)
      _ = mallopt(trimThreshold, 256 << 20)
    #endif
  }
}
