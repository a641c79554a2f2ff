import KnowledgeGraph

/// `format [table|json|csv|tsv|markdown]`: show or set the session's output format.
struct FormatCommand: Command {
  let signature = Signature(
    "format", summary: "Show or set the output format",
    arguments: [
      Argument(
        "format", "table, json, csv, tsv or markdown",
        completion: .values(OutputFormat.allCases.map(\.rawValue)), optional: true)
    ],
    examples: [Example("format json", "print JSON from now on")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let name = call.argument(0) else { return .message("format: \(session.format.rawValue)") }
    guard let format = OutputFormat(rawValue: name.lowercased()) else {
      throw ShellError("unknown format '\(name)'", hint: "use one of table, json, csv, tsv, markdown")
    }
    session.format = format
    return .message("format: \(format.rawValue)")
  }
}
