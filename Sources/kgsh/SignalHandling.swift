import Foundation
import ShellCore

/// Ctrl-C while a command runs sets the shell's interrupt flag; long loops check it and
/// stop with "interrupted". The line editor installs its own handler while it reads.
enum SignalHandling {
  static func installCommandInterrupt() {
    signal(SIGPIPE, SIG_IGN)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in interruptFlag.store(true, ordering: .relaxed) }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }
}
