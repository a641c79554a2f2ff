import Foundation
import KnowledgeGraph
import LineEditor
import ShellCore

/// The real terminal, measured on every call (`COLUMNS`/`LINES` win when set), so a window
/// resized between two commands (SIGWINCH) changes the next table.
final class LiveScreen: TerminalScreen {
  var size: (columns: Int, rows: Int)? {
    guard let columns = Terminal.width() else { return nil }
    return (columns, Terminal.height() ?? 24)
  }
}

/// Pages through `$KGSH_PAGER`, else `$PAGER`, else `less -FRX`, run by `/bin/sh` in the
/// shell's process group (so it reads the keyboard, and Ctrl-C reaches it and ends it).
/// With none of them installed it declines and the shell prints the text itself.
final class ExternalPager: Pager {
  /// The environment the pager runs in (copied when first needed, not at start-up).
  lazy var environment: [String: String] = given ?? ProcessInfo.processInfo.environment
  private let given: [String: String]?

  init(environment: [String: String]? = nil) {
    self.given = environment
  }

  /// The command to run, nil when there is none (no pager set and no `less` on the PATH).
  var command: String? {
    for name in ["KGSH_PAGER", "PAGER"] {
      if let value = environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
    }
    let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    let less = path.contains { FileManager.default.isExecutableFile(atPath: "\($0)/less") }
    return less ? "less -FRX" : nil
  }

  func page(_ text: String) -> Bool {
    guard let command else { return false }
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return false }
    guard let pid = spawn(command, stdin: fds[0], closing: fds[1]) else {
      close(fds[0])
      close(fds[1])
      return false
    }
    close(fds[0])
    Self.writeAll(text, to: fds[1])
    close(fds[1])
    var status: Int32 = 0
    // Ctrl-C ends the pager (and, through the shell's flag, the rest of the entry).
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exited = status & 0x7f == 0
    // 127 from sh: the pager command was not found, nothing was shown.
    return !(exited && (status >> 8) & 0xff == 127)
  }

  /// Starts `sh -c command` with `stdin` as its standard input and SIGINT/SIGPIPE at
  /// their defaults (the shell ignores or catches them).
  func spawn(_ command: String, stdin: Int32, closing other: Int32) -> pid_t? {
    var env = environment
    // K: Ctrl-C leaves less at once, back to the prompt.
    if env["LESS"] == nil { env["LESS"] = "FRXK" }
    let (pid, status) = ChildProcess.spawn(["/bin/sh", "-c", command], environment: env) { actions in
      posix_spawn_file_actions_adddup2(&actions, stdin, 0)
      posix_spawn_file_actions_addclose(&actions, other)
    }
    guard status == 0 else { return nil }
    return pid
  }

  /// Writes all of `text`, stopping quietly when the pager has gone (q, Ctrl-C: EPIPE).
  static func writeAll(_ text: String, to fd: Int32) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return }
      offset += n
    }
  }
}
