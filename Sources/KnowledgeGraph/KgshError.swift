/// The one error type of kgsh: every module throws it, every front end (REPL, scripts, `-c`,
/// plugins, MCP) shows it the same way, as one line that says what was wrong and what to do.
///
/// ```swift
/// throw KgshError.notFound("entity", "Zhipuu", suggestions: ["Zhipu AI"])
/// // no entity named 'Zhipuu'; did you mean 'Zhipu AI'?
/// ```
///
/// The wording of each kind of mistake lives here, once: commands call the static
/// constructors below instead of writing their own sentences for the same mistake.
public struct KgshError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What went wrong, as a closed set (front ends map kinds to exit codes and protocol errors).
  public enum Kind: String, Sendable, CaseIterable {
    /// The command line does not fit the command: unknown command or flag, missing argument.
    case usage
    /// Shell text that cannot be parsed (quotes, brackets, a malformed statement).
    case syntax
    /// A name, id, column, file or variable that does not exist.
    case notFound
    /// A name that fits several things.
    case ambiguous
    /// A value of the wrong form or out of range (a date, a number, a currency, a choice).
    case invalidValue
    /// Reading or writing a file failed, or the knowledge base file is damaged.
    case io
    /// Ctrl-C stopped the command; nothing was changed.
    case interrupted
    /// The `timeout` setting stopped the command; nothing was changed.
    case timedOut
    /// A write to a knowledge base open read-only, or from a command that declares no writes.
    case readOnly
    /// Another process holds the knowledge base's write lock.
    case busy
    /// A third-party plugin failed (crashed, hung, answered garbage, or reported an error).
    case plugin
    /// A query that is not valid Cypher (found before anything runs; TCK: SemanticError).
    case semantic
    /// A query failed while running (TCK: TypeError, ArgumentError, ...; see `code`).
    case runtime
    /// Syntax kgsh recognises but does not implement.
    case unsupported
    /// A check the user wrote did not hold (`assert`, `expect`), or facts that disagree.
    case failed
  }

  public var kind: Kind
  /// One line saying what was wrong.
  public var message: String
  /// What the user can do about it.
  public var hint: String?
  /// Close alternatives to what the user typed (only close ones: see `Names.suggestions`).
  public var suggestions: [String]
  /// A finer code where a standard defines one (the openCypher TCK's error detail).
  public var code: String?
  /// Where in a query or text the problem is, when known.
  public var position: SourcePosition?

  public init(
    _ kind: Kind, _ message: String, hint: String? = nil, suggestions: [String] = [], code: String? = nil,
    at position: SourcePosition? = nil
  ) {
    self.kind = kind
    self.message = message
    self.hint = hint
    self.suggestions = suggestions
    self.code = code
    self.position = position
  }

  /// The one-line text: `message (position); hint`.
  public var description: String {
    var text: String
    switch kind {
    case .syntax, .semantic, .runtime: text = "\(kind.rawValue) error: \(message)"
    case .unsupported: text = "unsupported: \(message)"
    default: text = message
    }
    if let position { text += " (\(position))" }
    if let hint { text += "; \(hint)" }
    return text
  }

  /// The one-line text of any error, never a Swift type name.
  public static func describe(_ error: any Error) -> String {
    if let e = error as? KgshError { return e.description }
    if let text = SystemErrorText.of(error) { return text }
    if let e = error as? any CustomStringConvertible { return e.description }
    return "unexpected error (\(error.localizedDescription)); please report it"
  }
}

/// A position in a text, 1-based.
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
  public var description: String { "line \(line), column \(column)" }
}

// MARK: - The wording of each kind of mistake, once.

extension KgshError {
  /// "did you mean 'show'?" when there is a close suggestion, else the fallback hint.
  static func hint(_ suggestions: [String], quote: String = "'", or fallback: String?) -> String? {
    suggestions.first.map { "did you mean \(quote)\($0)\(quote == "--" || quote == "$" ? "" : quote)?" }
      ?? fallback
  }

  /// `unknown command 'shwo'; did you mean 'show'?`
  public static func unknownCommand(_ name: String, suggestions: [String]) -> KgshError {
    KgshError(
      .usage, "unknown command '\(name)'", hint: hint(suggestions, or: "type help for the list of commands"),
      suggestions: suggestions)
  }

  /// `show: unknown flag --limt; did you mean --limit?`
  public static func unknownFlag(_ command: String, _ flag: String, suggestions: [String], usage: String)
    -> KgshError
  {
    KgshError(
      .usage, "\(command): unknown flag --\(flag)",
      hint: hint(suggestions, quote: "--", or: "usage: \(usage)"),
      suggestions: suggestions)
  }

  /// A command line that does not fit the command's usage.
  public static func usage(_ message: String, usage: String) -> KgshError {
    KgshError(.usage, message, hint: "usage: \(usage)")
  }

  /// `compare: --as-of takes a date like 2025-07 or 2025-07-01, not 'jan'`
  public static func invalidValue(
    _ command: String, _ what: String, expected: String, got: String, hint: String? = nil,
    suggestions: [String] = []
  ) -> KgshError {
    KgshError(
      .invalidValue, "\(command): \(what) takes \(expected), not '\(got)'",
      hint: hint ?? Self.hint(suggestions, or: nil), suggestions: suggestions)
  }

  /// `no entity named 'Zhipuu'; did you mean 'Zhipu AI'?`
  public static func notFound(_ what: String, _ name: String, suggestions: [String] = [], hint: String? = nil)
    -> KgshError
  {
    KgshError(
      .notFound, "no \(what) named '\(name)'", hint: Self.hint(suggestions, or: hint),
      suggestions: suggestions)
  }

  /// `'GLM' is ambiguous: GLM-4.5 (glm-4.5), GLM-4.6 (glm-4.6); use one of the keys in parentheses`
  public static func ambiguous(_ name: String, candidates: [String], hint: String) -> KgshError {
    KgshError(
      .ambiguous, "'\(name)' is ambiguous: \(candidates.joinedText(", "))", hint: hint,
      suggestions: candidates)
  }

  /// `unknown format 'jsn'; use one of table, json, ...`
  public static func unknownFormat(_ value: String, formats: [String]) -> KgshError {
    let near = Names.suggestions(for: value, among: formats, limit: 1)
    return KgshError(
      .invalidValue, "unknown format '\(value)'",
      hint: hint(near, or: "use one of \(formats.joinedText(", "))"), suggestions: near)
  }

  /// The knowledge base is open read-only.
  public static func readOnly(_ what: String) -> KgshError {
    KgshError(
      .readOnly, "\(what) changes the knowledge base, which is open read-only",
      hint: "run kgsh without --read-only")
  }

  /// Ctrl-C.
  public static let interrupted = KgshError(.interrupted, "interrupted", hint: "nothing was changed")

  /// The same error with another hint: `KgshError.interrupted.with(hint: "the rest was not run")`.
  public func with(hint: String) -> KgshError {
    var copy = self
    copy.hint = hint
    return copy
  }
}
