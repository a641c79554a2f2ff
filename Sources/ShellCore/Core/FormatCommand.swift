import KnowledgeGraph

/// `format [table|json|csv|tsv|markdown]`: show or set the session's output format.
struct FormatCommand: Command {
  static let format: Param<String?> = .optionalArgument(
    "format", .choice(OutputFormat.allCases.map(\.rawValue)), "the format to use from now on")
  let signature = Signature(
    "format", summary: "Show or set the output format", parameters: [format.spec],
    examples: [Example("format json", "print JSON from now on", expect: "format: json")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let name = call[Self.format] else { return .message("format: \(session.format.rawValue)") }
    guard let format = OutputFormat(rawValue: name) else {
      throw KgshError.unknownFormat(name, formats: OutputFormat.allCases.map(\.rawValue))
    }
    session.format = format
    return .message("format: \(format.rawValue)")
  }
}
