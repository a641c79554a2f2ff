import Foundation
import Synchronization

/// Writes that failed for a reason other than a reader going away (a full disk, an I/O
/// error), by descriptor: the bytes are gone, and the shell says so once, failing the
/// statement (`Shell.execute`) or the run (`StandardOutput.finishRun`), rather than losing
/// output without a word.
public enum WriteFailures {
  private static let reasons = Mutex<[Int32: String]>([:])

  /// Notes the first failure on `fd` since it was last taken.
  static func note(_ fd: Int32, _ code: Int32) {
    let reason = String(cString: strerror(code)).lowercased()
    reasons.withLock { if $0[fd] == nil { $0[fd] = reason } }
  }

  /// Why a write to `fd` failed since the last call, once.
  public static func take(_ fd: Int32) -> String? {
    reasons.withLock { $0.removeValue(forKey: fd) }
  }
}
