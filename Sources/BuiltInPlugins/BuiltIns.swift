import ExternalPlugins
import GraphPlugin
import KnowledgeGraph
import KnowledgePlugin
import PricingPlugin
import QueryPlugin
import ScriptingPlugin
import ShellCore

/// The one list of plugins compiled into kgsh. If a plugin is not on this list, it is not
/// loaded. The executable registers exactly this list, and the example tests run every
/// example of every command on it.
public enum BuiltIns {
  public static let plugins: [Plugin] = [
    CorePlugin.plugin,
    KnowledgePlugin.plugin,
    AuthoringPlugin.plugin,
    GraphPlugin.plugin,
    QueryPlugin.plugin,
    PricingPlugin.plugin,
    ScriptingPlugin.plugin,
    ExternalPluginsPlugin.plugin,
  ]

  /// The plugins' own tables, for opening a knowledge base. A closure, not the key path
  /// `\.storage`: a key path is made at run time from its mangled pattern.
  public static var storageExtensions: [StoreExtension] { plugins.compactMap { $0.storage } }

  /// A registry with every built-in plugin.
  public static func registry() throws -> CommandRegistry {
    let registry = CommandRegistry()
    for plugin in plugins { try registry.register(plugin) }
    return registry
  }

  /// Runs each plugin's set-up and attaches the third-party plugin host to a session.
  public static func setUp(_ session: Session, host: PluginHost, loadPlugins: Bool) throws {
    for plugin in plugins { try plugin.setUp?(session) }
    host.install(in: session, loadPlugins: loadPlugins)
  }
}
