import Dispatch
import Foundation
import KnowledgeGraph
import Synchronization

/// Stopping a running command: Ctrl-C and statement timeouts set `interruptFlag`, which
/// long loops check and every connection's progress handler turns into SQLITE_INTERRUPT
/// (`InterruptCheck`); a timeout also calls sqlite3_interrupt. The command ends with
/// "interrupted" or "timed out" and the session goes on.
public enum Interruption {
  /// The store whose running statement an interrupt stops (the current session's).
  static let store = Mutex<KnowledgeStore?>(nil)

  /// Makes `store` the one that `interrupt()` stops.
  public static func watch(_ store: KnowledgeStore) { self.store.withLock { $0 = store } }

  /// Stops the running command. Safe from any thread, but not from a signal handler.
  public static func interrupt() {
    interruptFlag.store(true, ordering: .relaxed)
    store.withLock { $0 }?.interrupt()
  }

  /// Parses a timeout setting: a duration (`5s`, `500ms`, `2m`, `1h`, plain seconds; see
  /// `Durations`) of at most a day, or `off` (as is any zero: `0`, `0s`).
  /// - Returns: seconds, or nil for `off`.
  /// - Throws: `KgshError` for anything else.
  public static func parseTimeout(_ text: String) throws -> Double? {
    let t = Trim.spaces(text.lowercased())
    if t == "off" { return nil }
    if let seconds = Durations.seconds(t), seconds <= 86_400 { return seconds > 0 ? seconds : nil }
    throw KgshError(
      .invalidValue, "timeout must be a duration like 5s, 500ms or 2m (at most a day), or off, not '\(text)'")
  }

  /// Runs `body`, interrupting it after `seconds`: then it fails with "timed out after ..."
  /// and `hint` (how to raise the limit where the caller sets it). The shell's `timeout`
  /// setting and `kgsh mcp --timeout` both go through here.
  public static func limit<T>(_ seconds: Double, hint: String, _ body: () throws -> T) throws -> T {
    let watchdog = Watchdog(seconds: seconds)
    do {
      let result = try body()
      _ = watchdog.finish()
      return result
    } catch {
      guard watchdog.finish() else { throw error }
      throw KgshError(.timedOut, "timed out after \(format(seconds))", hint: hint)
    }
  }

  /// Formats seconds the way `set timeout` takes them.
  public static func format(_ seconds: Double) -> String {
    if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
    if seconds == seconds.rounded() { return "\(Int(seconds))s" }
    return "\(seconds)s"
  }
}

/// A timer that interrupts the running statement when it fires; `finish()` disarms it and
/// tells whether it fired. Used by `Shell.run` for the `timeout` setting.
final class Watchdog: Sendable {
  private struct State {
    var finished = false
    var fired = false
  }
  private let state = Mutex(State())

  init(seconds: Double) {
    DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
      state.withLock { s in
        guard !s.finished else { return }
        s.fired = true
        Interruption.interrupt()
      }
    }
  }

  /// Disarms the timer. Returns true when it fired; then the interrupt flag is cleared so
  /// the next statement runs.
  func finish() -> Bool {
    state.withLock { s in
      s.finished = true
      if s.fired { interruptFlag.store(false, ordering: .relaxed) }
      return s.fired
    }
  }
}
