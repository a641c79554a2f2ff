#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a program in a pseudo-terminal, types into it and reads what it shows, for tests
/// of interactive behaviour (line editing, completion, Ctrl-C).
///
/// ```swift
/// let terminal = try PseudoTerminal(executable: kgsh, environment: ["TERM": "xterm"])
/// try terminal.waitFor("kgsh> ")
/// try terminal.waitUntilRawMode()  // before typing, or keys get eaten
/// terminal.send("sh")
/// terminal.send(key: .tab)
/// try terminal.waitFor("show ")
/// ```
///
/// Output is kept with its escape sequences (``transcript``); ``waitFor(_:timeout:)``
/// matches on the text with them removed (``stripANSI(_:)``) and consumes it up to the
/// match, so each call looks only at what came after the previous match.
/// Every wait has a timeout and, on failure, throws an error that shows what was seen.
/// The process is killed when the terminal is released.
public final class PseudoTerminal {
  /// Keys that send control characters or escape sequences (xterm, normal cursor mode).
  public enum Key: Sendable {
    case tab, enter, ctrlC, ctrlD, ctrlA, ctrlE, ctrlU, ctrlW, up, down, left, right, backspace, escape

    public var bytes: String {
      switch self {
      case .tab: "\t"
      case .enter: "\r"
      case .ctrlC: "\u{03}"
      case .ctrlD: "\u{04}"
      case .ctrlA: "\u{01}"
      case .ctrlE: "\u{05}"
      case .ctrlU: "\u{15}"
      case .ctrlW: "\u{17}"
      case .up: "\u{1B}[A"
      case .down: "\u{1B}[B"
      case .right: "\u{1B}[C"
      case .left: "\u{1B}[D"
      case .backspace: "\u{7F}"
      case .escape: "\u{1B}"
      }
    }
  }

  /// A wait that did not see what it waited for.
  public struct Failure: Error, CustomStringConvertible {
    public enum Reason: Sendable { case couldNotStart, timedOut, closed }
    /// Why the wait failed: the program may simply have ended (see ``PseudoTerminal/isClosed``).
    public var reason: Reason
    /// What was waited for and what was seen instead.
    public var description: String
  }

  /// The default for every wait: generous, because builds and first runs are slow here.
  public static let defaultTimeout: Duration = .seconds(10)

  /// The child's process id.
  public let processID: pid_t
  private let master: Int32
  private var output: [UInt8] = []
  /// UTF-8 offset into the stripped output up to which earlier waits consumed it.
  private var consumed = 0
  private var outputClosed = false
  private var exitStatus: Int32?

  /// Starts `executable` in a new pseudo-terminal of `columns` x `rows`.
  ///
  /// - Parameters:
  ///   - executable: an absolute path.
  ///   - arguments: the arguments after the program name.
  ///   - environment: the whole environment of the child (nothing is inherited); include
  ///     TERM (e.g. "xterm") or libedit falls back to a dumb terminal.
  /// - Throws: ``Failure`` when the program cannot be run or forkpty fails.
  public init(
    executable: String, arguments: [String] = [], environment: [String: String],
    columns: Int = 120, rows: Int = 40
  ) throws {
    guard access(executable, X_OK) == 0 else {
      throw Failure(
        reason: .couldNotStart, description: "PseudoTerminal: \(executable) is not an executable file")
    }
    // Everything the child needs is allocated before fork: after it, only execve/_exit.
    let argv = Self.cStringArray([executable] + arguments)
    let envp = Self.cStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
    defer {
      Self.freeCStringArray(argv)
      Self.freeCStringArray(envp)
    }
    var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    var master: Int32 = -1
    let pid = forkpty(&master, nil, nil, &size)
    if pid == 0 {
      execve(argv[0]!, argv, envp)
      _exit(127)
    }
    guard pid > 0 else {
      throw Failure(
        reason: .couldNotStart,
        description: "PseudoTerminal: forkpty failed: \(String(cString: strerror(errno)))")
    }
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    self.processID = pid
    self.master = master
  }

  deinit {
    if exitStatus == nil {
      kill(processID, SIGKILL)
      var status: Int32 = 0
      _ = waitpid(processID, &status, 0)
    }
    close(master)
  }

  // MARK: - Typing

  /// Types `text` (UTF-8).
  public func send(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        write(master, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written > 0 {
        offset += written
      } else if written < 0 && (errno == EINTR || errno == EAGAIN) {
        pump(milliseconds: 10)
      } else {
        return
      }
    }
  }

  /// Presses `key`.
  public func send(key: Key) {
    send(key.bytes)
  }

  /// Resizes the terminal to `columns` x `rows`; the program gets SIGWINCH.
  public func resize(columns: Int, rows: Int) {
    var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
  }

  // MARK: - Waiting

  /// True once the program closed its side of the terminal (it has usually exited).
  public var isClosed: Bool {
    pump(milliseconds: 0)
    return outputClosed
  }

  /// Everything the program wrote so far, escape sequences included.
  public var transcript: String {
    String(decoding: output, as: UTF8.self)
  }

  /// Waits until `text` appears in the output (escape sequences removed) after what earlier
  /// waits consumed, and consumes it.
  ///
  /// - Returns: the stripped output from the end of the previous match to the end of this one.
  /// - Throws: ``Failure`` showing what was seen, on timeout or when the program closes
  ///   the terminal first.
  @discardableResult
  public func waitFor(_ text: String, timeout: Duration = defaultTimeout) throws -> String {
    try waitFor(description: "\"\(text)\"", timeout: timeout) { $0.firstRange(of: text) }
  }

  /// Waits until `regex` matches the output (escape sequences removed) after what earlier
  /// waits consumed, and consumes it. See ``waitFor(_:timeout:)``.
  @discardableResult
  public func waitFor<Output>(_ regex: Regex<Output>, timeout: Duration = defaultTimeout) throws -> String {
    try waitFor(description: "a match of a regular expression", timeout: timeout) {
      $0.firstMatch(of: regex)?.range
    }
  }

  private func waitFor(
    description: String, timeout: Duration, match: (Substring) -> Range<Substring.Index>?
  ) throws -> String {
    let deadline = ContinuousClock.now + timeout
    while true {
      let stripped = Self.stripANSI(transcript)
      let start = stripped.utf8.index(stripped.startIndex, offsetBy: min(consumed, stripped.utf8.count))
      let unseen = stripped[start...]
      if let range = match(unseen) {
        consumed = stripped.utf8.distance(from: stripped.startIndex, to: range.upperBound)
        return String(stripped[start..<range.upperBound])
      }
      if outputClosed {
        throw failure(
          .closed, "the program closed the terminal before showing \(description)", unseen: unseen)
      }
      if ContinuousClock.now >= deadline {
        throw failure(.timedOut, "timed out after \(timeout) waiting for \(description)", unseen: unseen)
      }
      pump(milliseconds: 50)
    }
  }

  /// Waits until the terminal has left canonical mode (ICANON off), i.e. the line editor is
  /// reading key by key. libedit prints its prompt BEFORE switching, so call this after
  /// seeing the prompt and before typing, or keys (Ctrl-D especially) are eaten.
  public func waitUntilRawMode(timeout: Duration = defaultTimeout) throws {
    let deadline = ContinuousClock.now + timeout
    while true {
      var settings = termios()
      if tcgetattr(master, &settings) == 0 && settings.c_lflag & tcflag_t(ICANON) == 0 {
        return
      }
      if outputClosed {
        throw failure(.closed, "the program closed the terminal before switching to raw mode", unseen: nil)
      }
      if ContinuousClock.now >= deadline {
        throw failure(.timedOut, "timed out after \(timeout) waiting for raw mode (ICANON off)", unseen: nil)
      }
      pump(milliseconds: 10)
    }
  }

  /// Waits for the program to end, reading its output meanwhile.
  ///
  /// - Returns: its exit status, or 128 + the signal number when a signal ended it.
  public func waitForExit(timeout: Duration = defaultTimeout) throws -> Int32 {
    if let exitStatus { return exitStatus }
    let deadline = ContinuousClock.now + timeout
    while true {
      var status: Int32 = 0
      if waitpid(processID, &status, WNOHANG) == processID {
        pump(milliseconds: 0)
        let signal = status & 0x7f
        let result = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        exitStatus = result
        return result
      }
      if ContinuousClock.now >= deadline {
        throw failure(.timedOut, "timed out after \(timeout) waiting for the program to exit", unseen: nil)
      }
      pump(milliseconds: 20)
    }
  }

  /// Reads whatever output is there, waiting up to `milliseconds` for some.
  private func pump(milliseconds: Int32) {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    var timeout = milliseconds
    while !outputClosed && poll(&descriptor, 1, timeout) > 0 {
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      if count > 0 {
        output.append(contentsOf: chunk[..<count])
      } else if count < 0 && errno == EINTR {
        continue
      } else {
        // EIO (Linux) or 0: every descriptor of the terminal's other side is closed.
        outputClosed = true
      }
      timeout = 0
    }
  }

  private func failure(_ reason: Failure.Reason, _ what: String, unseen: Substring?) -> Failure {
    let raw = String(transcript.suffix(2000)).debugDescription
    var message = "PseudoTerminal: \(what)\n"
    if let unseen {
      message += "--- output after the last match (escapes removed) ---\n\(unseen)\n"
    }
    message += "--- last 2000 characters, raw ---\n\(raw)\n"
    print(message)
    return Failure(reason: reason, description: message)
  }

  // MARK: - Helpers

  /// `text` without terminal escape sequences (CSI `ESC [ ... final`, OSC `ESC ] ... BEL`,
  /// two-character `ESC x`) and without control characters other than newline and tab.
  public static func stripANSI(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      switch scalar {
      case "\u{1B}":
        guard let kind = scalars.next() else { break }
        if kind == "[" {
          while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
        } else if kind == "]" {
          var previous: Unicode.Scalar = " "
          while let next = scalars.next() {
            if next == "\u{07}" || (previous == "\u{1B}" && next == "\\") { break }
            previous = next
          }
        } else if kind == "(" || kind == ")" {
          _ = scalars.next()
        }
      case "\n", "\t":
        result.append(scalar)
      default:
        if scalar.value >= 0x20 && scalar.value != 0x7F { result.append(scalar) }
      }
    }
    return String(result)
  }

  private static func cStringArray(_ strings: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
  {
    let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
    for (index, string) in strings.enumerated() {
      array[index] = strdup(string)
    }
    array[strings.count] = nil
    return array
  }

  private static func freeCStringArray(_ array: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) {
    var index = 0
    while let string = array[index] {
      free(string)
      index += 1
    }
    array.deallocate()
  }
}
