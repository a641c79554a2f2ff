import ExternalPlugins
import GraphPlugin
import KnowledgePlugin
import PricingPlugin
import QueryPlugin
import ScriptingPlugin
import ShellCore

/// The one list of plugins compiled into kgsh. If a plugin is not on this list, it is not
/// loaded.
let builtInPlugins: [Plugin] = [
  CorePlugin.plugin,
  KnowledgePlugin.plugin,
  GraphPlugin.plugin,
  QueryPlugin.plugin,
  PricingPlugin.plugin,
  ScriptingPlugin.plugin,
  ExternalPluginsPlugin.plugin,
]
