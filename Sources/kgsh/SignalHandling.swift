import Foundation
import KnowledgeGraph
import ShellCore

/// Ctrl-C while a command runs sets the shell's interrupt flag: long loops check it, and
/// each SQLite connection's progress handler (`InterruptCheck`) stops the running statement
/// when it is set, so the command stops with "interrupted" and the session goes on. The
/// handler does nothing else (a signal handler may only call async-signal-safe functions),
/// and no thread waits for signals. The line editor installs its own handler while it
/// reads. A closed stdout pipe (SIGPIPE) is ignored: the output sink ends quietly.
enum SignalHandling {
  static func installCommandInterrupt() {
    signal(SIGPIPE, SIG_IGN)
    // Past a file-size limit (ulimit -f) a write fails with "disk full" instead of killing kgsh.
    signal(SIGXFSZ, SIG_IGN)
    // The flag is made here, not on the first signal: a handler must not run a global's
    // lazy initializer.
    interruptFlag.store(false, ordering: .relaxed)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in interruptFlag.store(true, ordering: .relaxed) }
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
