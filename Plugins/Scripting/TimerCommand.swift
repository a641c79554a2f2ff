import ShellCore

/// `timer on|off`: print each command's wall time after its output, like sqlite3's `.timer`.
struct TimerCommand: Command {
  let signature = Signature(
    "timer", summary: "timer on prints every command's wall time; timer off stops",
    arguments: [Argument("state", "on or off", completion: .values(["on", "off"]), optional: true)],
    examples: [Example("timer off", "stop printing times", expect: "timer: off")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    if let state = call.argument(0)?.lowercased() {
      guard state == "on" || state == "off" else { throw ShellError("timer takes on or off, not '\(state)'") }
      session.settings["timer"] = state
    }
    return .message("timer: \(session.settings["timer"] ?? "off")")
  }
}
