#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A record that a knowledge base file passed `PRAGMA quick_check`, so the next open can skip
/// the check (a read of the whole file) while the file is provably unchanged.
///
/// The stamp holds the device, inode, size, modification and status-change times of the file
/// and of its `-wal`. Any write changes the status-change time (`ctime`), which no program can
/// set back, so a file damaged after its clean check no longer matches and is checked again.
/// A stamp is only written when both times lie clearly before the check started: the kernel
/// stamps files with a coarse clock, so a write in the same tick as the check could otherwise
/// leave the times unchanged. Stamps live in a directory of their own (the state directory),
/// one small file per knowledge base, named by device and inode; the knowledge base file
/// itself is never written.
///
/// ```swift
/// let stamp = IntegrityStamp(directory: state + "/checked", path: "kb.sqlite")
/// if stamp?.isCurrent != true { /* quick_check, then */ stamp?.record(checkStartedAt: t) }
/// ```
struct IntegrityStamp {
  /// What `stat` says about one file; absent or empty files are all alike.
  struct FileState: Equatable {
    var size: Int64 = 0
    var modified: timespec = timespec()
    var changed: timespec = timespec()

    static func == (a: FileState, b: FileState) -> Bool {
      a.size == b.size && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }

    /// The later of the two times, in nanoseconds since the epoch.
    var latest: Int64 {
      max(Self.nanoseconds(modified), Self.nanoseconds(changed))
    }

    /// Whether the file system keeps whole seconds only (then the safety margin is longer).
    var wholeSeconds: Bool { modified.tv_nsec == 0 && changed.tv_nsec == 0 }

    static func nanoseconds(_ t: timespec) -> Int64 { Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec) }
  }

  let file: String
  let database: FileState
  let wal: FileState

  /// The stamp of the file at `path` as it is now, kept under `directory`; nil when the file
  /// cannot be stat'ed.
  init?(directory: String, path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    file = directory + "/\(info.st_dev)-\(info.st_ino)"
    database = Self.state(info)
    var walInfo = stat()
    if stat(path + "-wal", &walInfo) == 0, walInfo.st_size > 0 {
      wal = Self.state(walInfo)
    } else {
      wal = FileState()
    }
  }

  static func state(_ info: stat) -> FileState {
    FileState(size: Int64(info.st_size), modified: info.st_mtim, changed: info.st_ctim)
  }

  /// The stamp's text: one line of numbers.
  var text: String {
    [database, wal].map { s in
      "\(s.size) \(s.modified.tv_sec).\(s.modified.tv_nsec) \(s.changed.tv_sec).\(s.changed.tv_nsec)"
    }.joinedText(" ") + "\n"
  }

  /// Whether a clean check recorded exactly this state of the file and its write-ahead log.
  var isCurrent: Bool {
    guard let saved = FileProbe.prefix(file, count: 256), saved.count < 256 else { return false }
    return String(decoding: saved, as: UTF8.self) == text
  }

  /// The current time in nanoseconds since the epoch (when a check starts).
  static func now() -> Int64 {
    var t = timespec()
    clock_gettime(CLOCK_REALTIME, &t)
    return FileState.nanoseconds(t)
  }

  /// Records a clean check that started at `started` (nanoseconds since the epoch), unless
  /// the file or its log changed too close to that moment for the times to be trusted.
  /// Failures are ignored: without a stamp the next open simply checks again.
  func record(checkStartedAt started: Int64) {
    let coarse = database.wholeSeconds && (wal.size == 0 || wal.wholeSeconds)
    let margin: Int64 = coarse ? 2_000_000_000 : 50_000_000
    guard database.latest < started - margin, wal.size == 0 || wal.latest < started - margin else { return }
    let directory = String(file[..<file.lastIndex(of: "/")!])
    guard Self.makeDirectory(directory) else { return }
    let temporary = file + ".\(getpid()).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
    close(fd)
    if written != bytes.count || rename(temporary, file) != 0 { unlink(temporary) }
  }

  /// Creates `path` and its missing parents; true when it exists afterwards.
  static func makeDirectory(_ path: String) -> Bool {
    var info = stat()
    if stat(path, &info) == 0 { return true }
    if let slash = path.lastIndex(of: "/"), slash > path.startIndex {
      _ = makeDirectory(String(path[..<slash]))
    }
    return mkdir(path, 0o755) == 0 || errno == EEXIST
  }
}
