import Foundation
import KnowledgeGraph
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
///
/// `tools/call` requests after `initialize` are answered by `callHandler` directly: the SDK's
/// typed request handler re-encodes every result and decodes it again into its `Value`,
/// compiling a regular expression for each string (a data-URL check), which took ~100 ms for
/// the 70 KB answer of `show Zhipu`. Everything else (the handshake, lists, resources, ping,
/// malformed messages) goes through the SDK's `Server`.
actor LineTransport: Transport {
  /// Answers one `tools/call` request (the whole message) with the response line, or nil to
  /// leave the request to the SDK.
  typealias CallHandler = @Sendable ([String: KnowledgeGraph.Value]) async -> Data?
  /// Told the id of a request the client cancelled (`notifications/cancelled`).
  typealias CancelHandler = @Sendable (String) -> Void

  nonisolated let logger = Logger(label: "kgsh.mcp.transport", factory: { _ in SwiftLogNoOpLogHandler() })
  private let input: Int32
  private let output: Int32
  private let callHandler: CallHandler?
  private let cancelHandler: CancelHandler?
  private let stream: AsyncThrowingStream<Data, any Error>
  private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
  private var reader: Thread?
  /// The requests read whose response has not been written yet.
  nonisolated let unanswered = RequestLedger()

  /// - Parameters:
  ///   - input: the descriptor requests arrive on (stdin).
  ///   - output: the descriptor answers go to (kgsh's real stdout, kept apart from fd 1).
  init(input: Int32, output: Int32, callHandler: CallHandler? = nil, cancelHandler: CancelHandler? = nil) {
    self.input = input
    self.output = output
    self.callHandler = callHandler
    self.cancelHandler = cancelHandler
    let (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
    self.stream = stream
    self.continuation = continuation
  }

  func connect() async throws {
    guard reader == nil else { return }
    let thread = Thread { [self, input, continuation, callHandler, cancelHandler] in
      LineTransport.readLines(input) { line in
        let (request, cancelled) = self.unanswered.note(line)
        // Cancellations also go on to the SDK, which stops what it runs itself.
        if let cancelled { cancelHandler?(cancelled) }
        if let handler = callHandler, let request {
          Task {
            guard let answer = await handler(request) else {
              continuation.yield(line)
              return
            }
            try? await self.write(answer)
            if let id = request["id"].flatMap(RequestLedger.key) { self.unanswered.remove(id) }
          }
        } else {
          continuation.yield(line)
        }
      }
      continuation.finish()
    }
    thread.name = "kgsh-mcp-stdin"
    reader = thread
    thread.start()
  }

  func disconnect() async {
    continuation.finish()
  }

  /// Writes one message of the SDK's.
  func send(_ data: Data) async throws {
    defer { unanswered.answered(data) }
    try write(data)
  }

  /// Writes one message and its newline, whole.
  private func write(_ data: Data) throws {
    var bytes = [UInt8](data)
    bytes.append(0x0A)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(output, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 {
        if errno == EINTR { continue }
        throw MCPError.transportError(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
      }
      offset += n
    }
  }

  func receive() -> AsyncThrowingStream<Data, any Error> { stream }

  /// Reads lines until end of input and hands each non-blank one to `body`.
  private static func readLines(_ fd: Int32, _ body: (Data) -> Void) {
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
        if line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) { body(Data(line)) }
        start = newline + 1
      }
      pending.removeFirst(start)
    }
  }
}

/// The ids of requests read and not yet answered, so that at the end of input the server
/// answers every request before it exits; and whether `initialize` has been seen.
final class RequestLedger: @unchecked Sendable {
  private let lock = NSLock()
  private var ids = Set<String>()
  private var initialized = false

  /// Notes a request (a message with a method and an id). Returns it as `call` when it is a
  /// `tools/call` that kgsh answers itself (after `initialize`), and as `cancelled` the id
  /// a `notifications/cancelled` names.
  func note(_ message: Data) -> (call: [String: KnowledgeGraph.Value]?, cancelled: String?) {
    guard case .map(let object)? = try? JSON.decode(String(decoding: message, as: UTF8.self)),
      let method = object["method"]?.plainText
    else { return (nil, nil) }
    if method == "notifications/cancelled", case .map(let params)? = object["params"] {
      return (nil, params["requestId"].flatMap(Self.key))
    }
    let id = object["id"].flatMap(Self.key)
    return lock.withLock {
      if let id { ids.insert(id) }
      if method == "initialize" { initialized = true }
      guard initialized, method == "tools/call", id != nil else { return (nil, nil) }
      return (object, nil)
    }
  }

  /// Crosses off the request a response answers.
  func answered(_ message: Data) {
    guard let object = (try? JSONSerialization.jsonObject(with: message)) as? [String: Any],
      object["method"] == nil, let id = object["id"], !(id is NSNull)
    else { return }
    remove((id as? NSNumber).map { "\($0.int64Value)" } ?? "\(id)")
  }

  /// Crosses off a request by its id.
  func remove(_ id: String) {
    lock.withLock { _ = ids.remove(id) }
  }

  var isEmpty: Bool { lock.withLock { ids.isEmpty } }

  static func key(_ id: KnowledgeGraph.Value) -> String? {
    switch id {
    case .int(let n): return "\(n)"
    case .string(let s): return s
    case .double(let d): return "\(Int64(d))"
    default: return nil
    }
  }
}
