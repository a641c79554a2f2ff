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
        errno == ENOENT ? .notFound : .io, "cannot read \(what) \(path): \(String(cString: strerror(errno)))",
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
    return String(decoding: data, as: UTF8.self)
  }
}
