#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small reads of file metadata at open, straight from the system: `FileManager`'s
/// attributes also look up the owner's user and group names, and `FileHandle` sets up
/// more than a 100-byte read needs; both showed in every start-up profile.
enum FileProbe {
  /// The size of the file at `path` in bytes, nil when it cannot be stat'ed.
  static func size(_ path: String) -> UInt64? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return UInt64(info.st_size)
  }

  /// Up to `count` bytes from the start of the file, nil when it cannot be opened.
  static func prefix(_ path: String, count: Int) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, count - filled) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      filled += n
    }
    return Array(bytes[..<filled])
  }
}
