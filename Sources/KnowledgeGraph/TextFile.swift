import Foundation

/// Reads a script or data file the user named, refusing a directory and anything too large
/// to be a script: `/dev/zero`, an endless pipe or a huge file cannot hang kgsh or exhaust
/// its memory. Devices and pipes (`/dev/null`, `/dev/stdin`) are read up to a smaller limit.
public enum TextFile {
  /// The largest regular file read whole: 256 MB.
  public static let maxBytes = 256 << 20
  /// The most read from a device or pipe: 16 MB.
  public static let maxStreamBytes = 16 << 20

  /// The file's text (invalid UTF-8 is replaced, never fatal).
  /// - Throws: `KgshError` naming the file and what is wrong with it.
  public static func read(_ path: String, what: String = "file") throws -> String {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw KgshError(
        errno == ENOENT ? .notFound : .io,
        "cannot read \(what) \(path): \(String(cString: strerror(errno)).lowercased())",
        hint: "check the path")
    }
    let type = info.st_mode & S_IFMT
    guard type != S_IFDIR else {
      throw KgshError(.io, "\(path) is a directory", hint: "pass a \(what) path")
    }
    let limit = type == S_IFREG ? maxBytes : maxStreamBytes
    guard Int(info.st_size) <= limit else {
      throw KgshError(.io, "\(path) is too large (\(info.st_size) bytes, at most \(limit))")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw KgshError(.io, "cannot read \(what) \(path)", hint: "check its permissions")
    }
    defer { try? handle.close() }
    var data = Data()
    do {
      while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        data += chunk
        if data.count > limit {
          throw KgshError(.io, "\(path) is too large (more than \(limit) bytes)", hint: "pass a \(what) path")
        }
      }
    } catch let error as KgshError {
      throw error
    } catch {
      throw KgshError(
        .io, "cannot read \(what) \(path): \(error.localizedDescription)", hint: "check the file")
    }
    if let text = String(validating: data, as: UTF8.self) { return text }
    throw notUTF8(path, bytes: data)
  }

  /// The one wording of a file that is not UTF-8: a UTF-16 file by its byte order mark, else
  /// the line of the first byte that is not UTF-8 (a GBK or Latin-1 file), so nothing is read
  /// with replacement characters in it.
  public static func notUTF8<Bytes: Collection<UInt8>>(_ path: String, bytes: Bytes, lineOffset: Int = 0)
    -> KgshError
  {
    let start = Array(bytes.prefix(2))
    if lineOffset == 0, start == [0xFF, 0xFE] || start == [0xFE, 0xFF] {
      return KgshError(
        .invalidValue, "\(path) is UTF-16 text, and kgsh reads UTF-8",
        hint: "save it as UTF-8 (Excel: CSV UTF-8); nothing was read")
    }
    return KgshError(
      .invalidValue, "\(path):\(firstLineNotUTF8(bytes) + lineOffset): the text is not UTF-8",
      hint: "save the file as UTF-8 (it may be GBK or Latin-1); nothing was read")
  }

  /// The 1-based line of the first byte that is not UTF-8 (the last line when all are).
  public static func firstLineNotUTF8<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int {
    var line = 1
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): if scalar.first == UInt8(ascii: "\n") { line += 1 }
      case .error, .emptyInput: return line
      }
    }
  }
}

extension TextFile {
  /// Writes `data` to the file the user named (`~` expanded), whole or not at all (a
  /// temporary file renamed over it). The one place commands write such files.
  /// - Throws: `KgshError` naming the file and why: no such folder, a directory, no permission.
  public static func write(_ data: Data, to path: String, command: String) throws {
    try checkWritable(path, command: command)
    let expanded = (path as NSString).expandingTildeInPath
    let folder = (expanded as NSString).deletingLastPathComponent
    do {
      try data.write(to: URL(fileURLWithPath: expanded), options: .atomic)
    } catch {
      let reason = access(folder.isEmpty ? "." : folder, W_OK) == 0 ? "the write failed" : "permission denied"
      throw KgshError(
        .io, "\(command): cannot write \(path): \(reason)",
        hint: "check that the folder is writable and not full")
    }
  }

  /// `write` of text, as UTF-8.
  public static func write(_ text: String, to path: String, command: String) throws {
    try write(Data(text.utf8), to: path, command: command)
  }
}

extension TextFile {
  /// Refuses, before anything is written, a file path that names a folder or lies in a folder
  /// that is not there, in the words `write` uses; `command` prefixes the message.
  public static func checkWritable(_ path: String, command: String, example: String = "out") throws {
    let expanded = (path as NSString).expandingTildeInPath
    var isFolder: ObjCBool = false
    let problem: (String, String)?
    if let missing = folderProblem(expanded) {
      problem = missing
    } else if FileManager.default.fileExists(atPath: expanded, isDirectory: &isFolder), isFolder.boolValue {
      problem = (
        "it is a folder", "name a file in it, e.g. \((path as NSString).appendingPathComponent(example))"
      )
    } else {
      problem = nil
    }
    if let (what, hint) = problem {
      throw KgshError(.io, "\(command): cannot write \(path): \(what)", hint: hint)
    }
  }

  /// Makes the folder the user named (`~` expanded, with its parents) and returns its path.
  /// - Throws: `KgshError` when a file stands in its place or the folder cannot be made.
  public static func makeFolder(_ path: String, command: String) throws -> String {
    let expanded = (path as NSString).expandingTildeInPath
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: expanded, isDirectory: &isFolder) {
      guard isFolder.boolValue else {
        throw KgshError(
          .io, "\(command): cannot write into \(path): it is a file, not a folder",
          hint: "name a folder, new or existing")
      }
      return expanded
    }
    do {
      try FileManager.default.createDirectory(atPath: expanded, withIntermediateDirectories: true)
    } catch {
      throw KgshError(
        .io, "\(command): cannot create the folder \(path): \(KgshError.describe(error))",
        hint: "check that its parent is a writable folder")
    }
    return expanded
  }

  /// Why a new file cannot be made at `path` (what is wrong, what to do), judging by its
  /// folder: there is none, or a file stands in its place. Nil when the folder is there.
  public static func folderProblem(_ path: String) -> (String, String)? {
    let folder = (path as NSString).deletingLastPathComponent
    var isFolder: ObjCBool = false
    if folder.isEmpty { return nil }
    if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
      return ("there is no folder \(folder)", "create it first, or write somewhere else")
    }
    return isFolder.boolValue ? nil : ("\(folder) is not a folder", "write somewhere else")
  }
}
