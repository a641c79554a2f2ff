import Foundation

/// Plain words for the errors Foundation throws (a file operation that failed), so that the
/// one-line error never shows `Error Domain=NSCocoaErrorDomain Code=516 ...`.
enum SystemErrorText {
  /// "/tmp/out.csv: file exists" for a Foundation error; nil for any other error.
  static func of(_ error: any Error) -> String? {
    switch error {
    case let e as CocoaError:
      let posix =
        (e.underlying as? POSIXError)?.code.rawValue ?? (e.underlying as NSError?).flatMap(posixCode)
      return phrase(path: e.filePath, posix: posix, fallback: cocoaReason(e.code))
    case let e as POSIXError:
      return phrase(path: nil, posix: e.code.rawValue, fallback: "a system call failed")
    default:
      return nil
    }
  }

  private static func posixCode(_ e: NSError) -> Int32? {
    e.domain == NSPOSIXErrorDomain ? Int32(truncatingIfNeeded: e.code) : nil
  }

  private static func phrase(path: String?, posix: Int32?, fallback: String) -> String {
    let reason = posix.map { String(cString: strerror($0)).lowercased() } ?? fallback
    return path.map { "\($0): \(reason)" } ?? reason
  }

  private static func cocoaReason(_ code: CocoaError.Code) -> String {
    switch code {
    case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
    case .fileWriteFileExists: return "a file of that name is in the way"
    case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
    case .fileWriteOutOfSpace: return "the disk is full"
    case .fileWriteVolumeReadOnly: return "the disk is read-only"
    case .fileReadCorruptFile: return "the file is damaged"
    case .fileReadInapplicableStringEncoding: return "the text is not in the expected encoding"
    default: return "the file operation failed"
    }
  }
}
