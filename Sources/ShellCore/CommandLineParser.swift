/// A piece of a word: literal text, or a `$name` variable to expand at run time.
public enum WordPiece: Sendable, Equatable {
  case text(String)
  case variable(String)
}

/// One word of a command line, before variable expansion. Quoting is already removed;
/// a variable inside a word is kept as a piece so its value is never re-split.
public struct Word: Sendable, Equatable {
  public var pieces: [WordPiece]
  /// Column (1-based) where the word starts in its line.
  public var column: Int
  /// The word was quoted (so `--x` in quotes is not a flag).
  public var quoted: Bool

  /// The literal text when the word has no variables.
  public var literal: String? {
    var out = ""
    for piece in pieces {
      guard case .text(let t) = piece else { return nil }
      out += t
    }
    return out
  }
}

/// One stage of a pipeline: a command word and its arguments.
public struct Stage: Sendable {
  public var words: [Word]
  /// The text after the command word, untouched (for raw-text commands such as `match`).
  public var rawRest: String
  public var line: Int
  public var column: Int
}

/// One statement: a pipeline of stages, with where it started.
public struct Statement: Sendable {
  public var stages: [Stage]
  public var text: String
  public var line: Int
  public var column: Int
}

/// Splits shell text into statements (`;` or newline), pipelines (`|`) and words, with
/// single and double quotes, backslash escapes, `#` comments and `$name` variables.
/// Neither `;` nor `|` splits inside quotes or brackets, so `match (a)-[:A|B]->(b)` survives.
public struct CommandLineParser {
  /// Decides whether a statement starting with a raw-text command is complete.
  public var rawTextCommand: (String) -> (any Command)?

  public init(rawTextCommand: @escaping (String) -> (any Command)? = { _ in nil }) {
    self.rawTextCommand = rawTextCommand
  }

  /// A statement's source text with where it begins.
  struct Chunk {
    var text: String
    var line: Int
    var column: Int
  }

  /// Whether `text` can be run as it is, or more lines are needed (open quote or bracket,
  /// trailing backslash, or an unfinished raw-text command).
  public func isComplete(_ text: String) -> Bool {
    var scanner = Scanner(text)
    let (chunks, open) = scanner.split(parser: self, atEnd: true)
    if open { return false }
    if let last = chunks.last, !rawComplete(last.text) { return false }
    return true
  }

  func rawComplete(_ text: String) -> Bool {
    let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
    let first = trimmed.prefix { !$0.isWhitespace }
    guard !first.isEmpty, let command = rawTextCommand(String(first).lowercased()) else { return true }
    let rest = String(trimmed.dropFirst(first.count))
    let stageEnd = Scanner.firstPipe(rest) ?? rest.endIndex
    return command.isComplete(String(rest[..<stageEnd]))
  }

  /// Parses text into statements.
  /// - Throws: `ShellError` for an unterminated quote or unbalanced bracket, with line and column.
  public func parse(_ text: String, firstLine: Int = 1) throws -> [Statement] {
    var scanner = Scanner(text)
    let (chunks, open) = scanner.split(parser: self, atEnd: true)
    if open, let problem = scanner.openProblem {
      throw ShellError(
        "\(problem.what) at line \(problem.line + firstLine - 1), column \(problem.column)",
        hint: problem.hint)
    }
    return try chunks.compactMap { chunk in
      let stagesText = Scanner.splitPipes(chunk.text)
      var stages: [Stage] = []
      for (offset, stageText) in stagesText {
        let (line, column) = Scanner.position(
          in: chunk.text, offset: offset, line: chunk.line, column: chunk.column)
        let (words, rest) = try Scanner.words(stageText, line: line + firstLine - 1, column: column)
        if words.isEmpty {
          if stagesText.count > 1 {
            throw ShellError(
              "empty command in a pipeline at line \(line + firstLine - 1)",
              hint: "put a command on each side of |")
          }
          continue
        }
        stages.append(Stage(words: words, rawRest: rest, line: line + firstLine - 1, column: column))
      }
      if stages.isEmpty { return nil }
      return Statement(
        stages: stages, text: chunk.text, line: chunk.line + firstLine - 1, column: chunk.column)
    }
  }
}
