import KnowledgeGraph
import ShellCore

/// A tool call's JSON arguments turned into the words of the shell's one binder
/// (`Call.bind`), so every value is checked by its declared type and every mistake is worded
/// exactly as in the shell.
///
/// ```swift
/// try ToolArguments.call(["entity": "Zhipu", "depth": 2], for: neighbors.signature, tool: "neighbors")
/// // binds like the shell line: neighbors Zhipu --depth 2
/// ```
enum ToolArguments {
  typealias Word = (text: String, value: Value, quoted: Bool)

  /// The bound call.
  /// - Throws: `KgshError` for an unknown argument, a value of the wrong shape, or whatever
  ///   the binder refuses (a missing argument, a value out of range).
  static func call(_ arguments: [String: Value], for signature: Signature, tool: String) throws -> Call {
    try checkNames(arguments, signature, tool: tool)
    if signature.takesRawText {
      let query =
        try arguments[ToolCatalog.queryArgument].map { try text($0, name: "query", tool: tool) } ?? ""
      guard !query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw KgshError(
          .usage, "\(tool): the query is empty",
          hint: "pass the statement in query, e.g. (n:Lab) return n.name")
      }
      return try Call.bind([], to: signature, rawText: dropLeadingKeyword(query, signature.name), input: nil)
    }
    var positionals: [Word] = []
    var options: [Word] = []
    var missing: String?
    for spec in signature.parameters where !ToolCatalog.hiddenParameters.contains(spec.name) {
      guard let value = arguments[spec.name], !value.isNull else {
        if !spec.isOption, missing == nil { missing = spec.name }
        continue
      }
      if spec.isOption {
        options += try optionWords(spec, value, tool: tool)
        continue
      }
      if let missing {
        throw KgshError(
          .usage, "\(tool): \(spec.name) is given but \(missing) is not", hint: "give \(missing) too")
      }
      let words = try positionalWords(spec, value, tool: tool)
      if words.count < spec.minimumCount {
        throw KgshError(
          .usage, "\(tool): \(spec.name) takes at least \(spec.minimumCount) values, got \(words.count)",
          hint: "pass a list, e.g. {\"\(spec.name)\": [\"...\", \"...\"]}")
      }
      positionals += words
    }
    if let missing, let spec = signature.parameters.first(where: { $0.name == missing }),
      case .positional(false, let variadic) = spec.role, !variadic || spec.minimumCount > 0
    {
      // Worded for a JSON caller: the shell's usage line (`show ENTITY [--section ...]`) is not.
      throw KgshError(
        .usage, "\(tool): the argument \(missing) is required",
        hint: "pass it, e.g. {\"\(missing)\": \"...\"}; \(spec.help)")
    }
    return try Call.bind(positionals + options, to: signature, rawText: "", input: nil)
  }

  /// The first word of a raw-text tool's query, lower-cased (`OPTIONAL MATCH ...` ->
  /// `optional`); nil when there is none.
  static func leadingKeyword(_ arguments: [String: Value]) -> String? {
    guard case .string(let query)? = arguments[ToolCatalog.queryArgument] else { return nil }
    let word = query.drop { $0.isWhitespace }.prefix { $0.isLetter }
    return word.isEmpty ? nil : word.lowercased()
  }

  /// Refuses argument names the tool does not take, suggesting a close one.
  static func checkNames(_ arguments: [String: Value], _ signature: Signature, tool: String) throws {
    var known = signature.parameters.map(\.name).filter { !ToolCatalog.hiddenParameters.contains($0) }
    if signature.takesRawText { known = [ToolCatalog.queryArgument] }
    known.append(ToolCatalog.rowsArgument)
    for name in arguments.keys.sorted() where !known.contains(name) {
      let near = Names.suggestions(for: name, among: known, limit: 1)
      throw KgshError(
        .usage, "\(tool): unknown argument '\(name)'",
        hint: near.first.map { "did you mean '\($0)'?" }
          ?? "its arguments are \(known.joinedText(", "))",
        suggestions: near)
    }
  }

  /// `--name VALUE` words (a toggle: `--name` when true; a repeatable option: once per item).
  static func optionWords(_ spec: ParameterSpec, _ value: Value, tool: String) throws -> [Word] {
    let flag: Word = ("--" + spec.name, .string("--" + spec.name), false)
    if spec.isToggle {
      guard case .bool(let on) = value else {
        throw KgshError(
          .invalidValue, "\(tool): \(spec.name) expects true or false, got \(JSON.encode(value))")
      }
      return on ? [flag] : []
    }
    if spec.repeatable, case .list(let items) = value {
      return try items.flatMap { [flag, word(try text($0, name: spec.name, tool: tool))] }
    }
    return [flag, word(try text(value, name: spec.name, tool: tool))]
  }

  /// The words of a positional parameter (a variadic one takes a list or one value).
  static func positionalWords(_ spec: ParameterSpec, _ value: Value, tool: String) throws -> [Word] {
    if case .positional(_, true) = spec.role, case .list(let items) = value {
      return try items.map { word(try text($0, name: spec.name, tool: tool)) }
    }
    return [word(try text(value, name: spec.name, tool: tool))]
  }

  /// A value as the binder reads it: quoted, so it is never taken for a flag.
  static func word(_ text: String) -> Word { (text, .string(text), true) }

  /// The text of a scalar argument.
  /// - Throws: `KgshError` for a list or object where one value is expected.
  static func text(_ value: Value, name: String, tool: String) throws -> String {
    switch value {
    case .string(let s): return s
    case .int(let n): return String(n)
    case .double(let d): return Value.format(double: d)
    case .decimal(let d): return PlainDecimal.text(d)
    case .bool(let b): return b ? "true" : "false"
    default:
      throw KgshError(
        .invalidValue, "\(tool): \(name) takes one value, not \(JSON.encode(value))",
        hint: "pass a string or a number")
    }
  }

  /// `MATCH (n) ...` -> `(n) ...` for `match`: the command word is implied, but an assistant
  /// may well write the whole statement.
  /// A position counted in `rawText` (a suffix of `query`, as `dropLeadingKeyword` leaves
  /// it), counted in `query` instead.
  static func position(_ p: SourcePosition, of rawText: String, in query: String) -> SourcePosition {
    guard query.hasSuffix(rawText) else { return p }
    let before = query.dropLast(rawText.count)
    let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
    let column = p.line == 1 ? p.column + (lines.last?.count ?? 0) : p.column
    return SourcePosition(line: p.line + lines.count - 1, column: column)
  }

  static func dropLeadingKeyword(_ query: String, _ keyword: String) -> String {
    let trimmed = query.drop { $0.isWhitespace }
    guard trimmed.count > keyword.count,
      trimmed.prefix(keyword.count).lowercased() == keyword.lowercased(),
      let next = trimmed.dropFirst(keyword.count).first, next.isWhitespace || next == "("
    else { return query }
    return String(trimmed.dropFirst(keyword.count))
  }

  /// The row limit of a call: `max_rows` when given and valid, else the default.
  /// - Throws: `KgshError` for a value that is not a whole number in range.
  static func rowLimit(_ arguments: [String: Value], tool: String) throws -> Int {
    guard let value = arguments[ToolCatalog.rowsArgument], !value.isNull else {
      return ToolCatalog.defaultRows
    }
    let type = ParameterType.integer(min: 1, max: ToolCatalog.maximumRows)
    guard
      case .int(let n)? = try? type.parse(
        text(value, name: ToolCatalog.rowsArgument, tool: tool), name: "", command: "")
    else {
      // The argument exists only over MCP: worded as a JSON key, not as a shell flag.
      throw KgshError(
        .invalidValue,
        "\(tool): \(ToolCatalog.rowsArgument) takes \(type.expectation), not \(JSON.encode(value))",
        hint: "e.g. {\"\(ToolCatalog.rowsArgument)\": \(ToolCatalog.defaultRows)}")
    }
    return Int(n)
  }
}
