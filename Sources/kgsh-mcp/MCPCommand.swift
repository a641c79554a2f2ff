import ArgumentParser
import BuiltInPlugins
import ExternalPlugins
import Foundation
import KnowledgeGraph
import MCPServer
import ShellCore

/// `kgsh mcp [--db PATH] [--allow-writes] [--team URL]`: serves the knowledge base to AI assistants over
/// the Model Context Protocol on stdio (README: "kgsh for AI assistants").
///
/// A program of its own, which `kgsh mcp` runs in its place: only it links the MCP SDK (and,
/// through the SDK's HTTP transports, libcurl), so a kgsh that is not serving MCP never
/// loads either at start.
struct MCPCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kgsh mcp",
    abstract: "Serve the knowledge base to AI assistants over the Model Context Protocol (stdio).",
    discussion: """
      Register it with an MCP client, e.g. claude mcp add kgsh -- kgsh mcp. The tools are the \
      reading commands (find, show, facts, cite, match, prices, ...) and schema; the knowledge \
      base is opened read-only unless --allow-writes, which also serves the authoring commands \
      (source add, fact add, link, ...) and records the client's name as the author. Only \
      protocol messages go to stdout; messages for people go to stderr.
      """)

  @Option(help: ArgumentHelp("Serve this knowledge base file instead of the default one.", valueName: "file"))
  var db: String?
  @ArgumentParser.Flag(
    help:
      "Never open the knowledge base for writing, not even to upgrade its schema or rebuild its built-in layer first."
  )
  var readOnly = false
  @ArgumentParser.Flag(
    help: "Also serve the authoring commands; writes are recorded under the client's name.")
  var allowWrites = false
  @Option(
    help:
      ArgumentHelp(
        "Keep up with this team knowledge base: pull at start and when teammates push, push what --allow-writes writes (default: KGSH_TEAM, or the team the base joined with team connect).",
        valueName: "url")
  ) var team: String?

  @Option(
    help:
      ArgumentHelp(
        "Interrupt a tool call that runs longer than this (5s, 500ms, 2m, or off); it is answered 'timed out'.",
        valueName: "duration"))
  var timeout = "30s"

  /// A server is started by an assistant, not a person: a knowledge base left by an older
  /// kgsh (a schema to upgrade, built-in knowledge to rebuild) is brought up to date through a
  /// writable open first, as the shell would at its start; tools are then served from a
  /// read-only connection. When the file cannot be opened for writing, the read-only open
  /// that follows says what is wrong.
  func upgradeBeforeServing() {
    (try? KnowledgeBaseFiles.openStore(db: db, readOnly: false))?.close()
  }

  func validate() throws {
    do { _ = try Interruption.parseTimeout(timeout) } catch {
      throw ValidationError(KgshError.describe(error))
    }
    if readOnly && allowWrites {
      throw ValidationError("--read-only and --allow-writes contradict each other; give one of them")
    }
    if readOnly && team != nil {
      throw ValidationError(
        "--read-only cannot keep up with a team: pulling writes the teammates' changes into the file; drop --read-only"
      )
    }
    if db == ":memory:" && !allowWrites {
      throw ValidationError("a :memory: knowledge base cannot be opened read-only; add --allow-writes")
    }
  }

  func run() throws {
    let session: Session
    let joined: MCPTeam?
    do {
      if !allowWrites && !readOnly { upgradeBeforeServing() }
      // A read-only server pulls first, through a connection of the team's own, so that the
      // first call already sees what teammates pushed (not with --read-only: pulling writes).
      let readOnlyTeam = allowWrites || readOnly ? nil : try MCPTeam.join(option: team, db: db, served: nil)
      let store = try KnowledgeBaseFiles.openStore(db: db, readOnly: !allowWrites)
      session = Session(store: store, registry: try BuiltIns.registry())
      let host = PluginHost(
        paths: .init(
          dataDirectory: KnowledgeBaseFiles.dataDirectory(),
          stateDirectory: KnowledgeBaseFiles.stateDirectory()),
        kgshVersion: KnowledgeBaseFiles.version)
      try BuiltIns.setUp(session, host: host, loadPlugins: false)
      joined = allowWrites ? try MCPTeam.join(option: team, db: db, served: session) : readOnlyTeam
    } catch {
      let message = "kgsh mcp: " + TextWidth.sanitize(KgshError.describe(error)) + "\n"
      FileHandle.standardError.write(Data(message.utf8))
      throw ExitCode(1)
    }
    defer {
      joined?.close()
      session.store.close()
    }
    MCPFrontDoor.serve(
      session: session, allowWrites: allowWrites, version: KnowledgeBaseFiles.version,
      timeout: try? Interruption.parseTimeout(timeout), hooks: joined?.hooks ?? CallHooks())
  }
}
