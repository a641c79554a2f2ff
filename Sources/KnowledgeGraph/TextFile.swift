import Foundation

/// Reads a script or data file the user named, refusing what is not a regular file
/// (a directory, `/dev/zero`, a FIFO) or is too large to be a script, so `source X` or
/// `kgsh X` can neither hang nor exhaust memory.
public enum TextFile {
  /// The largest file read whole: 256 MB.
  public static let maxBytes = 256 << 20

  /// The file's text (invalid UTF-8 is replaced, never fatal).
  /// - Throws: `KnowledgeError` naming the file and what is wrong with it.
  public static func read(_ path: String, what: String = "file") throws -> String {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw KnowledgeError(
        "cannot read \(what) \(path): \(String(cString: strerror(errno)))", hint: "check the path")
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw KnowledgeError("\(path) is not a regular file", hint: "pass a \(what) path")
    }
    guard Int(info.st_size) <= maxBytes else {
      throw KnowledgeError("\(path) is too large (\(info.st_size) bytes, at most \(maxBytes))")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw KnowledgeError("cannot read \(what) \(path)", hint: "check its permissions")
    }
    defer { try? handle.close() }
    do {
      let data = try handle.readToEnd() ?? Data()
      return String(decoding: data, as: UTF8.self)
    } catch {
      throw KnowledgeError(
        "cannot read \(what) \(path): \(error.localizedDescription)", hint: "check the file")
    }
  }
}
