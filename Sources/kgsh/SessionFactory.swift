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
  static func dataDirectory() -> String { KnowledgeBaseFiles.dataDirectory() }
  static func configDirectory() -> String { KnowledgeBaseFiles.configDirectory() }
  static func stateDirectory() -> String { KnowledgeBaseFiles.stateDirectory() }

  /// Every built-in command, the team's included.
  static func registry() throws -> CommandRegistry {
    let registry = try BuiltIns.registry()
    try registry.register(TeamPlugin.plugin)
    return registry
  }

  static func make(
    db: String?, readOnly: Bool, interactive: Bool, plugins: Bool = true, registry: CommandRegistry? = nil
  ) throws -> Session {
    let store = try KnowledgeBaseFiles.openStore(db: db, readOnly: readOnly)
    let registry = try registry ?? Self.registry()
    let session = Session(
      store: store, registry: registry, isTerminal: interactive || isatty(1) == 1, width: Terminal.width())
    // The bar redraws its line with escape codes: not on a dumb terminal.
    session.showsProgress = isatty(2) == 1 && Environment.value("TERM") != "dumb"
    ProgressBar.reportGraphIndexBuilds(session)
    if session.isTerminal { session.screen = LiveScreen() }
    if interactive { session.pager = ExternalPager() }
    let host = PluginHost(
      paths: .init(dataDirectory: dataDirectory(), stateDirectory: stateDirectory()),
      kgshVersion: KgshCommand.version)
    try BuiltIns.setUp(session, host: host, loadPlugins: plugins)
    return session
  }
}
