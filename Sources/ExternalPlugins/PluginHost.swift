import Foundation
import KnowledgeGraph
import PluginProtocol
import ShellCore

/// The third-party plugins of one session: their records (from `plugins.json`), the
/// processes started on first use, and their registration as shell commands.
///
/// ```swift
/// let host = PluginHost(paths: .init(dataDirectory: dir, stateDirectory: state), kgshVersion: "0.1.0")
/// host.install(in: session, loadPlugins: true)   // registers every recorded plugin's commands
/// ```
public final class PluginHost {
  /// Where the registry file, the auto-discovery folder and the plugins' logs are.
  public struct Paths: Sendable {
    public var registry: String
    public var discovery: String
    public var logs: String

    public init(dataDirectory: String, stateDirectory: String) {
      registry = dataDirectory + "/plugins.json"
      discovery = dataDirectory + "/plugins"
      logs = stateDirectory + "/plugins"
    }
  }

  public let paths: Paths
  public let kgshVersion: String
  /// Seconds a started plugin may stay idle before the next plugin call stops it.
  public var idleSeconds = 300.0
  var records: [String: PluginRecord] = [:]
  var connections: [String: PluginConnection] = [:]
  var mcpConnections: [String: MCPConnection] = [:]

  public init(paths: Paths, kgshVersion: String) {
    self.paths = paths
    self.kgshVersion = kgshVersion
  }

  static let key = "external-plugins.host"

  /// The host of a session, when one is installed.
  public static func of(_ session: Session) -> PluginHost? { session.extensions[key] as? PluginHost }

  /// The session's host, for a plugin's command about to run; the error when it has none.
  static func required(_ session: Session) throws -> PluginHost {
    guard let host = of(session) else {
      throw KgshError(
        .plugin, "third-party plugins are not available in this session",
        hint: "start kgsh without --no-plugins")
    }
    return host
  }

  /// Attaches the host to a session and, unless `loadPlugins` is false (`--no-plugins`),
  /// registers the recorded plugins and those new in the auto-discovery folder.
  /// Problems with single plugins are reported on the session's error output and skipped.
  public func install(in session: Session, loadPlugins: Bool) {
    session.extensions[Self.key] = self
    if session.settings["plugin-timeout"] == nil {
      session.settings["plugin-timeout"] =
        Environment.value("KGSH_PLUGIN_TIMEOUT")
        ?? Value.format(double: PluginLimits.defaultTimeout)
    }
    guard loadPlugins else { return }
    do {
      for record in try PluginRegistryFile.load(paths.registry).plugins {
        do {
          try register(record, in: session.registry)
        } catch {
          session.err.write("kgsh: plugin \(record.name) not loaded: \(KgshError.describe(error))\n")
        }
      }
    } catch {
      session.err.write("kgsh: \(KgshError.describe(error))\n")
    }
    discover(session)
  }

  /// The limits from the session's settings (`set plugin-timeout SECONDS`).
  func limits(_ session: Session) -> PluginLimits {
    let timeout = Double(session.settings["plugin-timeout"] ?? "") ?? PluginLimits.defaultTimeout
    return PluginLimits(timeout: timeout > 0 ? timeout : PluginLimits.defaultTimeout)
  }

  // MARK: Running

  /// Sends a `run` to the named plugin, starting it if needed.
  func run(plugin name: String, _ request: WireMessage, session: Session) throws -> Output {
    guard let record = records[name] else {
      throw KgshError.notFound("plugin", name, hint: "plugin list shows the added plugins")
    }
    stopIdle(except: name)
    let limits = limits(session)
    let connection: PluginConnection
    if let running = connections[name], running.process.isRunning {
      connection = running
    } else {
      connections[name] = nil
      connection = try PluginConnection(
        path: record.path, name: name, log: logPath(name), limits: limits, kgshVersion: kgshVersion)
      connections[name] = connection
    }
    do {
      return try connection.run(request, session: session, limits: limits)
    } catch {
      if !connection.process.isRunning { connections[name] = nil }
      throw error
    }
  }

  /// Whether the plugin has a running process.
  func isRunning(_ name: String) -> Bool {
    (connections[name]?.process.isRunning ?? false) || (mcpConnections[name]?.process.isRunning ?? false)
  }

  /// Stops one plugin's process, if it runs.
  func stop(_ name: String) {
    connections[name]?.close()
    connections[name] = nil
    mcpConnections[name]?.close()
    mcpConnections[name] = nil
  }

  /// Stops every plugin process (at the end of the session).
  public func stopAll() {
    for name in Array(connections.keys) + Array(mcpConnections.keys) { stop(name) }
  }

  private func stopIdle(except name: String) {
    let now = ContinuousClock.now
    let idle = Duration.milliseconds(Int(idleSeconds * 1000))
    for (other, connection) in connections where other != name && now - connection.lastUsed > idle {
      stop(other)
    }
    for (other, connection) in mcpConnections where other != name && now - connection.lastUsed > idle {
      stop(other)
    }
  }

  func logPath(_ name: String) -> String? {
    try? FileManager.default.createDirectory(atPath: paths.logs, withIntermediateDirectories: true)
    return paths.logs + "/\(name).log"
  }
}
