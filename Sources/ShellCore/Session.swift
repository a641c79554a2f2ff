import Foundation
import KnowledgeGraph
import Synchronization

/// Output formats the renderer knows.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// Box-drawn tables for people.
  case table
  /// One JSON document per invocation (several outputs become one array; see docs/OUTPUT.md).
  case json
  /// One compact JSON document per output, one per line.
  case jsonl
  case csv, tsv, markdown

  /// Whether a table's notes are printed with it: CSV, TSV and JSON hold only the data.
  public var showsNotes: Bool { self == .table || self == .markdown }

  /// The names, for help and errors.
  public static var names: [String] { allCases.map(\.rawValue) }

  /// The format a user named, in any case.
  /// - Throws: `KgshError.unknownFormat`, the one wording of that mistake.
  public static func named(_ text: String) throws -> OutputFormat {
    guard let format = OutputFormat(rawValue: text.lowercased()) else {
      throw KgshError.unknownFormat(text, formats: names)
    }
    return format
  }
}

/// Where rendered text goes: stdout, a file (`output FILE`) or a buffer (tests).
public protocol OutputSink: AnyObject {
  func write(_ text: String)
  /// Writes UTF-8 bytes (a rendered table): a file takes them as they are; other sinks get
  /// the text.
  func write(utf8 bytes: [UInt8])
  /// Why writes failed since the last call (`cannot write out.txt: no space left on
  /// device`), once; nil when every byte went out.
  func takeFailure() -> String?
}

extension OutputSink {
  public func write(utf8 bytes: [UInt8]) { write(String(decoding: bytes, as: UTF8.self)) }
  public func takeFailure() -> String? { nil }
}

/// Writes to a file descriptor; a closed pipe (EPIPE) ends the process quietly with status 0.
/// Any other failed write (a full disk) drops the bytes and is reported by `takeFailure`.
public final class FileDescriptorSink: OutputSink {
  let fd: Int32
  /// What the user calls the descriptor: "standard output", or the file `output` named.
  let name: String
  /// An object that owns the descriptor (a FileHandle), kept alive as long as the sink.
  let owner: AnyObject?
  public init(fd: Int32) {
    self.fd = fd
    self.name = fd == 1 ? "standard output" : fd == 2 ? "standard error" : "descriptor \(fd)"
    self.owner = nil
  }
  public init(fd: Int32, named name: String, keeping owner: AnyObject) {
    self.fd = fd
    self.name = name
    self.owner = owner
  }

  public func takeFailure() -> String? {
    WriteFailures.take(fd).map { "cannot write \(name): \($0)" }
  }
  public func write(_ text: String) {
    // From the string's own UTF-8 (no copy of a 60 KB card).
    var text = text
    text.withUTF8 { write($0) }
  }

  public func write(utf8 bytes: [UInt8]) { bytes.withUnsafeBufferPointer { write($0) } }

  private func write(_ bytes: UnsafeBufferPointer<UInt8>) {
    // Standard output may be collected (see `StandardOutput`); an error comes after it.
    if fd == 1, StandardOutput.collect(bytes) { return }
    if fd == 2 { StandardOutput.flush() }
    if !Self.writeAll(fd, bytes) { exit(0) }
  }

  /// Writes every byte, retrying after a signal; false when the reader went away (EPIPE).
  /// Other errors drop the bytes and are noted in `WriteFailures` for the shell to report.
  static func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        if errno == EPIPE { return false }
        WriteFailures.note(fd, errno)
        return true
      }
      offset += n
    }
    return true
  }
}

/// Collects output in memory (tests, `let x = command`).
public final class BufferSink: OutputSink {
  public private(set) var text = ""
  public init() {}
  public func write(_ text: String) { self.text += text }
}

/// The state of one shell session: the open knowledge base, the commands, variables,
/// the output format and where output goes.
public final class Session {
  public var store: KnowledgeStore {
    didSet { Interruption.watch(store) }
  }
  public let registry: CommandRegistry
  public var format: OutputFormat = .table
  /// While set (scripts, `-c`, piped input), JSON outputs are collected here and written as one
  /// document at the end (`Shell.finishJSON`), so a run with several outputs is still valid JSON.
  public var jsonBatch: [String]?
  public var variables: [String: Value] = [:]
  /// What every session starts with (`set` changes them).
  static let defaultSettings = [
    "on-error": "stop", "timer": "off", "timeout": "off", "layout": "auto", "wrap": "off", "pager": "on",
  ]
  public var settings = Session.defaultSettings {
    didSet { rendering = RenderSettings(settings) }
  }
  /// The settings every command's output reads, kept typed as `settings` changes: a lookup by
  /// name costs a string hash per setting per command.
  private(set) var rendering = RenderSettings(Session.defaultSettings)
  public var out: any OutputSink
  public var err: any OutputSink
  /// Whether stdout is a terminal (colour, box drawing width).
  public var isTerminal: Bool
  public var useColor: Bool
  /// Terminal width for tables, when known: measured from `screen` each time it is read
  /// (a resize shows in the next table), else the width the session was made with.
  public var width: Int? {
    get { screen?.size?.columns ?? fixedWidth }
    set { fixedWidth = newValue }
  }
  private var fixedWidth: Int?
  /// The terminal, measured before every render (set by the executable when interactive).
  public var screen: (any TerminalScreen)?
  /// Pages output taller than the terminal in interactive sessions (set by the executable).
  public var pager: (any Pager)?
  /// The sink that is the terminal: `output FILE` replaces `out`, and then nothing is
  /// fitted, coloured or paged.
  public private(set) var terminalOut: any OutputSink
  /// Where the knowledge base's built-in sources are, when known.
  public var knowledgeDirectory: String?
  /// The shell running this session (commands such as `source` and `let` run more text
  /// through it).
  public weak var shell: Shell?
  /// Plugin-owned state (caches, defaults), keyed by a string the plugin picks.
  public var extensions: [String: Any] = [:]
  /// Whether long commands draw a progress bar on stderr (a terminal, never in tests).
  public var showsProgress = false
  /// The columns pipelines produced, for completing `| sort COLUMN`.
  public var seenColumns = SeenColumns()
  /// History of statements run in this session, for `history`.
  public var history: [String] = []
  /// Completion values that plugins supply by name (`CompletionHint.dynamic(name)`),
  /// registered in the plugin's `setUp`; called with the word typed so far.
  public var completionProviders: [String: (Session, String) -> [String]] = [:]
  /// Commands that answer the next question about an entity, which plugins supply by name
  /// (registered in their `setUp`; `show` lists them under "see also"): each answers the
  /// command to type and what it shows, only when it would answer.
  public var seeAlso: [String: (Session, Node) -> [(command: String, shows: String)]] = [:]
  /// Indices into `history` of the statements that failed (`record` leaves them out).
  public var failedHistory: Set<Int> = []

  public init(
    store: KnowledgeStore, registry: CommandRegistry, out: any OutputSink = FileDescriptorSink(fd: 1),
    err: any OutputSink = FileDescriptorSink(fd: 2), isTerminal: Bool = false, width: Int? = nil
  ) {
    self.store = store
    self.registry = registry
    self.out = out
    self.terminalOut = out
    self.err = err
    self.isTerminal = isTerminal
    // NO_COLOR (no-color.org) and TERM=dumb: plain text, no escape codes.
    self.useColor = isTerminal && Environment.value("NO_COLOR") == nil && Environment.value("TERM") != "dumb"
    self.fixedWidth = width
    Interruption.watch(store)
  }

  /// The `timeout` setting in seconds (`set timeout 5s`, `--timeout 5s`), nil when off.
  public var timeout: Double? {
    get throws { try settings["timeout"].flatMap(Interruption.parseTimeout) }
  }

  /// Throws `KgshError.interrupted` when the user pressed Ctrl-C; call it in long loops.
  public func checkInterrupt() throws {
    if interruptFlag.load(ordering: .relaxed) { throw KgshError.interrupted }
  }

  /// A variable's value.
  /// - Throws: `KgshError` "undefined variable $NAME" with a did-you-mean or how to define it.
  public func variable(_ name: String) throws -> Value {
    guard let value = variables[name] else {
      let near = Names.suggestions(for: name, among: Array(variables.keys))
      throw KgshError(
        .notFound, "undefined variable $\(name)",
        hint: near.first.map { "did you mean $\($0)?" }
          ?? "define it with let \(name) = VALUE or --param \(name)=VALUE", suggestions: near)
    }
    return value
  }

  /// Writes `output` now, then throws `error`: a report (the rows an import rejected) that a
  /// person or a script sees before the command fails.
  public func reportThenFail(_ output: Output, _ error: KgshError) throws -> Never {
    let renderer = Renderer(format: format, width: isTerminal ? width : nil, color: useColor)
    out.write(renderer.render(output))
    throw error
  }

  /// Resolves a name to one entity or throws a helpful error (candidates, suggestions).
  public func resolve(_ name: String) throws -> Node {
    switch try store.resolve(name) {
    case .found(let node): return node
    case .ambiguous(let nodes): throw Self.ambiguous(name, nodes)
    case .notFound(let suggestions): throw try notFound(name, suggestions)
    }
  }

  /// The label a user typed, spelled as the knowledge base spells it (its case is forgiven),
  /// or an error that suggests the nearest labels. Every `--label` and `LABEL` goes through it.
  /// Chinese words for the labels of the default knowledge base (simplified and traditional).
  public static let labelWords: [String: String] = [
    "公司": "Company", "企业": "Company", "企業": "Company", "模型": "Model", "大模型": "Model",
    "投资者": "Investor", "投資者": "Investor", "投资方": "Investor", "投資方": "Investor", "人物": "Person",
    "人": "Person", "产品": "Product", "產品": "Product", "基金": "Fund", "实验室": "Lab", "實驗室": "Lab",
    "交易所": "Exchange", "国家": "Country", "國家": "Country", "事件": "Event", "套餐": "Plan",
    "政府": "Government", "组织": "Organization", "組織": "Organization", "平台": "Platform", "排名": "Ranking",
    "榜单": "Ranking", "榜單": "Ranking", "集团": "Group", "集團": "Group",
  ]

  public func resolveLabel(_ text: String) throws -> String {
    guard !Trim.spacesAndNewlines(text).isEmpty else {
      throw KgshError(.usage, "the label is empty", hint: "give a label, e.g. Company; labels lists them")
    }
    let known = try store.labelNames()
    if let match = known.first(where: { $0 == text })
      ?? known.first(where: { $0.lowercased() == text.lowercased() })
    {
      return match
    }
    // `list companies`, `list 公司`: a plural or a Chinese word for a label the store has.
    let lower = text.lowercased()
    let singular =
      lower.hasSuffix("ies") ? lower.dropLast(3) + "y" : lower.hasSuffix("s") ? String(lower.dropLast()) : nil
    if let word = singular ?? Self.labelWords[text],
      let match = known.first(where: { $0.lowercased() == word.lowercased() })
    {
      return match
    }
    throw KgshError.notFound(
      "label", text, suggestions: Names.suggestions(for: text, among: known), hint: "type labels to see them")
  }

  /// The id of the entity a name resolves to (`resolve` without reading the entity), with
  /// the same errors.
  public func resolveID(_ name: String) throws -> Int64 {
    switch try store.resolveID(name) {
    case .found(let id): return id
    case .ambiguous(let ids): throw Self.ambiguous(name, try ids.compactMap { try store.node(id: $0) })
    case .notFound(let suggestions): throw try notFound(name, suggestions)
    }
  }

  private static func ambiguous(_ name: String, _ nodes: [Node]) -> KgshError {
    KgshError.ambiguous(
      name, candidates: nodes.prefix(6).map { "\($0.name) (\($0.key))" },
      hint: "use one of the keys in parentheses")
  }

  private func notFound(_ name: String, _ suggestions: [String]) throws -> KgshError {
    guard !Trim.spacesAndNewlines(name).isEmpty else {
      return KgshError(.usage, "the entity name is empty", hint: "give a name or key, e.g. Zhipu")
    }
    // `show article`: the key of a source, not of an entity.
    if suggestions.isEmpty, try store.source(key: name) != nil {
      let key = Shell.quoteIfNeeded(name)
      return KgshError(
        .notFound, "no entity named '\(name)'",
        hint:
          "\(key) is a source: cite \(key) lists the facts and relations it supports, sources \(key) its title"
      )
    }
    // `show moonshot` after `entity retract moonshot`: say so, with the reason.
    if let last = try store.changes(about: name, limit: 1).first, last.kind == .retract,
      last.targetType == .entity, last.target == name
    {
      return KgshError(
        .notFound,
        "no entity named '\(name)': it was retracted (\(last.payload.field("reason") ?? "no reason given"))",
        hint:
          "history \(Shell.quoteIfNeeded(name)) lists its changes; undo takes a retraction back in the session that made it"
      )
    }
    // `show Company`, `neighbors INVESTS_IN`: a label or a relation type, not an entity.
    let lowered = name.lowercased()
    if let label = try store.labelNames().first(where: { $0.lowercased() == lowered }) {
      return KgshError(
        .notFound, "no entity named '\(name)'",
        hint:
          "\(label) is a label: list \(label) lists its entities, labels \(label) what is known about them")
    }
    // Typed as types are (FOUNDED, invests_in); `founded` is more likely a word to search for.
    if name == name.uppercased() || name.contains("_"),
      let type = try store.edgeTypes().first(where: { $0.lowercased() == lowered })
    {
      return KgshError(
        .notFound, "no entity named '\(name)'",
        hint:
          "\(type) is a relation type: relations --schema --type \(type) shows what it connects, "
          + "neighbors ENTITY --rel \(type) follows it from one entity")
    }
    // Names that match equally well are offered together, with the search that lists them all.
    if suggestions.count > 1 {
      let quoted = suggestions.map { "'\($0)'" }
      let listed = quoted.dropLast().joinedText(", ") + " or " + quoted.last!
      // Spellings a letter away (`智普`) are not what find lists; names that start alike are.
      let findLists = try !store.search(name, limit: 1).isEmpty
      return KgshError(
        .notFound, "no entity named '\(name)'",
        hint: "did you mean \(listed)?"
          + (findLists ? " find \(Shell.quoteIfNeeded(name)) lists every match" : ""),
        suggestions: suggestions)
    }
    return KgshError.notFound(
      "entity", name, suggestions: suggestions, hint: "try find \(Shell.quoteIfNeeded(name))")
  }
}

extension Session {
  /// A message for stderr as the terminal should show it: on a terminal of at least 40
  /// columns a long one breaks between words, not wherever the edge falls.
  public func fitted(_ message: String) -> String {
    guard isTerminal, let width, width >= 40 else { return message }
    return TextWrap.lines(message, width: width).joinedText("\n")
  }

  /// Writes a one-line diagnostic (`warning: ...`, `note: ...`) to stderr, fitted.
  public func diagnose(_ line: String) {
    err.write(fitted(TextWidth.sanitize(line)) + "\n")
  }
}
