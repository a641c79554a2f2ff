import KnowledgeGraph

/// A shell command: one type in one file, declaring its signature and running a parsed call.
///
/// ```swift
/// struct Labels: Command {
///   let signature = Signature("labels", summary: "Node labels with counts")
///   func run(_ call: Call, _ session: Session) throws -> Output { ... }
/// }
/// ```
public protocol Command: Sendable {
  var signature: Signature { get }
  /// Runs the command. Throw `KgshError` for anything the user did wrong.
  func run(_ call: Call, _ session: Session) throws -> Output
  /// For raw-text commands: whether `text` (everything after the command word so far)
  /// is a complete statement, so the REPL and scripts know when to stop reading lines.
  func isComplete(_ text: String) -> Bool
  /// Whether this call may change the knowledge base. Only then can it write: the shell
  /// refuses it under --read-only, and otherwise the store refuses writes while a command
  /// that did not declare them runs. Defaults to `signature.writes`; a command whose
  /// writing depends on its input (`match ... create`) answers per call.
  func writes(_ call: Call) -> Bool
  /// A refusal that says more than the signature can, for words that do not fit it (an
  /// entity and a predicate where a fact id belongs), or nil for the usage error as it is.
  func refusal(forMisfit words: [String], _ session: Session) -> KgshError?
  /// For raw-text commands: the words of their language (keywords, function names, and for
  /// SQL the tables and columns) that Tab offers inside the text.
  func vocabulary(_ session: Session) -> [String]
}

extension Command {
  public func isComplete(_ text: String) -> Bool { true }
  public func writes(_ call: Call) -> Bool { signature.writes }
  public func refusal(forMisfit words: [String], _ session: Session) -> KgshError? { nil }
  public func vocabulary(_ session: Session) -> [String] { [] }

  /// Runs the command the way the shell and the MCP server both do: while it runs, a write
  /// is refused under `refusingWritesAs` (nil allows writes), and a command that does not
  /// declare writes sees one snapshot of the knowledge base (one read transaction). Nested
  /// commands set their own guard.
  public func run(_ call: Call, _ session: Session, refusingWritesAs name: String?) throws -> Output {
    let store = session.store
    let outer = store.writeGuard
    store.writeGuard = name
    defer { store.writeGuard = outer }
    if writes(call) { return try run(call, session) }
    return try store.snapshot { try run(call, session) }
  }
}

/// A group of commands compiled into kgsh, registered in the executable's one list.
public struct Plugin: Sendable {
  public var name: String
  public var version: String
  public var summary: String
  public var commands: [any Command]
  /// Where the plugin comes from: "built-in" (compiled in) or "external" (a separate program).
  public var origin: String
  /// Called once when the session starts (e.g. to register loaders); keep it cheap.
  public var setUp: (@Sendable (Session) throws -> Void)?
  /// The plugin's own tables (numbered migrations) and built-in layer, when it keeps data in
  /// the knowledge base; the session applies them when it opens the store.
  public var storage: StoreExtension?

  public init(
    name: String, version: String = "1.0.0", summary: String, commands: [any Command],
    origin: String = "built-in", setUp: (@Sendable (Session) throws -> Void)? = nil,
    storage: StoreExtension? = nil
  ) {
    self.storage = storage
    self.name = name
    self.origin = origin
    self.version = version
    self.summary = summary
    self.commands = commands
    self.setUp = setUp
  }
}
