import Foundation
import KnowledgeGraph

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What went wrong talking to a plugin process, before it is worded for the user.
enum PipeFault: Error, Equatable {
  /// The process ended; the text says how ("exited with status 1", "was killed by signal 9").
  case ended(String)
  case timedOut(seconds: Double)
  case oversized(limit: Int)
  case interrupted
  case cannotStart(String)
}

/// A plugin program running as a child process in its own process group, spoken to in
/// lines of JSON over pipes: the terminal's Ctrl-C reaches kgsh only, never the plugin.
///
/// Its stderr is appended to a log file, so tracebacks never land in the middle of the shell's output.
final class PluginProcess {
  let path: String
  let pid: pid_t
  private let input: Int32
  private let output: Int32
  private var buffer: [UInt8] = []
  private var exitDescription: String?
  private var closed = false

  /// Starts `path` (with `arguments` after its name) with stdin and stdout as pipes and
  /// stderr appended to `log`.
  /// - Throws: `PipeFault.cannotStart` when the program cannot be executed.
  init(path: String, arguments: [String] = [], log: String?) throws {
    var toChild: [Int32] = [0, 0]
    var fromChild: [Int32] = [0, 0]
    guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else {
      throw PipeFault.cannotStart("no pipes available (\(String(cString: strerror(errno))))")
    }
    // Only the child's copies (dup2'd to 0 and 1) survive exec; other children never inherit them.
    for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    // Its own process group: Ctrl-C is kgsh's to handle.
    let (child, status) = ChildProcess.spawn(
      [path] + arguments, searchPath: false, ownProcessGroup: true
    ) { actions in
      posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
      posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
      if let log {
        posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
      }
    }
    close(toChild[0])
    close(fromChild[1])
    guard status == 0 else {
      close(toChild[1])
      close(fromChild[0])
      throw PipeFault.cannotStart(String(cString: strerror(status)))
    }
    self.path = path
    self.pid = child
    self.input = toChild[1]
    self.output = fromChild[0]
  }

  deinit { stop(grace: 0) }

  /// Writes one line (the data must end with a newline).
  /// - Throws: `PipeFault.ended` when the plugin closed its stdin or exited.
  func send(_ line: Data) throws {
    try line.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let n = write(input, raw.baseAddress! + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          throw PipeFault.ended(ended() ?? "closed its input")
        }
        offset += n
      }
    }
  }

  /// Reads the next line (without its newline).
  ///
  /// - Parameters:
  ///   - timeout: seconds to wait for the whole line.
  ///   - limit: the longest line accepted, in bytes.
  ///   - interrupted: polled every 50 ms; when it returns true the read stops.
  /// - Throws: `PipeFault` for end of output, timeout, an oversized line or an interruption.
  func readLine(timeout: Double, limit: Int, interrupted: () -> Bool) throws -> [UInt8] {
    let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
    var searched = 0
    while true {
      if let newline = buffer[searched...].firstIndex(of: 0x0A) {
        let line = Array(buffer[..<newline])
        buffer.removeFirst(newline + 1)
        return line
      }
      searched = buffer.count
      if buffer.count > limit { throw PipeFault.oversized(limit: limit) }
      if interrupted() { throw PipeFault.interrupted }
      if ContinuousClock.now >= deadline { throw PipeFault.timedOut(seconds: timeout) }
      var fds = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
      let ready = poll(&fds, 1, 50)
      if ready < 0 && errno != EINTR { throw PipeFault.ended(ended() ?? "closed its output") }
      if ready <= 0 { continue }
      var chunk = [UInt8](repeating: 0, count: 65536)
      let n = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress!, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { throw PipeFault.ended(ended() ?? "closed its output") }
      buffer.append(contentsOf: chunk[..<n])
    }
  }

  /// Whether the process is still running.
  var isRunning: Bool { reap(wait: false) == nil }

  /// Closes its stdin (a well-behaved plugin exits), then after `grace` seconds kills its
  /// process group and reaps it.
  func stop(grace: Double = 0.5) {
    guard !closed else { return }
    closed = true
    close(input)
    close(output)
    if !waitForExit(seconds: grace) {
      kill(-pid, SIGKILL)
      kill(pid, SIGKILL)
      _ = reap(wait: true)
    }
  }

  /// How the process ended, after its output closed: waits a moment for it to exit, and
  /// kills it if it lingers without output.
  private func ended() -> String? {
    if !waitForExit(seconds: 1) {
      kill(-pid, SIGKILL)
      _ = reap(wait: true)
      return "closed its output"
    }
    return exitDescription
  }

  private func waitForExit(seconds: Double) -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while reap(wait: false) == nil {
      if ContinuousClock.now >= deadline { return false }
      usleep(5_000)
    }
    return true
  }

  /// How the process ended, or nil while it runs (`wait` blocks until it ends).
  private func reap(wait: Bool) -> String? {
    if let exitDescription { return exitDescription }
    var status: Int32 = 0
    let r = waitpid(pid, &status, wait ? 0 : WNOHANG)
    guard r == pid else { return r < 0 ? "ended" : nil }
    let signal = status & 0x7F
    exitDescription =
      signal == 0 ? "exited with status \((status >> 8) & 0xFF)" : "was killed by signal \(signal)"
    return exitDescription
  }
}
