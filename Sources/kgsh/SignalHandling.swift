import Foundation
import ShellCore

/// The write end of the pipe the SIGINT handler writes to (a signal handler may only call
/// async-signal-safe functions, so the SQLite interrupt is made by a watcher thread).
nonisolated(unsafe) private var interruptPipeWrite: Int32 = -1

/// Ctrl-C while a command runs sets the shell's interrupt flag (long loops check it) and
/// interrupts the running SQL statement through `Interruption`, so the command stops with
/// "interrupted" and the session goes on. The line editor installs its own handler while
/// it reads. A closed stdout pipe (SIGPIPE) is ignored: the output sink ends quietly.
enum SignalHandling {
  static func installCommandInterrupt() {
    signal(SIGPIPE, SIG_IGN)
    // Past a file-size limit (ulimit -f) a write fails with "disk full" instead of killing kgsh.
    signal(SIGXFSZ, SIG_IGN)
    var fds: [Int32] = [-1, -1]
    if pipe(&fds) == 0 {
      interruptPipeWrite = fds[1]
      let readEnd = fds[0]
      startThread(named: "kgsh-interrupt") {
        var byte: UInt8 = 0
        while true {
          let n = read(readEnd, &byte, 1)
          if n < 0 && errno == EINTR { continue }
          if n <= 0 { return }
          Interruption.interrupt()
        }
      }
    }
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in
      interruptFlag.store(true, ordering: .relaxed)
      var byte: UInt8 = 1
      _ = write(interruptPipeWrite, &byte, 1)
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }

  /// Starts a thread with SIGINT blocked in it (threads inherit the mask), so that Ctrl-C is
  /// always delivered to the main thread: there it must interrupt the line editor's read().
  static func startThread(named name: String, _ body: @escaping @Sendable () -> Void) {
    var blocked = sigset_t()
    var previous = sigset_t()
    sigemptyset(&blocked)
    sigaddset(&blocked, SIGINT)
    pthread_sigmask(SIG_BLOCK, &blocked, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    let thread = Thread(block: body)
    thread.name = name
    thread.start()
  }
}
