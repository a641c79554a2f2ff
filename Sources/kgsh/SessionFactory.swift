import BuiltInPlugins
import ExternalPlugins
import Foundation
import KnowledgeGraph
import LineEditor
import ShellCore
import Team

/// Opens the knowledge base (building the default one from Knowledge/ when needed) and
/// creates the session with every built-in plugin registered, then the third-party plugins
/// recorded in the plugin registry (unless `--no-plugins`).
enum SessionFactory {
  static func dataDirectory() -> String {
    if let xdg = Environment.value("XDG_DATA_HOME"), !xdg.isEmpty { return xdg + "/kgsh" }
    return (Environment.value("HOME") ?? NSHomeDirectory()) + "/.local/share/kgsh"
  }

  static func configDirectory() -> String {
    if let xdg = Environment.value("XDG_CONFIG_HOME"), !xdg.isEmpty { return xdg + "/kgsh" }
    return (Environment.value("HOME") ?? NSHomeDirectory()) + "/.config/kgsh"
  }

  static func stateDirectory() -> String {
    if let xdg = Environment.value("XDG_STATE_HOME"), !xdg.isEmpty { return xdg + "/kgsh" }
    return (Environment.value("HOME") ?? NSHomeDirectory()) + "/.local/state/kgsh"
  }

  static func make(db: String?, readOnly: Bool, interactive: Bool, plugins: Bool = true) throws -> Session {
    let store: KnowledgeStore
    let extensions = BuiltIns.plugins.compactMap(\.storage)
    if db == ":memory:" {
      let knowledge = KnowledgeLoader.locate()
      // A scratch knowledge base: built from the sources, gone at exit.
      store = try KnowledgeStore.inMemory(extensions: extensions)
      if let knowledge { try KnowledgeLoader.ensureBuilt(store, from: knowledge, extensions: extensions) }
    } else if let db {
      // A file of the user's: the built-in sources are not looked for, nor checked.
      store = try KnowledgeStore.open(path: db, readOnly: readOnly, extensions: extensions)
    } else {
      let knowledge = KnowledgeLoader.locate()
      let dir = dataDirectory()
      try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
      let path = dir + "/default.sqlite"
      if !FileManager.default.fileExists(atPath: path) && readOnly {
        // Build it once writable, then reopen read-only.
        let builder = try KnowledgeStore.open(path: path, extensions: extensions)
        if let knowledge { try KnowledgeLoader.ensureBuilt(builder, from: knowledge, extensions: extensions) }
        builder.close()
      }
      store = try KnowledgeStore.open(path: path, readOnly: readOnly, extensions: extensions)
      if let knowledge, !readOnly {
        try KnowledgeLoader.ensureBuilt(store, from: knowledge, extensions: extensions)
      } else if knowledge == nil, try store.nodeCount() == 0 {
        throw KgshError(
          .notFound, "cannot find the Knowledge folder to build the default knowledge base",
          hint: "set KGSH_KNOWLEDGE to the Knowledge folder of the kgsh sources")
      }
    }
    let registry = try BuiltIns.registry()
    try registry.register(TeamPlugin.plugin)
    let session = Session(
      store: store, registry: registry, isTerminal: interactive || isatty(1) == 1, width: Terminal.width())
    // The bar redraws its line with escape codes: not on a dumb terminal.
    session.showsProgress = isatty(2) == 1 && Environment.value("TERM") != "dumb"
    if session.isTerminal { session.screen = LiveScreen() }
    if interactive { session.pager = ExternalPager() }
    let host = PluginHost(
      paths: .init(dataDirectory: dataDirectory(), stateDirectory: stateDirectory()),
      kgshVersion: KgshCommand.version)
    try BuiltIns.setUp(session, host: host, loadPlugins: plugins)
    return session
  }
}
