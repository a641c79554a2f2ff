import Foundation
import Logging
import MCP

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// MCP's stdio transport as kgsh needs it: one JSON-RPC message per line, read by a thread
/// that blocks on the input (a request is handled the moment it arrives, where the SDK's
/// `StdioTransport` polls every 10 ms), and the descriptors left in blocking mode (the
/// SDK's sets O_NONBLOCK, which leaks to whatever shares them).
actor LineTransport: Transport {
  nonisolated let logger = Logger(label: "kgsh.mcp.transport", factory: { _ in SwiftLogNoOpLogHandler() })
  private let input: Int32
  private let output: Int32
  private let stream: AsyncThrowingStream<Data, any Error>
  private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
  private var reader: Thread?
  /// The requests read whose response has not been written yet.
  let unanswered = RequestLedger()

  /// - Parameters:
  ///   - input: the descriptor requests arrive on (stdin).
  ///   - output: the descriptor answers go to (kgsh's real stdout, kept apart from fd 1).
  init(input: Int32, output: Int32) {
    self.input = input
    self.output = output
    let (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
    self.stream = stream
    self.continuation = continuation
  }

  func connect() async throws {
    guard reader == nil else { return }
    let (input, continuation, ledger) = (self.input, self.continuation, self.unanswered)
    let thread = Thread { LineTransport.readLines(input, into: continuation, ledger: ledger) }
    thread.name = "kgsh-mcp-stdin"
    reader = thread
    thread.start()
  }

  func disconnect() async {
    continuation.finish()
  }

  /// Writes one message and its newline, whole.
  func send(_ data: Data) async throws {
    defer { unanswered.answered(data) }
    var bytes = [UInt8](data)
    bytes.append(0x0A)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { write(output, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 {
        if errno == EINTR { continue }
        throw MCPError.transportError(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
      }
      offset += n
    }
  }

  func receive() -> AsyncThrowingStream<Data, any Error> { stream }

  /// Reads lines until end of input; blank lines are skipped.
  private static func readLines(
    _ fd: Int32, into continuation: AsyncThrowingStream<Data, any Error>.Continuation, ledger: RequestLedger
  ) {
    var pending: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      pending.append(contentsOf: chunk[..<n])
      var start = 0
      while let newline = pending[start...].firstIndex(of: 0x0A) {
        let line = pending[start..<newline]
        if line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) {
          ledger.asked(Data(line))
          continuation.yield(Data(line))
        }
        start = newline + 1
      }
      pending.removeFirst(start)
    }
    continuation.finish()
  }
}

/// The ids of requests read and not yet answered, so that at the end of input the server
/// answers every request before it exits.
final class RequestLedger: @unchecked Sendable {
  private let lock = NSLock()
  private var ids = Set<String>()

  /// Notes a request (a message with a method and an id).
  func asked(_ message: Data) {
    guard let object = Self.object(message), object["method"] != nil, let id = Self.id(object) else { return }
    lock.withLock { _ = ids.insert(id) }
  }

  /// Crosses off the request a response answers.
  func answered(_ message: Data) {
    guard let object = Self.object(message), object["method"] == nil, let id = Self.id(object) else { return }
    lock.withLock { _ = ids.remove(id) }
  }

  var isEmpty: Bool { lock.withLock { ids.isEmpty } }

  private static func object(_ data: Data) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
  }

  private static func id(_ object: [String: Any]) -> String? {
    guard let id = object["id"], !(id is NSNull) else { return nil }
    return "\(id)"
  }
}
