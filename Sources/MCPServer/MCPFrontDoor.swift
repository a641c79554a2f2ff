import Dispatch
import Foundation
import KnowledgeGraph
import MCP
import ShellCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `kgsh mcp`: the knowledge base served over the Model Context Protocol on stdio, with the
/// tools of `ToolCatalog` and the schema as the resource `kgsh://schema`.
///
/// ```swift
/// let session = try SessionFactory.make(db: nil, readOnly: true, interactive: false)
/// MCPFrontDoor.serve(session: session, allowWrites: false, version: "0.1.0", timeout: 30)  // until stdin ends
/// ```
public enum MCPFrontDoor {
  static let schemaURI = "kgsh://schema"

  /// Serves until the client closes stdin. Protocol messages are the only thing written to
  /// the real stdout: fd 1 is pointed at stderr first, so a stray print cannot corrupt them.
  /// - Parameter hooks: what runs around each tool call (a team's pulls and pushes).
  /// - Parameter timeout: seconds a call may run (nil: no limit).
  public static func serve(
    session: Session, allowWrites: Bool, version: String, timeout: Double?, hooks: CallHooks = CallHooks()
  ) {
    let protocolOut = dup(1)
    dup2(2, 1)
    session.out = FileDescriptorSink(fd: 2)
    session.isTerminal = false
    session.useColor = false
    let runner = ToolRunner(session: session, allowWrites: allowWrites)
    runner.hooks = hooks
    runner.timeout = timeout
    let done = DispatchSemaphore(value: 0)
    Task {
      do {
        let transport = LineTransport(
          input: 0, output: protocolOut, callHandler: { request in await answer(request, runner) },
          cancelHandler: { id in runner.cancel(id) })
        let server = try await start(runner, version: version, transport: transport)
        await server.waitUntilCompleted()
        // The input ended: answer the requests still running (a cancelled one may never be
        // answered, hence the bound) before exiting.
        let deadline = ContinuousClock.now + .seconds(120)
        while !transport.unanswered.isEmpty && ContinuousClock.now < deadline {
          try await Task.sleep(for: .milliseconds(5))
        }
      } catch {
        FileHandle.standardError.write(Data("kgsh mcp: \(KgshError.describe(error))\n".utf8))
      }
      done.signal()
    }
    done.wait()
  }

  static func start(_ runner: ToolRunner, version: String, transport: LineTransport) async throws -> Server {
    let server = Server(
      name: "kgsh", version: version, title: "kgsh knowledge base",
      instructions: instructions(allowWrites: runner.allowWrites),
      capabilities: .init(
        resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
    await server.withMethodHandler(ListTools.self) { _ in
      ListTools.Result(tools: runner.tools.map(tool))
    }
    await server.withMethodHandler(CallTool.self) { params in
      let arguments = (params.arguments ?? [:]).mapValues(WireValue.kgsh)
      return result(await runner.call(params.name, arguments))
    }
    await server.withMethodHandler(ListResources.self) { _ in
      ListResources.Result(resources: [
        Resource(
          name: "schema", uri: schemaURI,
          description:
            "Labels, relation types, fact predicates and sources of the knowledge base, with counts",
          mimeType: "application/json")
      ])
    }
    await server.withMethodHandler(ReadResource.self) { params in
      guard params.uri == schemaURI else {
        throw MCPError.invalidParams("no resource \(params.uri); the one resource is \(schemaURI)")
      }
      let answer = await runner.schema()
      if answer.isError { throw MCPError.internalError(answer.text) }
      return ReadResource.Result(contents: [.text(answer.text, uri: schemaURI, mimeType: "application/json")])
    }
    try await server.start(transport: transport) { client, _ in
      // Writes are recorded under the client's name (Claude Code, Cursor, ...).
      if runner.allowWrites { setenv("KGSH_AUTHOR", client.name, 1) }
    }
    return server
  }

  /// The response to a `tools/call` request, written with kgsh's JSON encoder (see
  /// `LineTransport`); nil for a request whose shape the SDK should judge.
  static func answer(_ request: [String: KnowledgeGraph.Value], _ runner: ToolRunner) async -> Data? {
    guard let id = request["id"], case .map(let params)? = request["params"],
      case .string(let name)? = params["name"]
    else { return nil }
    var arguments: [String: KnowledgeGraph.Value] = [:]
    switch params["arguments"] {
    case .map(let given)?: arguments = given
    case nil, .null?: break
    default: return nil
    }
    let answer = await runner.call(name, arguments, request: RequestLedger.key(id))
    var result: [String: KnowledgeGraph.Value] = [
      "content": .list([.map(["type": .string("text"), "text": .string(answer.text)])]),
      "isError": .bool(answer.isError),
    ]
    if let structured = answer.structured { result["structuredContent"] = structured }
    let response: KnowledgeGraph.Value = .map(["jsonrpc": .string("2.0"), "id": id, "result": .map(result)])
    return Data(JSON.encode(response).utf8)
  }

  static func tool(_ definition: ToolDefinition) -> Tool {
    Tool(
      name: definition.name, description: definition.description,
      inputSchema: WireValue.mcp(definition.inputSchema),
      annotations: .init(
        readOnlyHint: !definition.writes, destructiveHint: definition.writes ? false : nil,
        openWorldHint: false))
  }

  static func result(_ answer: ToolAnswer) -> CallTool.Result {
    CallTool.Result(
      content: [.text(text: answer.text, annotations: nil, _meta: nil)],
      structuredContent: answer.structured.map(WireValue.mcp), isError: answer.isError)
  }

  static func instructions(allowWrites: Bool) -> String {
    """
    kgsh is a sourced knowledge base about AI companies, labs, investors, models and prices. \
    Call schema first for the labels, relation types, predicates and sources. find resolves \
    names (Chinese and former names too); show gives an entity's card; facts and cite give \
    values with their sources and quotes; match runs read-only Cypher. Tables are cut at \
    max_rows (default \(ToolCatalog.defaultRows)) and say so.
    """
      + (allowWrites
        ? " Writes are enabled: every fact needs a source (source_add first) and a quote."
        : " The knowledge base is read-only.")
  }
}

/// JSON values between the SDK's `Value` and kgsh's.
enum WireValue {
  static func kgsh(_ value: MCP.Value) -> KnowledgeGraph.Value {
    switch value {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let n): return .int(Int64(n))
    case .double(let d): return .double(d)
    case .string(let s): return .string(s)
    case .data(_, let data): return .string(data.base64EncodedString())
    case .array(let items): return .list(items.map(kgsh))
    case .object(let fields): return .map(fields.mapValues(kgsh))
    }
  }

  static func mcp(_ value: KnowledgeGraph.Value) -> MCP.Value {
    switch value {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let n): return .int(Int(n))
    case .double(let d): return .double(d)
    case .decimal(let d): return .double(NSDecimalNumber(decimal: d).doubleValue)
    case .string(let s), .date(let s): return .string(s)
    case .list(let items): return .array(items.map(mcp))
    case .map(let fields): return .object(fields.mapValues(mcp))
    case .money, .entity:
      return (try? JSONDecoder().decode(MCP.Value.self, from: Data(JSON.encode(value).utf8))) ?? .null
    }
  }
}
