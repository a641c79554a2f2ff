import ShellCore

/// `set on-error continue|stop`, `set timer on|off`: session settings.
struct SetCommand: Command {
  static let choices: [String: [String]] = ["on-error": ["continue", "stop"], "timer": ["on", "off"]]

  let signature = Signature(
    "set", summary: "Show or change a setting (on-error, timer)",
    arguments: [
      Argument("setting", "on-error or timer", completion: .values(["on-error", "timer"]), optional: true),
      Argument(
        "value", "on-error: continue|stop; timer: on|off",
        completion: .values(["continue", "stop", "on", "off"]), optional: true),
    ],
    examples: [
      Example(
        "set on-error continue", "run on after a failed command in scripts", expect: "on-error: continue"),
      Example("set", "all settings", expect: "timer"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let name = call.argument(0)?.lowercased() else {
      return .record(session.settings.keys.sorted().map { ($0, .string(session.settings[$0]!)) })
    }
    guard let options = Self.choices[name] else {
      let near = Names.suggestions(for: name, among: Array(Self.choices.keys))
      throw ShellError(
        "set: unknown setting '\(name)'",
        hint: near.first.map { "did you mean \($0)?" } ?? "settings: on-error, timer")
    }
    guard let value = call.argument(1)?.lowercased() else {
      return .message("\(name): \(session.settings[name] ?? "")")
    }
    guard options.contains(value) else {
      throw ShellError("set \(name): must be \(options.joined(separator: " or ")), not '\(value)'")
    }
    session.settings[name] = value
    return .message("\(name): \(value)")
  }
}
