import Foundation
import Synchronization

/// Standard output of a run that no person watches as it goes (a script, `-c`, input from a
/// pipe, output into a pipe or a file): collected in memory and written in large pieces, as
/// C's stdio and sqlite3 do when standard output is not a terminal. An answer then costs no
/// system call and wakes no reader; a script of 10,000 commands makes a few writes, not
/// 10,000.
///
/// The collected bytes are written (`flush`):
/// - when they pass `limit`;
/// - before anything goes to standard error (`FileDescriptorSink` on descriptor 2,
///   `error(_:)`), so output and errors sent to one place (`2>&1`) keep their order;
/// - before the shell waits for more input (`PlainLineReader.beforeWaiting`), so a program
///   that drives kgsh through pipes gets each answer before it sends the next line;
/// - when the process exits (`exit` runs the handler `collect` installs);
/// - at most `latency` after they were collected, once a run goes on to a second statement
///   while output waits (`statementStarts`): a thread then writes what waits every
///   `latency`, so `echo started; LONG QUERY` shows "started" while the query runs. A run of
///   one statement never starts that thread.
///
/// A terminal is never buffered: `collect` is called only for runs whose standard output is
/// not one (`Launch`).
public enum StandardOutput {
  /// The most bytes held before they are written.
  static let limit = 64 * 1024
  /// A piece this big is written as it is, after what waits (copying a 60 KB card into
  /// the buffer would cost more than the write it saves).
  static let direct = 16 * 1024
  /// The longest output waits once a second statement has started, in microseconds.
  static let latency: UInt32 = 100_000

  private struct State {
    var collecting = false
    var flusherStarted = false
    var bytes: [UInt8] = []
  }
  private static let state = Mutex(State())
  /// Held while collected bytes are taken and written, so pieces go out in the order they
  /// were collected, whichever thread writes them.
  private static let writing = Mutex(())

  /// From now on, what the shell writes to descriptor 1 is collected; it is written at the
  /// latest when the process exits.
  public static func collect() {
    let first = state.withLock { state -> Bool in
      defer { state.collecting = true }
      return !state.collecting
    }
    if first { atexit { StandardOutput.flush(exiting: true) } }
  }

  /// Collects `bytes` when collecting (writing all out once past `limit`); false when not,
  /// and the caller writes them itself.
  static func collect(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if bytes.count >= direct {
      guard state.withLock({ $0.collecting }) else { return false }
      flush(exiting: false, then: bytes)
      return true
    }
    let full = state.withLock { state -> Bool? in
      guard state.collecting else { return nil }
      state.bytes.append(contentsOf: bytes)
      return state.bytes.count >= limit
    }
    guard let full else { return false }
    if full { flush() }
    return true
  }

  /// Writes what was collected.
  public static func flush() { flush(exiting: false) }

  /// At the end of a run: writes what was collected, and says why standard output lost
  /// bytes when a write failed (`cannot write standard output: no space left on device`).
  public static func finishRun() -> String? {
    flush()
    return WriteFailures.take(1).map { "cannot write standard output: \($0)" }
  }

  /// A statement is about to run: when output from an earlier one waits, from now on it
  /// waits at most `latency` (the statement may take long).
  public static func statementStarts() {
    let start = state.withLock { state -> Bool in
      guard state.collecting, !state.flusherStarted, !state.bytes.isEmpty else { return false }
      state.flusherStarted = true
      return true
    }
    if start { startFlusher() }
  }

  private static func startFlusher() {
    var thread = pthread_t()
    let started = pthread_create(
      &thread, nil,
      { _ in
        while true {
          usleep(StandardOutput.latency)
          StandardOutput.flush()
        }
      }, nil)
    if started == 0 { pthread_detach(thread) }
  }

  /// A message on standard error, after the output collected so far.
  public static func error(_ text: String) {
    flush()
    var text = text
    text.withUTF8 { _ = FileDescriptorSink.writeAll(2, $0) }
  }

  /// Writes what waits, then `more` (a big piece written as it is), in one turn of the
  /// write lock. A reader that went away (EPIPE) ends the process quietly, as
  /// `FileDescriptorSink` does, once the locks are free (the exit handler flushes too); not from the exit
  /// handler itself, where the process is ending already.
  private static func flush(exiting: Bool, then more: UnsafeBufferPointer<UInt8>? = nil) {
    let delivered = writing.withLock { _ -> Bool in
      let pending = state.withLock { take(&$0) }
      let wrote = pending.isEmpty || pending.withUnsafeBufferPointer { FileDescriptorSink.writeAll(1, $0) }
      return wrote && (more.map { FileDescriptorSink.writeAll(1, $0) } ?? true)
    }
    if !delivered && !exiting { exit(0) }
  }

  private static func take(_ state: inout State) -> [UInt8] {
    if state.bytes.isEmpty { return [] }
    var taken: [UInt8] = []
    swap(&taken, &state.bytes)
    return taken
  }
}
