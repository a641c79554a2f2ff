import Foundation
import KnowledgeGraph
import ShellCore

/// A started MCP server (a plugin added with `plugin add --mcp`), spoken to as MCP's stdio
/// transport defines: JSON-RPC 2.0, one message per line. Requests go one at a time; the
/// server's notifications are skipped and its own requests answered (`ping`) or declined.
///
/// Like `PluginConnection`, any failure other than a tool's own error stops the process and
/// is worded as one line naming the plugin; the next use starts it again.
final class MCPConnection {
  static let protocolVersion = "2025-06-18"
  let name: String
  let process: PluginProcess
  let log: String?
  var lastUsed = ContinuousClock.now
  /// The server's `serverInfo` name and version from `initialize`.
  private(set) var serverName: String?
  private(set) var serverVersion: String?
  private var nextID = 1

  /// Starts the server and runs the `initialize` handshake.
  /// - Throws: `KgshError` for a program that cannot start, does not answer or answers garbage.
  init(
    path: String, arguments: [String], name: String, log: String?, limits: PluginLimits, kgshVersion: String
  )
    throws
  {
    self.name = name
    self.log = log
    do {
      process = try PluginProcess(path: path, arguments: arguments, log: log)
    } catch let fault as PipeFault {
      throw PluginConnection.describe(fault, plugin: name, doing: "while starting", log: log, path: path)
    }
    do {
      let hello = try request(
        "initialize",
        [
          "protocolVersion": .string(Self.protocolVersion), "capabilities": .map([:]),
          "clientInfo": .map(["name": .string("kgsh"), "version": .string(kgshVersion)]),
        ], limits: limits, doing: "during the handshake")
      guard case .map(let info)? = hello.value["serverInfo"] else {
        throw KgshError(
          .plugin, "\(name) answered initialize without serverInfo", hint: "is it an MCP server (stdio)?")
      }
      serverName = info["name"]?.plainText
      serverVersion = info["version"]?.plainText
      try send(
        ["jsonrpc": .string("2.0"), "method": .string("notifications/initialized")], doing: "handshake")
    } catch {
      process.stop(grace: 0)
      throw error
    }
  }

  deinit { close() }

  /// Stops the process (closing its stdin first: a well-behaved server exits).
  func close() { process.stop() }

  /// Every tool the server lists (following `nextCursor`).
  func listTools(limits: PluginLimits) throws -> [[String: Value]] {
    var tools: [[String: Value]] = []
    var cursor: Value?
    repeat {
      let params: [String: Value] = cursor.map { ["cursor": $0] } ?? [:]
      let page = try request("tools/list", params, limits: limits, doing: "while listing its tools")
      if case .list(let items)? = page.value["tools"] {
        tools += items.compactMap { if case .map(let tool) = $0 { return tool } else { return nil } }
      }
      cursor = page.value["nextCursor"].flatMap { $0.isNull ? nil : $0 }
    } while cursor != nil && tools.count < 10_000
    return tools
  }

  /// Calls one tool; the result object and the raw line it came in (for key order).
  func callTool(_ tool: String, _ arguments: [String: Value], limits: PluginLimits) throws
    -> (value: [String: Value], raw: String)
  {
    lastUsed = ContinuousClock.now
    defer { lastUsed = ContinuousClock.now }
    return try request(
      "tools/call", ["name": .string(tool), "arguments": .map(arguments)], limits: limits,
      doing: "while running '\(tool)'", interruptible: true)
  }

  /// Sends a request and waits for its response.
  /// - Throws: `KgshError` for a JSON-RPC error answer (the server keeps running), or for a
  ///   crash, a hang or garbage (the server is stopped).
  func request(
    _ method: String, _ params: [String: Value], limits: PluginLimits, doing: String,
    interruptible: Bool = false
  ) throws -> (value: [String: Value], raw: String) {
    let id = nextID
    nextID += 1
    try send(
      ["jsonrpc": .string("2.0"), "id": .int(Int64(id)), "method": .string(method), "params": .map(params)],
      doing: doing)
    while true {
      let (message, raw) = try receive(limits: limits, doing: doing, interruptible: interruptible, id: id)
      if message["method"] != nil {
        try answer(message, doing: doing)
        continue
      }
      guard case .int(let answered)? = message["id"], answered == id else { continue }
      if case .map(let error)? = message["error"] {
        throw KgshError(
          .plugin, "\(name): \(error["message"]?.plainText ?? "the server refused \(method)")",
          hint: "the MCP server answered with error \(error["code"]?.plainText ?? "?")")
      }
      guard case .map(let result)? = message["result"] else {
        throw garbage("a response without a result", raw: raw, doing: doing)
      }
      return (result, raw)
    }
  }

  /// Answers a request from the server: `ping` is answered, anything else declined.
  private func answer(_ message: [String: Value], doing: String) throws {
    guard let id = message["id"], !id.isNull else { return }  // a notification
    if message["method"]?.plainText == "ping" {
      try send(["jsonrpc": .string("2.0"), "id": id, "result": .map([:])], doing: doing)
    } else {
      try send(
        [
          "jsonrpc": .string("2.0"), "id": id,
          "error": .map(["code": .int(-32601), "message": .string("kgsh does not offer this to MCP servers")]
          ),
        ], doing: doing)
    }
  }

  private func send(_ message: [String: Value], doing: String) throws {
    do {
      try process.send(Data((JSON.encode(.map(message)) + "\n").utf8))
    } catch let fault as PipeFault {
      process.stop(grace: 0)
      throw PluginConnection.describe(fault, plugin: name, doing: doing, log: log, path: process.path)
    }
  }

  private func receive(limits: PluginLimits, doing: String, interruptible: Bool, id: Int) throws
    -> ([String: Value], String)
  {
    let line: [UInt8]
    do {
      line = try process.readLine(timeout: limits.timeout, limit: limits.maxMessage) {
        interruptible && interruptFlag.load(ordering: .relaxed)
      }
    } catch let fault as PipeFault {
      process.stop(grace: 0)
      if fault == .interrupted {
        throw KgshError.interrupted.with(
          hint: "the call to plugin \(name) was cancelled and the server stopped")
      }
      throw PluginConnection.describe(fault, plugin: name, doing: doing, log: log, path: process.path)
    }
    let raw = String(decoding: line, as: UTF8.self)
    guard case .map(let message)? = try? JSON.decode(raw) else {
      throw garbage("invalid JSON", raw: raw, doing: doing)
    }
    return (message, raw)
  }

  private func garbage(_ what: String, raw: String, doing: String) -> KgshError {
    process.stop(grace: 0)
    let text = String(raw.prefix(60))
    return KgshError(
      .plugin, "plugin \(name) wrote \(what) \(doing): '\(text)\(raw.count > 60 ? "…" : "")'; it was stopped",
      hint: "an MCP server writes only JSON-RPC messages on stdout, one per line (its logs go to stderr)")
  }
}
