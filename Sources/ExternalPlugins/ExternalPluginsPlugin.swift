import ShellCore

/// The built-in commands that manage third-party plugins.
public enum ExternalPluginsPlugin {
  public static let plugin = Plugin(
    name: "plugin-host", version: "1.0.0", summary: "Add, list, remove and reload third-party plugins",
    commands: [PluginAddCommand(), PluginListCommand(), PluginReloadCommand(), PluginRemoveCommand()])
}
