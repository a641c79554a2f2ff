#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines from a file descriptor without any editing: for piped input and scripts.
///
/// Lines end at "\n"; a "\r" before it is dropped, and a last line without a terminator
/// is still returned. Bytes that are not UTF-8 become U+FFFD, and `lastLineIsUTF8` says so
/// (a script in GBK or Latin-1 is refused by its reader, not run with mangled names). Lines
/// may be of any length.
/// The prompt is shown only when the input is a terminal, and then on standard error
/// (standard output is not a terminal, or the libedit reader would be in use).
public final class PlainLineReader: LineReading {
  private let fileDescriptor: Int32
  private let promptDescriptor: Int32?
  /// Bytes read but not yet returned start at `head`.
  private var buffer: [UInt8] = []
  private var head = 0
  /// Where to go on looking for a newline: everything from `head` to here has none.
  private var scanned = 0
  private var reachedEnd = false
  private static let chunkSize = 64 * 1024
  /// False when the last line returned had bytes that are not UTF-8.
  public private(set) var lastLineIsUTF8 = true
  /// Called before a read that may wait for more input (the shell writes out the output it
  /// has collected, so whoever feeds the input sees the answers so far).
  public var beforeWaiting: (() -> Void)?

  /// - Parameters:
  ///   - fileDescriptor: where to read from (standard input by default); not closed here.
  ///   - promptDescriptor: where to write prompts; by default standard error when
  ///     `fileDescriptor` is a terminal, otherwise nowhere.
  public init(fileDescriptor: Int32 = 0, promptDescriptor: Int32? = nil) {
    self.fileDescriptor = fileDescriptor
    self.promptDescriptor = promptDescriptor ?? (isatty(fileDescriptor) == 1 ? 2 : nil)
  }

  public func readLine(prompt: String) -> ReadResult {
    if let promptDescriptor, !prompt.isEmpty {
      var bytes = Array(prompt.utf8)
      bytes.withUnsafeMutableBytes { _ = write(promptDescriptor, $0.baseAddress, $0.count) }
    }
    while true {
      if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
        var end = newline
        if end > head && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = text(buffer[head..<end])
        head = newline + 1
        scanned = head
        return .line(line)
      }
      scanned = buffer.count
      if reachedEnd {
        guard head < buffer.count else { return .endOfInput }
        var end = buffer.count
        if buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = text(buffer[head..<end])
        head = buffer.count
        scanned = head
        return .line(line)
      }
      beforeWaiting?()
      switch fill() {
      case .read: continue
      case .end: reachedEnd = true
      case .interrupted: return .interrupted
      }
    }
  }

  private func text(_ bytes: ArraySlice<UInt8>) -> String {
    if let text = String(validating: bytes, as: UTF8.self) {
      lastLineIsUTF8 = true
      return text
    }
    lastLineIsUTF8 = false
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Plain input keeps no history.
  public func addHistory(_ entry: String) {}

  private enum FillResult { case read, end, interrupted }

  /// Reads one more chunk, first dropping the bytes already returned.
  private func fill() -> FillResult {
    if head > 0 {
      buffer.removeSubrange(0..<head)
      scanned -= head
      head = 0
    }
    let oldCount = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
    let result = buffer.withUnsafeMutableBytes { bytes in
      read(fileDescriptor, bytes.baseAddress! + oldCount, Self.chunkSize)
    }
    let error = errno
    buffer.removeLast(Self.chunkSize - max(result, 0))
    if result > 0 { return .read }
    if result < 0 && error == EINTR { return .interrupted }
    return .end
  }
}
