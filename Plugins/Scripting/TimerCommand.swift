import ShellCore

/// `timer on|off`: print each command's wall time after its output, like sqlite3's `.timer`.
struct TimerCommand: Command {
  static let state: Param<String?> = .optionalArgument("state", .choice(["on", "off"]), "on or off")
  let signature = Signature(
    "timer", summary: "timer on prints every command's wall time; timer off stops",
    parameters: [state.spec],
    help: """
      The time runs from parsing the command's line to the end of its output (`Run Time: \
      0.034 ms`), as sqlite3's .timer counts preparing the SQL. Only each command's own time \
      is counted, not the shell's start.
      """,
    examples: [Example("timer off", "stop printing times", expect: "timer: off")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    if let state = call[Self.state] {
      session.settings["timer"] = state
    }
    return .message("timer: \(session.settings["timer"] ?? "off")")
  }
}
