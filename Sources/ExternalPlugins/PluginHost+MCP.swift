import Foundation
import KnowledgeGraph
import PluginProtocol
import ShellCore

extension PluginHost {
  /// Starts an MCP server once, lists its tools and returns them as a plugin record whose
  /// commands are `NAME TOOL` (`demo rows`).
  /// - Parameter name: the plugin's name; nil takes the server's own (`serverInfo.name`).
  /// - Throws: `KgshError` when it cannot start, fails the handshake or lists no tools.
  func inspectMCP(path: String, arguments: [String], name: String?, session: Session) throws -> PluginRecord {
    let provisional =
      name ?? Self.name(fromFile: arguments.last.map { ($0 as NSString).lastPathComponent } ?? path)
    let connection = try MCPConnection(
      path: path, arguments: arguments, name: provisional, log: logPath(MCPToolMapping.word(provisional)),
      limits: limits(session), kgshVersion: kgshVersion)
    defer { connection.close() }
    let pluginName = MCPToolMapping.word(name ?? connection.serverName ?? provisional).lowercased()
    let tools = try connection.listTools(limits: limits(session)).compactMap {
      MCPToolMapping.command($0, plugin: pluginName)
    }
    try SignatureMapping.validate(tools.map(\.0), plugin: pluginName, features: [])
    return PluginRecord(
      name: pluginName, path: path, version: connection.serverVersion ?? "",
      protocol: "mcp " + MCPConnection.protocolVersion,
      features: [], commands: tools.map(\.0),
      mcp: MCPServerRecord(arguments: arguments, tools: tools.map(\.1)))
  }

  /// Calls a tool of an added MCP server, starting the server if needed.
  func callMCP(plugin name: String, tool: String, _ arguments: [String: Value], session: Session) throws
    -> (value: [String: Value], raw: String)
  {
    guard let record = records[name], let mcp = record.mcp else {
      throw KgshError.notFound("plugin", name, hint: "plugin list shows the added plugins")
    }
    let limits = limits(session)
    let connection: MCPConnection
    if let running = mcpConnections[name], running.process.isRunning {
      connection = running
    } else {
      mcpConnections[name] = nil
      connection = try MCPConnection(
        path: record.path, arguments: mcp.arguments, name: name, log: logPath(name), limits: limits,
        kgshVersion: kgshVersion)
      mcpConnections[name] = connection
    }
    do {
      return try connection.callTool(tool, arguments, limits: limits)
    } catch {
      if !connection.process.isRunning { mcpConnections[name] = nil }
      throw error
    }
  }

  /// The absolute path of a program named on the command line: as given when it has a `/`,
  /// else found in `PATH` (like a shell).
  static func program(_ word: String) -> String? {
    if word.contains("/") {
      return FileManager.default.isExecutableFile(atPath: word) ? PluginAddCommand.absolute(word) : nil
    }
    let path = Environment.value("PATH") ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(word)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
