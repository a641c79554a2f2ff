import Foundation

/// A `kgsh mcp` process driven over pipes the way an MCP client drives it: one JSON-RPC
/// message per line, answers read as they come, so a test can act between two calls.
public final class MCPClientPipe: @unchecked Sendable {  // its lines and stderr are guarded by `lock`
  private let process = Process()
  private let input = Pipe()
  private let errors = Pipe()
  private let lock = NSLock()
  private let arrived = DispatchSemaphore(value: 0)
  private let errorsClosed = DispatchSemaphore(value: 0)
  private var lines: [Data] = []
  private var errorText = Data()
  private var nextID = 1
  private var early: [Int: [String: Any]] = [:]

  public init(_ arguments: [String], home: URL, environment: [String: String]) throws {
    process.executableURL = Repository.kgsh
    process.arguments = arguments
    process.environment = KgshProcess.environment(home: home).merging(environment) { $1 }
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let reader = output.fileHandleForReading
    Thread.detachNewThread { [self] in
      var pending = Data()
      while case let chunk = reader.availableData, !chunk.isEmpty {
        pending.append(chunk)
        while let newline = pending.firstIndex(of: 0x0A) {
          let line = pending[pending.startIndex..<newline]
          pending = pending[(newline + 1)...]
          lock.withLock { lines.append(Data(line)) }
          arrived.signal()
        }
      }
    }
    let errorReader = errors.fileHandleForReading
    Thread.detachNewThread { [self] in
      let all = errorReader.readDataToEndOfFile()
      lock.withLock { errorText = all }
      errorsClosed.signal()
    }
  }

  /// Sends `initialize` (as client `name`) and `notifications/initialized`; the server's answer.
  @discardableResult
  public func initialize(as name: String) throws -> [String: Any] {
    let answer = try request(
      "initialize",
      #"{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"\#(name)","version":"1"}}"#)
    try send(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
    return answer
  }

  /// Calls a tool; the `result` object of its answer.
  public func call(_ tool: String, _ arguments: String) throws -> [String: Any] {
    try result(of: request("tools/call", #"{"name":"\#(tool)","arguments":\#(arguments)}"#))
  }

  /// The `result` object of an answer (an error answer throws).
  public func result(of answer: [String: Any]) throws -> [String: Any] {
    guard let result = answer["result"] as? [String: Any] else { throw NoAnswer(id: -1, got: "\(answer)") }
    return result
  }

  /// Sends one request and waits (at most a minute: a hang guard) for the answer with its id.
  public func request(_ method: String, _ params: String) throws -> [String: Any] {
    try answer(to: start(method, params))
  }

  /// Sends one request without waiting; its id (for `answer(to:)` or a cancellation).
  public func start(_ method: String, _ params: String) throws -> Int {
    let id = nextID
    nextID += 1
    try send(#"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#)
    return id
  }

  /// Waits (at most a minute: a hang guard) for the answer to request `id`; answers to other
  /// requests that arrive first are kept for their own `answer(to:)`.
  public func answer(to id: Int) throws -> [String: Any] {
    if let kept = lock.withLock({ early.removeValue(forKey: id) }) { return kept }
    while arrived.wait(timeout: .now() + 60) == .success {
      let line = lock.withLock { lines.removeFirst() }
      guard let message = try JSONSerialization.jsonObject(with: line) as? [String: Any],
        let answered = (message["id"] as? NSNumber)?.intValue
      else { continue }
      if answered == id { return message }
      lock.withLock { early[answered] = message }
    }
    throw NoAnswer(id: id, got: "")
  }

  public func send(_ line: String) throws {
    try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
  }

  /// Closes stdin and waits for the server to exit; its status.
  public func finish() throws -> Int32 {
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    _ = errorsClosed.wait(timeout: .now() + 60)
    return process.terminationStatus
  }

  /// What the server wrote to stderr (complete once `finish` has returned).
  public var stderrText: String {
    lock.withLock { String(decoding: errorText, as: UTF8.self) }
  }

  public struct NoAnswer: Error, CustomStringConvertible {
    var id: Int
    var got: String
    public var description: String {
      got.isEmpty ? "kgsh mcp did not answer request \(id) within a minute" : "not a result: \(got)"
    }
  }

  /// The structured rows of a tool result.
  public static func rows(_ result: [String: Any]) -> [[String: Any]] {
    (result["structuredContent"] as? [String: Any])?["rows"] as? [[String: Any]] ?? []
  }
}
