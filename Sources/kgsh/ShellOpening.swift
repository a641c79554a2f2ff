import Foundation
import ShellCore

/// The shell of an interactive run, made on a second thread while the line editor starts
/// and draws the first prompt. Opening the knowledge base is most of kgsh's start-up
/// (reading its schema, checking it, running the plugins' set-up), and nobody types within
/// those milliseconds: the REPL waits for it before the first key is read (`wait()`).
///
/// Whatever the opening reports meanwhile (a team's start-up pull) is kept in `lines`
/// and shown above the prompt once it is done; a failure is reported by the REPL and ends
/// the run with status 1, as an open that fails before the prompt would.
final class ShellOpening: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var result: Result<Shell, any Error>?
  private var collecting = true
  private var collected: [String] = []

  /// A shell that is already made (the init file ran, so nothing was left to do later).
  init(ready shell: Shell) {
    result = .success(shell)
    collecting = false
    done.signal()
  }

  /// Starts `make` on a thread of its own, with SIGINT blocked there so that Ctrl-C still
  /// reaches the main thread's line editor. `make` reports through `report(_:)`.
  init(_ make: @escaping (ShellOpening) throws -> Shell) {
    // The shell is made there and handed over once, through the semaphore.
    let work = UncheckedBox(make)
    SignalHandling.startThread(named: "kgsh-open") { [self] in
      let outcome = Result { try work.value(self) }
      lock.withLock { result = outcome }
      done.signal()
    }
  }

  /// A line to show the user (stderr): kept while the prompt may be drawn, printed once
  /// the REPL has taken the kept ones with `wait()`.
  func report(_ line: String) {
    let printNow = lock.withLock {
      if collecting { collected.append(line) }
      return !collecting
    }
    if printNow { Launch.printLine(line) }
  }

  /// Waits for the shell; returns it with the lines reported meanwhile (once: later
  /// reports are printed as they come).
  func wait() -> (shell: Result<Shell, any Error>, lines: [String]) {
    done.wait()
    done.signal()  // later waits return at once
    return lock.withLock {
      collecting = false
      defer { collected = [] }
      return (result!, collected)
    }
  }
}

/// A value handed to another thread by a caller that guarantees only one thread uses it at a time.
private struct UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
