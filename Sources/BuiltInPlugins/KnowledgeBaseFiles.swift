import Foundation
import KnowledgeGraph
import ShellCore

/// Where kgsh keeps its files (XDG folders) and how it opens the knowledge base, shared by
/// the kgsh executable and kgsh-mcp (the MCP server, a program of its own so that kgsh
/// never loads the MCP SDK).
public enum KnowledgeBaseFiles {
  /// kgsh's version, shown by `kgsh --version` and told to MCP clients and plugins.
  public static let version = "0.1.0"

  public static func dataDirectory() -> String {
    if let xdg = Environment.value("XDG_DATA_HOME"), !xdg.isEmpty { return xdg + "/kgsh" }
    return (Environment.value("HOME") ?? NSHomeDirectory()) + "/.local/share/kgsh"
  }

  public static func configDirectory() -> String {
    if let xdg = Environment.value("XDG_CONFIG_HOME"), !xdg.isEmpty { return xdg + "/kgsh" }
    return (Environment.value("HOME") ?? NSHomeDirectory()) + "/.config/kgsh"
  }

  public static func stateDirectory() -> String {
    if let xdg = Environment.value("XDG_STATE_HOME"), !xdg.isEmpty { return xdg + "/kgsh" }
    return (Environment.value("HOME") ?? NSHomeDirectory()) + "/.local/state/kgsh"
  }

  /// Where the stamps of clean integrity checks are kept (see `KnowledgeStore.open`).
  public static func checkStamps() -> String { stateDirectory() + "/checked" }

  /// The name `openStore(db:readOnly:)`'s knowledge base will have (for a prompt shown
  /// before it is open).
  public static func storeName(db: String?) -> String {
    if db == ":memory:" { return KnowledgeStore.name(path: nil) }
    return KnowledgeStore.name(path: db ?? defaultPath())
  }

  /// The default knowledge base, built from Knowledge/.
  static func defaultPath() -> String { dataDirectory() + "/default.sqlite" }

  /// Opens `db` (`:memory:` for a scratch copy of the built-in knowledge), or the default
  /// knowledge base, building it from Knowledge/ when it is missing or out of date.
  /// - Throws: `KgshError` when the file cannot be opened or the Knowledge folder is missing.
  public static func openStore(db: String?, readOnly: Bool) throws -> KnowledgeStore {
    let store: KnowledgeStore
    let extensions = BuiltIns.storageExtensions
    if db == ":memory:" {
      let knowledge = KnowledgeLoader.locate()
      // A scratch knowledge base: built from the sources, gone at exit.
      store = try KnowledgeStore.inMemory(extensions: extensions)
      if let knowledge { try KnowledgeLoader.ensureBuilt(store, from: knowledge, extensions: extensions) }
    } else if let db {
      // A file of the user's: the built-in sources are not looked for, nor checked.
      store = try KnowledgeStore.open(
        path: db, readOnly: readOnly, extensions: extensions, checkStamps: checkStamps())
    } else {
      let knowledge = KnowledgeLoader.locate()
      try? FileManager.default.createDirectory(atPath: dataDirectory(), withIntermediateDirectories: true)
      let path = defaultPath()
      if !FileManager.default.fileExists(atPath: path) && readOnly {
        // Build it once writable, then reopen read-only.
        let builder = try KnowledgeStore.open(path: path, extensions: extensions)
        if let knowledge { try KnowledgeLoader.ensureBuilt(builder, from: knowledge, extensions: extensions) }
        builder.close()
      }
      store = try KnowledgeStore.open(
        path: path, readOnly: readOnly, extensions: extensions, checkStamps: checkStamps())
      if let knowledge, !readOnly {
        try KnowledgeLoader.ensureBuilt(store, from: knowledge, extensions: extensions)
      } else if knowledge == nil, try store.nodeCount() == 0 {
        throw KgshError(
          .notFound, "cannot find the Knowledge folder to build the default knowledge base",
          hint: "set KGSH_KNOWLEDGE to the Knowledge folder of the kgsh sources")
      }
    }
    return store
  }
}
