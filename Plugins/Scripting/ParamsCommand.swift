import ShellCore

/// `params`: the session's variables.
struct ParamsCommand: Command {
  let signature = Signature(
    "params", aliases: ["vars"], summary: "List the variables (from let and --param)",
    examples: [Example("let n = 3; params", "variables with their values")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let names = session.variables.keys.sorted()
    return .table(
      Table(
        columns: ["name", "value"],
        rows: names.map { [.string($0), .string(ScriptValues.summary(session.variables[$0]!))] },
        notes: names.isEmpty ? ["no variables; set one with let NAME = VALUE"] : []))
  }
}
