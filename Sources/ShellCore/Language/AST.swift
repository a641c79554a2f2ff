/// Where a piece of shell text starts: file (nil in the REPL), line and column, 1-based.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
  public var file: String?
  public var line: Int
  public var column: Int

  public init(file: String?, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `FILE:LINE:COLUMN`, or `LINE:COLUMN` without a file.
  public var description: String { (file.map { "\($0):" } ?? "") + "\(line):\(column)" }
}

/// A piece of a word: literal text, or a `$name` variable to expand at run time.
public enum WordPiece: Sendable, Equatable {
  case text(String)
  case variable(String)
}

/// One word of a command line, before variable expansion. Quoting is already removed;
/// a variable inside a word is kept as a piece so its value is never re-split.
public struct Word: Sendable, Equatable {
  public var pieces: [WordPiece]
  public var location: SourceLocation
  /// The word was quoted (so `--x` in quotes is not a flag).
  public var quoted: Bool
  /// The word as written, quotes and escapes included (for messages).
  public var source: String
  /// Character offsets of the word in the parsed text.
  var span: Range<Int> = 0..<0

  public init(pieces: [WordPiece], location: SourceLocation, quoted: Bool, source: String) {
    self.pieces = pieces
    self.location = location
    self.quoted = quoted
    self.source = source
  }

  /// Column (1-based) where the word starts in its line.
  public var column: Int { location.column }

  /// The literal text when the word has no variables.
  public var literal: String? {
    // A plain word (nearly every word) is one piece of text: no new string.
    if pieces.count == 1, case .text(let t) = pieces[0] { return t }
    var out = ""
    for piece in pieces {
      guard case .text(let t) = piece else { return nil }
      out += t
    }
    return out
  }

  /// The variable's name when the word is exactly one `$name`.
  public var variableName: String? {
    if pieces.count == 1, case .variable(let name) = pieces[0] { return name }
    return nil
  }
}

/// One stage of a pipeline: a command word and its arguments, or, for a raw-text command
/// (`match`, `sql`, ...), the command word and the balanced text after it.
public struct Stage: Sendable {
  public var words: [Word]
  /// The text after the command word, untouched, for raw-text commands; nil otherwise.
  public var rawText: String?
  public var location: SourceLocation
  /// Where `rawText` starts, so a position inside it (a Cypher syntax error's line and
  /// column) is reported where it is in the file.
  public var rawTextLocation: SourceLocation? = nil
  /// The stage as written.
  public var text: String

  /// The raw text after the command word ("" when the command takes words).
  public var rawRest: String { rawText ?? "" }
}

/// Stages joined by `|`.
public struct Pipeline: Sendable {
  public var stages: [Stage]
  public var location: SourceLocation
  /// The pipeline as written.
  public var text: String
}

/// `let NAME = VALUE`.
public struct Assignment: Sendable {
  public enum Value: Sendable {
    /// `[a, "b c", $x]`.
    case list([Word])
    /// One word (`42`, `"text"`, `$x`, `Zhipu`) or a command pipeline: which one is decided
    /// when it runs (a single word that names no command is text).
    case pipeline(Pipeline)
  }
  public var name: String
  public var value: Value
}

/// `def NAME(A, B) { BODY }`.
public struct Definition: Sendable {
  public var name: String
  public var parameters: [String]
  public var body: [Statement]
  /// The body as written, between the braces.
  public var bodyText: String
}

/// `assert A OP B`.
public struct Assertion: Sendable {
  public var left: [Word]
  public var op: String
  public var right: [Word]
}

/// `expect PIPELINE == VALUE | contains TEXT | rows N`.
public struct Expectation: Sendable {
  public var pipeline: Pipeline
  /// `==`, `contains`, `rows` or `fails`.
  public var op: String
  public var expected: [Word]
}

/// One statement of a script, REPL entry or def body.
public struct Statement: Sendable {
  public enum Kind: Sendable {
    case pipeline(Pipeline)
    case assignment(Assignment)
    case definition(Definition)
    case assertion(Assertion)
    case expectation(Expectation)
  }
  public var kind: Kind
  public var location: SourceLocation
  /// The statement as written.
  public var text: String

  public var line: Int { location.line }
  public var column: Int { location.column }

  /// The keyword of a language statement (`let`, `def`, `assert`, `expect`), nil for a pipeline.
  public var keyword: String? {
    switch kind {
    case .pipeline: return nil
    case .assignment: return "let"
    case .definition: return "def"
    case .assertion: return "assert"
    case .expectation: return "expect"
    }
  }

  /// The stages of a pipeline statement (empty for the other kinds).
  public var stages: [Stage] {
    if case .pipeline(let p) = kind { return p.stages }
    return []
  }
}

/// A mistake in shell text found before anything runs, with where it is.
public struct SyntaxError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public var hint: String?
  public var location: SourceLocation
  /// More text could complete the input (open quote, bracket, brace, trailing backslash).
  public var isIncomplete: Bool

  public init(_ message: String, hint: String? = nil, at location: SourceLocation, incomplete: Bool = false) {
    self.message = message
    self.hint = hint
    self.location = location
    self.isIncomplete = incomplete
  }

  public var description: String { hint.map { "\(message); \($0)" } ?? message }
}
