/// The commands of the shell itself: help, format, plugins, quit.
public enum CorePlugin {
  public static let plugin = Plugin(
    name: "core", version: "1.0.0", summary: "The shell's own commands",
    commands: [HelpCommand(), FormatCommand(), PluginsCommand(), QuitCommand()],
    setUp: { session in session.completionProviders[HelpCommand.words] = HelpCommand.completions })
}
