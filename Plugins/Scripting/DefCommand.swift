import ShellCore

/// `def NAME(PARAM, ...) { COMMANDS }`: defines a command from other commands.
///
/// Inside the body, `$PARAM` is the argument passed for it; the output of the body's last
/// command is the defined command's output, so it works in pipelines too.
struct DefCommand: Command {
  let signature = Signature(
    "def", summary: "Define a command from other commands: def NAME(A, B) { ... }",
    help: """
      The body runs with each parameter bound as a variable. The new command appears in help,
      completion and plugins (as user-defined, with the file it came from). Redefining a
      user command replaces it; a built-in command cannot be redefined.
      Definitions in the init file, ~/.config/kgsh/init.kgsh ($XDG_CONFIG_HOME/kgsh/init.kgsh),
      are there in every interactive session; kgsh --init FILE runs another file, also with -c.
      """,
    examples: [
      Example("def card(who) { show $who }", "define card", expect: "defined card(who)")
    ],
    takesRawText: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let text = call.rawText.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let open = text.firstIndex(of: "("), let close = text.firstIndex(of: ")"), open < close,
      let braceOpen = text[close...].firstIndex(of: "{"), text.hasSuffix("}")
    else {
      throw ShellError(
        "def: expected NAME(PARAM, ...) { COMMANDS }", hint: "e.g. def card(who) { show $who }")
    }
    let name = text[..<open].trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
      throw ShellError("def: '\(name)' is not a valid command name", hint: "use letters, digits, - and _")
    }
    let params = text[text.index(after: open)..<close].split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    let body = String(text[text.index(after: braceOpen)..<text.index(before: text.endIndex)])
    let origin = Shell.of(session)?.origins.last(where: { !$0.isEmpty && $0 != "-c" }) ?? "the session"
    if let existing = session.registry.owner(of: name),
      session.registry.plugins.contains(where: { $0.name == existing })
    {
      throw ShellError(
        "def: '\(name)' is a built-in command of plugin \(existing)", hint: "pick another name")
    }
    _ = try Shell.of(session)?.parser.parse(body)  // syntax errors surface now, not at first use
    session.registry.define(
      UserCommand(name: name, params: params, body: body, origin: origin), owner: "user (\(origin))")
    return .message("defined \(name)(\(params.joined(separator: ", ")))")
  }
}

/// A command defined with `def`.
struct UserCommand: Command {
  let name: String
  let params: [String]
  let body: String
  let origin: String

  var signature: Signature {
    Signature(
      name, summary: "user-defined in \(origin): { \(body.trimmingCharacters(in: .whitespacesAndNewlines)) }",
      arguments: params.map { Argument($0, "parameter \($0)", completion: .entity) })
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let shell = Shell.of(session) else { return .empty }
    let depth = session.extensions["scripting.def-depth"] as? Int ?? 0
    guard depth < 32 else {
      throw ShellError(
        "\(name): user commands nested more than 32 levels deep",
        hint: "check the definition for endless recursion")
    }
    session.extensions["scripting.def-depth"] = depth + 1
    defer { session.extensions["scripting.def-depth"] = depth }
    let saved = params.map { session.variables[$0] }
    defer { for (p, v) in zip(params, saved) { session.variables[p] = v } }
    for (i, p) in params.enumerated() { session.variables[p] = call.argumentValues[i] }
    let statements = try shell.parser.parse(body)
    var output: Output = .empty
    for (i, statement) in statements.enumerated() {
      if i < statements.count - 1 {
        try shell.execute(statement)
      } else {
        var format = session.format
        output = try shell.evaluate(statement, format: &format)
      }
    }
    return output
  }
}
