import Dispatch
import Foundation
import KnowledgeGraph
import ShellCore

/// Runs tool calls against one shell session, one at a time: the MCP server may receive
/// calls concurrently, and they queue here (a session and its store are not shared
/// between threads).
///
/// ```swift
/// let runner = ToolRunner(session: session, allowWrites: false)
/// let answer = await runner.call("show", ["entity": .string("Zhipu")])
/// ```
public final class ToolRunner: @unchecked Sendable {
  let session: Session
  public let allowWrites: Bool
  public let tools: [ToolDefinition]
  private let queue = DispatchQueue(label: "kgsh.mcp.calls")
  private let cancellations = Cancellations()
  /// What runs around each call on the calls' queue (kgsh-mcp's team pulls and pushes).
  public var hooks = CallHooks()
  /// Seconds a call may run before it is interrupted and answered "timed out" (nil: no limit).
  public var timeout: Double?

  /// - Parameter allowWrites: serve the authoring commands too. Without it the session's
  ///   store must be open read-only: SQLite then refuses every write, whatever a query says.
  public init(session: Session, allowWrites: Bool) {
    self.session = session
    self.allowWrites = allowWrites
    self.tools =
      ToolCatalog.tools(session.registry, allowWrites: allowWrites) + [ToolCatalog.schemaDefinition]
  }

  /// Runs one call on the session's queue. `request` is its JSON-RPC id, by which the
  /// client may cancel it (`cancel`).
  public func call(_ name: String, _ arguments: [String: Value], request: String? = nil) async -> ToolAnswer {
    await withCheckedContinuation { continuation in
      queue.async {
        guard self.cancellations.start(request) else {
          return continuation.resume(
            returning: .failure(KgshError.interrupted.with(hint: "cancelled by the client before it ran")))
        }
        defer { self.cancellations.finish() }
        self.hooks.beforeCall()
        continuation.resume(returning: self.callNow(name, arguments))
      }
    }
  }

  /// The client cancelled request `id` (`notifications/cancelled`): a running call is
  /// interrupted (its transaction rolled back), a queued one never runs.
  public func cancel(_ id: String) {
    cancellations.cancel(id)
  }

  /// The schema document (labels, relation types, predicates, sources with counts).
  public func schema() async -> ToolAnswer {
    await call(ToolCatalog.schemaTool, [:])
  }

  /// Runs one call on the calling thread (tests; the server goes through `call`).
  public func callNow(_ name: String, _ arguments: [String: Value]) -> ToolAnswer {
    guard let tool = tools.first(where: { $0.name == name }) else {
      let near = Names.suggestions(for: name, among: tools.map(\.name), limit: 1)
      let hidden = ToolCatalog.writeCommands.map(ToolCatalog.toolName).contains(name)
      return .failure(
        KgshError(
          .notFound, "no tool named '\(name)'",
          hint: hidden
            ? "\(name) changes the knowledge base; kgsh mcp serves it with --allow-writes"
            : near.first.map { "did you mean '\($0)'?" } ?? "tools/list shows the tools"))
    }
    if tool.name == ToolCatalog.schemaTool {
      if let name = arguments.keys.sorted().first(where: { $0 != ToolCatalog.rowsArgument }) {
        return .failure(
          KgshError(
            .usage, "schema: unknown argument '\(name)'",
            hint: "schema takes only \(ToolCatalog.rowsArgument)"))
      }
      do {
        let rows = try ToolArguments.rowLimit(arguments, tool: tool.name)
        let document = try SchemaSummary.document(session.store, sources: rows)
        return ToolAnswer(structured: document, text: "", isError: false).withText()
      } catch {
        return .failure(error)
      }
    }
    return run(tool, arguments)
  }

  private func run(_ tool: ToolDefinition, _ arguments: [String: Value]) -> ToolAnswer {
    guard let command = session.registry.command(commandName(tool, arguments)) else {
      return .failure(KgshError(.notFound, "the command \(tool.command) is not registered"))
    }
    var rawText: String?  // a query's text as the command reads it, for the positions of its errors
    do {
      try refuseWritingStatement(tool, arguments)
      let rows = try ToolArguments.rowLimit(arguments, tool: tool.name)
      let call = try ToolArguments.call(arguments, for: command.signature, tool: tool.name)
      if command.signature.takesRawText { rawText = call.rawText }
      // Read-only: no guard of ours, the read-only connection refuses any write. With
      // --allow-writes: the shell's rule, a command writes only when it declares it.
      let guardName = allowWrites && !command.writes(call) ? command.signature.name : nil
      // What the command warns about on stderr (an unknown label, a comparison of text with
      // a date) belongs to the answer: the assistant never sees the server's stderr.
      let terminalErr = session.err
      let warnings = BufferSink()
      session.err = warnings
      let output: Output
      do {
        defer { session.err = terminalErr }
        output = try runLimited { try command.run(call, session, refusingWritesAs: guardName) }
      }
      if allowWrites && command.writes(call) { hooks.afterWrites() }
      return ToolResult.answer(output, rows: rows, signature: command.signature)
        .adding(warnings: warnings.text.split(separator: "\n").map(String.init))
    } catch let error as KgshError where error.kind == .readOnly && !allowWrites {
      return .failure(
        error.with(
          hint: "kgsh mcp serves the knowledge base read-only; start it with --allow-writes to change it"))
    } catch var error as KgshError {
      // A query error's line and column are counted in the query the client sent.
      if let position = error.position, let rawText,
        case .string(let query)? = arguments[ToolCatalog.queryArgument]
      {
        error.position = ToolArguments.position(position, of: rawText, in: query)
      }
      return .failure(error)
    } catch {
      return .failure(error)
    }
  }
}

extension ToolRunner {
  /// The command a call runs: its tool's, or for `match`, the reading clause the query starts
  /// with (`OPTIONAL MATCH`, `UNWIND`, `WITH`, `RETURN`, `CALL`), each a command in the shell.
  func commandName(_ tool: ToolDefinition, _ arguments: [String: Value]) -> String {
    guard tool.command == "match", let first = ToolArguments.leadingKeyword(arguments),
      ToolCatalog.readingClauses.contains(first), session.registry.command(first) != nil
    else { return tool.command }
    return first
  }

  /// A `match` call whose query starts with CREATE, MERGE, DELETE, SET or REMOVE: say where
  /// such a statement goes, rather than a syntax error at a column of the query.
  func refuseWritingStatement(_ tool: ToolDefinition, _ arguments: [String: Value]) throws {
    guard tool.command == "match", let first = ToolArguments.leadingKeyword(arguments),
      ToolCatalog.writingClauses.contains(first)
    else { return }
    throw KgshError(
      .usage, "match: a statement that starts with \(first.uppercased()) changes the knowledge base",
      hint: !allowWrites
        ? "kgsh mcp serves the knowledge base read-only; start it with --allow-writes to change it"
        : first == "create"
          ? "run it with the create tool"
          : "find what to change first: MATCH (n {key: 'x'}) \(first.uppercased()) ...")
  }
}

/// Which request runs, and which were cancelled before they ran.
final class Cancellations: @unchecked Sendable {
  private let lock = NSLock()
  private var running: String?
  private var cancelled = Set<String>()

  /// Marks `id` running; false when it was cancelled already.
  func start(_ id: String?) -> Bool {
    lock.withLock {
      guard let id else { return true }
      if cancelled.remove(id) != nil { return false }
      running = id
      return true
    }
  }

  /// The running call ended; an interrupt meant for it must not reach the next one.
  func finish() {
    lock.withLock {
      if running != nil { interruptFlag.store(false, ordering: .relaxed) }
      running = nil
    }
  }

  /// Interrupts `id` when it is running (under the lock, so the interrupt cannot outlive
  /// it), else remembers it so that it never starts.
  func cancel(_ id: String) {
    lock.withLock {
      if running == id { return Interruption.interrupt() }
      if cancelled.count > 10_000 { cancelled.removeAll() }  // ids of calls long answered
      cancelled.insert(id)
    }
  }
}

/// What kgsh-mcp does around tool calls: with a team, pull what teammates pushed before a
/// call and push what a call wrote. Both run on the calls' queue, one call at a time.
public struct CallHooks {
  public var beforeCall: () -> Void
  public var afterWrites: () -> Void

  public init(beforeCall: @escaping () -> Void = {}, afterWrites: @escaping () -> Void = {}) {
    self.beforeCall = beforeCall
    self.afterWrites = afterWrites
  }
}

extension ToolRunner {
  /// Runs a call under the server's `timeout`: a query that runs too long is interrupted
  /// (SQLite's statement and kgsh's own loops), its transaction rolled back.
  func runLimited<T>(_ body: () throws -> T) throws -> T {
    guard let timeout else { return try body() }
    Interruption.watch(session.store)
    return try Interruption.limit(
      timeout,
      hint:
        "nothing was changed; narrow the call (max_rows, a label, fewer hops) or start kgsh mcp with a larger --timeout"
    ) { try body() }
  }
}

extension ToolAnswer {
  /// The structured document as compact JSON text (for clients that read text only).
  func withText() -> ToolAnswer {
    var answer = self
    answer.text = structured.map { JSON.encode($0) } ?? ""
    return answer
  }
}
