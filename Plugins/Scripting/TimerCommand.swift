import ShellCore

/// `timer on|off`: print each command's wall time after its output, like sqlite3's `.timer`.
struct TimerCommand: Command {
  static let state: Param<String?> = .optionalArgument("state", .choice(["on", "off"]), "on or off")
  let signature = Signature(
    "timer", summary: "timer on prints every command's wall time; timer off stops",
    parameters: [state.spec],
    examples: [Example("timer off", "stop printing times", expect: "timer: off")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    if let state = call[Self.state] {
      session.settings["timer"] = state
    }
    return .message("timer: \(session.settings["timer"] ?? "off")")
  }
}
