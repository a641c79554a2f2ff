import Foundation
import KnowledgeGraph
import ShellCore

/// A shell over an in-memory (or given) store with buffered output, for tests.
///
/// ```swift
/// let t = try TestShell(plugins: [KnowledgePlugin.plugin])
/// XCTAssertTrue(t.run("stats"))
/// XCTAssertTrue(t.output.contains("entities"))
/// ```
public final class TestShell {
  public let shell: Shell
  public let out = BufferSink()
  public let err = BufferSink()
  public var session: Session { shell.session }

  /// Like kgsh, applies the plugins' migrations to the store; a store built from the
  /// repository's Knowledge folder also gets the plugins' built-in layers (built-in prices).
  public init(plugins: [Plugin], store: KnowledgeStore? = nil) throws {
    let store = try store ?? KnowledgeStore.inMemory()
    let extensions = plugins.compactMap(\.storage)
    try store.apply(extensions)
    if !extensions.isEmpty, !store.isReadOnly, try store.meta("builtin_hash") != nil {
      try KnowledgeLoader.ensureBuilt(store, from: Repository.knowledge, extensions: extensions)
    }
    let registry = CommandRegistry()
    let all =
      (plugins.contains(where: { $0.name == CorePlugin.plugin.name }) ? [] : [CorePlugin.plugin]) + plugins
    for plugin in all { try registry.register(plugin) }
    let session = Session(store: store, registry: registry, out: out, err: err)
    shell = Shell(session: session)
    for plugin in all { try plugin.setUp?(session) }
  }

  /// Runs text as a script from origin "test"; returns whether it succeeded.
  @discardableResult
  public func run(_ text: String) -> Bool { shell.run(text, origin: "test") }

  public var output: String { out.text }
  public var errors: String { err.text }
}

/// Paths of the repository, for tests that read Knowledge/, shell-scripts/ or ../shared.
public enum Repository {
  /// The package root (found from this file's path).
  public static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  /// `../shared` next to the repository, when present.
  public static var shared: URL? {
    let url = root.deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  /// The repository's Knowledge folder.
  public static var knowledge: String { root.appendingPathComponent("Knowledge").path }

  /// A store with the default knowledge base built from Knowledge/, shared by tests.
  public static func defaultStore() throws -> KnowledgeStore {
    let store = try KnowledgeStore.inMemory()
    try KnowledgeLoader.ensureBuilt(store, from: knowledge)
    return store
  }

  /// The debug kgsh binary built by `swift build --build-tests`.
  public static var kgsh: URL { root.appendingPathComponent(".build/debug/kgsh") }
}
