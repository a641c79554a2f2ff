import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// libedit's history list, loaded from and saved to one file.
///
/// Consecutive duplicates are kept once. The file is rewritten after every entry so that
/// nothing is lost if the shell crashes. Entries may span several lines: libedit escapes
/// the newlines in the file, so a multi-line entry stays one entry.
final class HistoryStore {
  /// The libedit history handle, for `EL_HIST`.
  let handle: OpaquePointer
  /// Where the history is kept; nil keeps it in memory only.
  let path: String?
  /// True when `path` held something libedit could not read: it is then never written,
  /// so that a file in another format is not replaced by this session's few entries.
  private(set) var isUnreadable = false

  /// The number of entries kept.
  static let defaultSize: Int32 = 1000

  init(path: String?, size: Int32 = HistoryStore.defaultSize) {
    guard let handle = history_init() else {
      fatalError("libedit: history_init failed (out of memory)")
    }
    self.handle = handle
    self.path = path
    _ = kgsh_history_set_size(handle, size)
    _ = kgsh_history_set_unique(handle, 1)
    if let path {
      createParentDirectory(of: path)
      var info = stat()
      if stat(path, &info) == 0 && info.st_size > 0 && kgsh_history_load(handle, path) < 0 {
        isUnreadable = true
      }
    }
  }

  deinit {
    history_end(handle)
  }

  /// Adds `entry` (ignored when blank) and saves the file.
  func add(_ entry: String) {
    guard entry.contains(where: { !$0.isWhitespace }) else { return }
    _ = kgsh_history_enter(handle, entry)
    save()
  }

  /// Writes the whole history to `path` (libedit makes the file readable by its owner only).
  func save() {
    guard let path, !isUnreadable else { return }
    _ = kgsh_history_save(handle, path)
  }

  /// All entries, oldest first.
  var entries: [String] {
    var result: [String] = []
    var entry = kgsh_history_oldest(handle)
    while let text = entry {
      result.append(String(decoding: UnsafeRawBufferPointer(start: text, count: strlen(text)), as: UTF8.self))
      entry = kgsh_history_newer(handle)
    }
    return result
  }
}

/// `mkdir -p` for the directory holding `path`; failures are left for the save to meet.
func createParentDirectory(of path: String) {
  var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
  guard components.count > 1 else { return }
  components.removeLast()
  var current = ""
  for (index, component) in components.enumerated() {
    current += (index == 0 ? "" : "/") + component
    if current.isEmpty || component.isEmpty { continue }
    _ = mkdir(current, 0o700)
  }
}
