import ShellCore

/// Scripting: variables, settings, assertions, `source`, and pipeline verbs over tables.
public enum ScriptingPlugin {
  public static let plugin = Plugin(
    name: "scripting", version: "1.0.0", summary: "Variables, scripts, assertions and pipeline verbs",
    commands: [
      LetCommand(), ParamsCommand(), EchoCommand(), PrintCommand(), SourceCommand(), SetCommand(),
      AssertCommand(), ExpectCommand(), WhereCommand(), SortCommand(), SelectCommand(), FirstCommand(),
      CountCommand(), UniqCommand(), SaveCommand(), ChartCommand(), HistoryCommand(), DefCommand(),
      OutputCommand(),
      RecordCommand(), TimerCommand(), ScratchCommand(),
    ])
}
