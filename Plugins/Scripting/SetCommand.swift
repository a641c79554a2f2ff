import KnowledgeGraph
import ShellCore

/// `set on-error continue|stop`, `set timer on|off`, `set timeout 5s|off`,
/// `set plugin-timeout SECONDS`, `set layout auto|table|vertical`, `set wrap N|off`,
/// `set pager on|off`: session settings.
struct SetCommand: Command {
  static let choices: [String: [String]] = [
    "on-error": ["continue", "stop"], "timer": ["on", "off"], "timeout": ["off", "5s", "30s", "2m"],
    "layout": ["auto", "table", "vertical"], "pager": ["on", "off"], "wrap": ["off", "1", "2", "3", "5"],
  ]
  /// Settings that take a positive number.
  static let numbers = ["plugin-timeout"]

  static let setting: Param<String?> = .optionalArgument(
    "setting", .choice(["layout", "on-error", "pager", "plugin-timeout", "timeout", "timer", "wrap"]),
    "the setting to show or change")
  static let value: Param<String?> = .optionalArgument(
    "value", .text,
    "on-error: continue|stop; timer: on|off; timeout: a duration (5s, 500ms, 2m) or off; "
      + "plugin-timeout: seconds a plugin may take to answer; layout: auto|table|vertical; "
      + "wrap: lines per table cell or off; pager: on|off")
  let signature = Signature(
    "set",
    summary: "Show or change a setting (on-error, timer, timeout, plugin-timeout, layout, wrap, pager)",
    parameters: [setting.spec, value.spec],
    examples: [
      Example(
        "set on-error continue", "run on after a failed command in scripts", expect: "on-error: continue"),
      Example(
        "set timeout 30s", "stop any statement that runs longer than 30 seconds", expect: "timeout: 30s"),
      Example("set", "all settings", expect: "timer"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let name = call[Self.setting] else {
      return .record(session.settings.keys.sorted().map { ($0, .string(session.settings[$0]!)) })
    }
    guard let value = call[Self.value]?.lowercased() else {
      return .message("\(name): \(session.settings[name] ?? "")")
    }
    if name == "timeout" {
      let seconds: Double?
      do { seconds = try Interruption.parseTimeout(value) } catch {
        throw KgshError.invalidValue(
          "set timeout", "VALUE", expected: "a duration like 5s, 500ms or 2m (at most a day), or off",
          got: value,
          hint: "e.g. set timeout 30s")
      }
      session.settings[name] = seconds.map(Interruption.format) ?? "off"
      return .message("timeout: \(session.settings[name]!)")
    }
    if name == "wrap", value != "off" {
      guard let lines = Int(value), lines > 0 else {
        throw KgshError.invalidValue(
          "set wrap", "VALUE", expected: "a number of lines per cell or off", got: value,
          hint: "e.g. set wrap 3")
      }
      session.settings[name] = String(lines)
      return .message("wrap: \(lines)")
    }
    if Self.numbers.contains(name) {
      guard let number = Double(value), number > 0, number.isFinite else {
        throw KgshError.invalidValue(
          "set \(name)", "VALUE", expected: "a positive number of seconds", got: value,
          hint: "e.g. set \(name) 5")
      }
      session.settings[name] = value
      return .message("\(name): \(value)")
    }
    let options = Self.choices[name]!
    guard options.contains(value) else {
      throw KgshError.invalidValue(
        "set \(name)", "VALUE", expected: options.joinedText(" or "), got: value,
        suggestions: Names.suggestions(for: value, among: options, limit: 1))
    }
    session.settings[name] = value
    return .message("\(name): \(value)")
  }
}
