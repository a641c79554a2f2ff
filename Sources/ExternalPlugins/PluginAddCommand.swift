import Foundation
import KnowledgeGraph
import ShellCore

/// `plugin add PATH` (a kgsh plugin) or `plugin add --mcp -- COMMAND ARGS...` (an MCP
/// server): starts the program once, records its commands and loads them.
struct PluginAddCommand: Command {
  static let path = Param<[String]>.arguments(
    "path", .file, "the plugin's executable; with --mcp, the command that starts the server and its arguments"
  )
  static let mcp = Param.toggle("mcp", "the program is an MCP server (stdio): its tools become commands")
  static let name: Param<String?> = .option(
    "name", .text, "with --mcp: the plugin's name, the first word of its commands (default: the server's)")
  let signature = Signature(
    "plugin add", summary: "Add a third-party plugin program or an MCP server (see docs/PLUGINS.md)",
    parameters: [path.spec, mcp.spec, name.spec],
    help: """
      The program is started once to read its commands, which are recorded in
      $XDG_DATA_HOME/kgsh/plugins.json: help and completion then work without starting it.
      It runs again on first use and stays running for the session. A command name already
      taken by a built-in or another plugin is refused.

      With --mcp the program is a Model Context Protocol server (stdio), given as the words
      after --, e.g. plugin add --mcp -- python3 server.py. Each of its tools becomes the
      command NAME TOOL, with a flag per argument of its input schema, its description as
      help, and its structured result as a table or record.
      """,
    examples: [
      Example(
        "plugin add Plugins/Examples/python/kgsh-plugin-news; plugin list | select plugin version commands",
        "add the Python example plugin (from the kgsh sources)")
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let host = PluginHost.of(session) else {
      throw KgshError(
        .unsupported, "plugins are not available in this session", hint: "run kgsh itself to use plugins")
    }
    let words = call[Self.path]
    if call[Self.mcp] { return try addMCP(words, name: call[Self.name], host: host, session: session) }
    guard words.count == 1 else {
      throw KgshError(
        .usage, "plugin add: give one program, not \(words.count) words",
        hint: "an MCP server with arguments is added with plugin add --mcp -- COMMAND ARGS...")
    }
    let path = Self.absolute(words[0])
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw KgshError(
        .notFound, "plugin add: no file \(path)", hint: "give the path of the plugin's executable")
    }
    guard !isDirectory.boolValue else {
      throw KgshError(
        .invalidValue, "plugin add: \(path) is a folder",
        hint: "give the path of the plugin's executable in it")
    }
    guard FileManager.default.isExecutableFile(atPath: path) else {
      throw KgshError(.invalidValue, "plugin add: \(path) is not executable", hint: "chmod +x \(path)")
    }
    return try add(try host.inspect(path: path, session: session), host: host, session: session)
  }

  /// `plugin add --mcp -- COMMAND ARGS...`.
  func addMCP(_ words: [String], name: String?, host: PluginHost, session: Session) throws -> Output {
    guard let program = PluginHost.program(words[0]) else {
      throw KgshError(
        .notFound, "plugin add: no program \(words[0])",
        hint: "give the command that starts the MCP server, e.g. plugin add --mcp -- python3 server.py")
    }
    if let name, !SignatureMapping.isWord(Substring(name)) {
      throw KgshError(
        .invalidValue, "plugin add: '\(name)' cannot name a plugin", hint: "use letters, digits, - and _")
    }
    // A script named relative to here is recorded by its absolute path: kgsh may start it from elsewhere.
    let arguments = words.dropFirst().map {
      !$0.hasPrefix("/") && !$0.hasPrefix("-") && FileManager.default.fileExists(atPath: $0)
        ? Self.absolute($0) : $0
    }
    let record = try host.inspectMCP(path: program, arguments: arguments, name: name, session: session)
    return try add(record, host: host, session: session)
  }

  /// Records and registers a plugin that was inspected.
  func add(_ record: PluginRecord, host: PluginHost, session: Session) throws -> Output {
    var file = try PluginRegistryFile.load(host.paths.registry)
    if let existing = file.record(named: record.name) {
      throw KgshError(
        .invalidValue, "plugin \(record.name) is already added (from \(existing.path))",
        hint: "plugin reload \(record.name) re-reads it; plugin remove \(record.name) removes it")
    }
    try host.register(record, in: session.registry)
    file.plugins.append(record)
    do {
      try file.save(host.paths.registry)
    } catch {
      host.unregister(record.name, from: session.registry)
      throw error
    }
    return .message(
      "added plugin \(record.name)\(record.version.isEmpty ? "" : " " + record.version) (protocol \(record.protocol)): "
        + record.commands.map(\.name).joinedText(", "))
  }

  static func absolute(_ path: String) -> String {
    let expanded = (path as NSString).expandingTildeInPath
    if expanded.hasPrefix("/") { return (expanded as NSString).standardizingPath }
    return ((FileManager.default.currentDirectoryPath + "/" + expanded) as NSString).standardizingPath
  }
}
