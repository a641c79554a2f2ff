import KnowledgeGraph

/// The parser of the shell language: turns text (a line, a multi-line REPL entry, a script)
/// into statements whose every node knows its file, line and column.
///
/// Statements are separated by newlines and `;`; stages by `|`; neither splits inside
/// quotes or brackets, so `match (a)-[:A|B]->(b)` survives. `let`, `def`, `assert` and
/// `expect` are statements of their own; a raw-text command (`match`, `sql`, ...) takes the
/// balanced text after its name whole.
///
/// ```swift
/// let statements = try CommandLineParser().parse("find GLM | count", file: "a.kgsh")
/// ```
public struct CommandLineParser {
  /// The raw-text command (`Signature.takesRawText`) a word names, if any; its
  /// `isComplete(_:)` says whether a newline ends its text.
  public var rawTextCommand: (String) -> (any Command)?

  /// The words that start a language statement rather than a command call.
  public static let keywords: Set<String> = ["let", "def", "assert", "expect"]
  /// The bytes a keyword statement can start with: a keyword's first letter, or a backslash
  /// (an escaped letter spells the same word). Any other line is a pipeline without reading
  /// its first word twice.
  static let keywordStarts = Set(keywords.compactMap(\.utf8.first)).union([UInt8(ascii: "\\")])

  public init(rawTextCommand: @escaping (String) -> (any Command)? = { _ in nil }) {
    self.rawTextCommand = rawTextCommand
  }

  /// Parses text into statements; nothing is run.
  /// - Parameters:
  ///   - file: the origin named in locations (nil in the REPL).
  ///   - firstLine: the line number of the text's first line.
  /// - Throws: `SyntaxError` with the location of the mistake itself.
  public func parse(_ text: String, file: String? = nil, firstLine: Int = 1) throws -> [Statement] {
    var state = ParseState(lexer: Lexer(text, file: file, firstLine: firstLine), parser: self)
    return try state.statements()
  }

  /// The statements of `text` when it can run as it is; nil when more lines are needed (as
  /// `isComplete` decides), so a script read line by line is parsed once per statement.
  /// - Throws: `SyntaxError` when the text is complete but wrong.
  public func parseIfComplete(_ text: String, file: String?, firstLine: Int) throws -> [Statement]? {
    var state = ParseState(lexer: Lexer(text, file: file, firstLine: firstLine), parser: self)
    do {
      let statements = try state.statements()
      return state.unfinished ? nil : statements
    } catch let error as SyntaxError where error.isIncomplete {
      return nil
    }
  }

  /// Whether `text` can run as it is, or more lines are needed (open quote, bracket or
  /// def body, trailing backslash, unfinished raw text). Text with another syntax error
  /// is complete: running it reports the error.
  public func isComplete(_ text: String) -> Bool {
    var state = ParseState(lexer: Lexer(text, file: nil), parser: self)
    do {
      _ = try state.statements()
      return !state.unfinished
    } catch let error as SyntaxError {
      return !error.isIncomplete
    } catch {
      return true
    }
  }

  /// The stage being typed at the end of `text`, for completion: its finished words, the
  /// word under the cursor ("" after a blank) and whether that word is in an open quote.
  public static func completionWords(_ text: String) -> (words: [String], current: String, quoted: Bool) {
    let c = completionContext(text)
    return (c.words, c.current, c.quoted)
  }

  /// `completionWords` plus how many characters the current word takes as written (quotes
  /// and backslash escapes included), so completion replaces exactly what was typed.
  /// `piped` holds the words of the statement's earlier stages (`find GLM` in `find GLM | sort `).
  public static func completionContext(_ text: String) -> (
    words: [String], current: String, quoted: Bool, written: Int, piped: [[String]]
  ) {
    var lexer = Lexer(text, file: nil)
    lexer.tolerant = true
    var words: [String] = []
    var piped: [[String]] = []
    while true {
      lexer.skipBlanks()
      guard let c = lexer.peek() else { return (words, "", false, 0, piped) }
      if lexer.brackets.isEmpty && ((c == "|" && !lexer.continuesLabel()) || c == ";" || c == "\n") {
        lexer.advance()
        piped = c == "|" ? piped + [words] : []
        words = []
        continue
      }
      let next: Word?
      do { next = try lexer.word() } catch { return (words, "", false, 0, piped) }
      guard let word = next else {
        lexer.advance()
        continue
      }
      let text = word.literal ?? word.source
      if lexer.atEnd { return (words, text, lexer.endedInQuote, word.source.count, piped) }
      words.append(text)
    }
  }
}

/// The parser's position and what it found so far.
struct ParseState {
  var lexer: Lexer
  let parser: CommandLineParser
  /// A raw-text command at the end of the input is not complete yet.
  var unfinished = false

  static let maxBlockDepth = 64

  func syntax(_ message: String, hint: String? = nil, incomplete: Bool = false) -> SyntaxError {
    SyntaxError(message, hint: hint, at: lexer.location, incomplete: incomplete)
  }

  /// Statements up to the end of the input, or of the enclosing def body.
  mutating func statements() throws -> [Statement] {
    var result: [Statement] = []
    while true {
      lexer.skipBlanks(newlines: true)
      guard let c = lexer.peek() else { break }
      if c == ";" {
        lexer.advance()
        continue
      }
      if c == "}" && lexer.blockDepth > 0 { break }
      result.append(try statement())
      lexer.skipBlanks()
      guard let next = lexer.peek() else { break }
      if next == ";" || next == "\n" {
        lexer.advance()
      } else if !(next == "}" && lexer.blockDepth > 0) {
        throw syntax(
          "unexpected '\(next)' after the statement", hint: "end the statement with ; or a new line first")
      }
    }
    if let open = lexer.unclosedBracket() { throw open }
    return result
  }

  mutating func statement() throws -> Statement {
    let start = lexer.location
    let startIndex = lexer.index
    let saved = lexer
    let kind: Statement.Kind
    var text: String? = nil
    if let code = lexer.code(), CommandLineParser.keywordStarts.contains(code),
      let first = try lexer.word(), !first.quoted, let keyword = first.literal,
      CommandLineParser.keywords.contains(keyword), !asksForHelp()
    {
      lexer.skipBlanks()
      switch keyword {
      case "let": kind = .assignment(try assignment())
      case "def": kind = .definition(try definition())
      case "assert": kind = .assertion(try assertion(at: start))
      default: kind = .expectation(try expectation(at: start))
      }
    } else {
      lexer = saved
      let pipeline = try pipeline()
      text = pipeline.text  // the same span of the source
      kind = .pipeline(pipeline)
    }
    return Statement(kind: kind, location: start, text: text ?? trimmed(from: startIndex))
  }

  /// `let --help`: the keyword is called as a command, for its help.
  func asksForHelp() -> Bool {
    var probe = lexer
    probe.skipBlanks()
    guard let word = try? probe.word() else { return false }
    return word.literal == "--help" && !word.quoted
  }

  func trimmed(from start: Int, to end: Int? = nil) -> String {
    Trim.spacesAndNewlines(lexer.text(from: start, to: end ?? lexer.index))
  }

  /// Stages joined by `|`. With `wordsOnly`, raw-text commands are read as words too.
  mutating func pipeline(wordsOnly: Bool = false) throws -> Pipeline {
    let start = lexer.location
    let startIndex = lexer.index
    var stages: [Stage] = []
    var lastSpan = 0..<0  // where the last stage's text starts and ends
    while true {
      lexer.skipBlanks()
      let stageStart = lexer.index
      stages.append(try stage(wordsOnly: wordsOnly))
      lastSpan = stageStart..<lexer.index
      lexer.skipBlanks()
      guard lexer.peek() == "|", lexer.brackets.isEmpty else { break }
      lexer.advance()
    }
    // One stage over the same span (nearly every statement) has the same text.
    let text =
      stages.count == 1 && lastSpan == startIndex..<lexer.index ? stages[0].text : trimmed(from: startIndex)
    return Pipeline(stages: stages, location: start, text: text)
  }

  mutating func stage(wordsOnly: Bool) throws -> Stage {
    let start = lexer.location
    let startIndex = lexer.index
    guard let command = try lexer.word() else {
      throw syntax("empty command in a pipeline", hint: "put a command on each side of |")
    }
    var words = [command]
    var raw: String? = nil
    var rawStart: SourceLocation? = nil
    if !wordsOnly, let rawCommand = rawTextCommand(command) {
      lexer.skipBlanks()
      rawStart = lexer.location
      let (text, complete) = try lexer.rawText(isComplete: rawCommand.isComplete)
      if !complete { unfinished = true }
      raw = text
    } else {
      while true {
        lexer.skipBlanks()
        guard let word = try lexer.word() else { break }
        words.append(word)
      }
    }
    return Stage(
      words: words, rawText: raw, location: start, rawTextLocation: rawStart, text: trimmed(from: startIndex))
  }

  func rawTextCommand(_ word: Word) -> (any Command)? {
    guard !word.quoted, let name = word.literal else { return nil }
    return parser.rawTextCommand(name.lowercased())
  }
}
