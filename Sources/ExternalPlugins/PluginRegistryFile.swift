import Foundation
import KnowledgeGraph
import PluginProtocol
import ShellCore

/// One added plugin as recorded in `plugins.json`: where it is and what it declared, so
/// help and completion never need to start it.
public struct PluginRecord: Codable, Sendable, Equatable {
  public var name: String
  public var path: String
  public var version: String
  public var `protocol`: String
  public var features: [String]
  public var commands: [WireSignature]
  /// Found in the auto-discovery folder rather than added with `plugin add`.
  public var discovered: Bool?
  /// An MCP server added with `plugin add --mcp` (its protocol is MCP's, not kgsh's).
  public var mcp: MCPServerRecord?

  public init(
    name: String, path: String, version: String, protocol: String, features: [String],
    commands: [WireSignature],
    discovered: Bool? = nil, mcp: MCPServerRecord? = nil
  ) {
    self.mcp = mcp
    self.name = name
    self.path = path
    self.version = version
    self.protocol = `protocol`
    self.features = features
    self.commands = commands
    self.discovered = discovered
  }
}

/// The registry file `$XDG_DATA_HOME/kgsh/plugins.json`: the added plugins and their signatures.
public struct PluginRegistryFile: Codable, Sendable, Equatable {
  /// The file format's version (not the protocol's).
  public var format = 1
  public var plugins: [PluginRecord] = []

  public init(plugins: [PluginRecord] = []) { self.plugins = plugins }

  /// Reads the file; a missing file is an empty registry.
  /// - Throws: `KgshError` naming the file when it is not a registry.
  public static func load(_ path: String) throws -> PluginRegistryFile {
    guard let data = FileManager.default.contents(atPath: path) else { return PluginRegistryFile() }
    do {
      return try JSONDecoder().decode(PluginRegistryFile.self, from: data)
    } catch {
      throw KgshError(
        .io, "the plugin registry \(path) is damaged",
        hint: "fix it or delete it and add the plugins again with plugin add")
    }
  }

  /// Writes the file atomically, creating its folder.
  public func save(_ path: String) throws {
    let url = URL(fileURLWithPath: path)
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      try encoder.encode(self).write(to: url, options: .atomic)
    } catch {
      throw KgshError(
        .io, "cannot write the plugin registry \(path)", hint: "check that its folder is writable")
    }
  }

  /// The record of a plugin by name (case-insensitive).
  public func record(named name: String) -> PluginRecord? {
    plugins.first { $0.name.lowercased() == name.lowercased() }
  }
}
