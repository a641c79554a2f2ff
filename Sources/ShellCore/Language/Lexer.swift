/// The one character-level scanner of the shell language: blanks, comments, line
/// continuations, words (quotes, escapes, `$variables`) and raw-text spans. The parser
/// drives it; completion uses it in tolerant mode.
struct Lexer {
  let chars: [Character]
  /// The text's UTF-8 bytes, and where each character starts in them (one more entry for the
  /// end): a span of characters becomes a string by copying bytes, not character by character.
  let utf8: [UInt8]
  let offsets: [Int]
  let file: String?
  var index = 0
  var line: Int
  var column = 1
  /// Brackets opened inside the words of the current statement: `|`, `;` and newlines
  /// inside them do not end anything.
  var brackets: [(Character, SourceLocation)] = []
  /// How many `def` bodies enclose the current position (`}` at depth 0 ends one).
  var blockDepth = 0
  /// Tolerant mode (completion): an open quote or trailing backslash ends the word quietly.
  var tolerant = false
  /// Set in tolerant mode when the last word ended inside an open quote.
  var endedInQuote = false

  init(_ text: String, file: String?, firstLine: Int = 1) {
    chars = Array(text)
    utf8 = Array(text.utf8)
    var offsets: [Int] = []
    offsets.reserveCapacity(chars.count + 1)
    var position = 0
    for c in chars {
      offsets.append(position)
      position += c.utf8.count
    }
    offsets.append(position)
    self.offsets = offsets
    self.file = file
    line = firstLine
  }

  var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }
  var atEnd: Bool { index >= chars.count }
  func peek(_ offset: Int = 0) -> Character? {
    index + offset < chars.count ? chars[index + offset] : nil
  }

  mutating func advance() {
    if chars[index] == "\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
    index += 1
  }

  func text(from start: Int, to end: Int) -> String {
    String(decoding: utf8[offsets[start]..<offsets[end]], as: UTF8.self)
  }

  /// Skips spaces, tabs, `\`-newline continuations and `#` comments, and newlines too when
  /// `newlines` is true or a bracket is open.
  mutating func skipBlanks(newlines: Bool = false) {
    while let c = peek() {
      if c == " " || c == "\t" || c == "\r" || (c == "\n" && (newlines || !brackets.isEmpty)) {
        advance()
      } else if c == "\\" && peek(1) == "\n" {
        advance()
        advance()
      } else if c == "#" {
        while let d = peek(), d != "\n" { advance() }
      } else {
        return
      }
    }
  }

  /// Whether `c` ends a word here (blanks, and outside brackets `|`, `;`, a block's `}`).
  func endsWord(_ c: Character, _ stops: Set<Character>) -> Bool {
    if c == " " || c == "\t" || c == "\n" || c == "\r" { return true }
    if c == "\\" && peek(1) == "\n" { return true }
    if stops.contains(c) { return true }
    guard brackets.isEmpty else { return false }
    return c == "|" || c == ";" || (c == "}" && blockDepth > 0)
  }

  /// Reads one word; nil at a separator or the end.
  /// - Throws: `SyntaxError` for an unterminated quote, `${` or a backslash at the end.
  mutating func word(stops: Set<Character> = []) throws -> Word? {
    guard let first = peek(), !endsWord(first, stops) else { return nil }
    let start = location
    let startIndex = index
    var pieces = Pieces()
    // Plain text (no quote, escape or variable) is taken whole from the source when the word
    // ends or the first of those comes, not appended character by character.
    var plainFrom: Int? = startIndex
    func takePlain() {
      if let from = plainFrom { pieces.literal = text(from: from, to: index) }
      plainFrom = nil
    }
    while let c = peek(), !endsWord(c, stops) {
      switch c {
      case "'", "\"":
        takePlain()
        pieces.quoted = true
        try quoted(c, into: &pieces)
      case "\\":
        takePlain()
        guard let e = peek(1) else {
          if tolerant {
            advance()
            break
          }
          throw SyntaxError(
            "a backslash ends the input", hint: "remove it or continue on the next line", at: location,
            incomplete: true)
        }
        pieces.literal.append(Lexer.escape(e))
        advance()
        advance()
      case "$":
        takePlain()
        if let name = try variable() {
          pieces.add(variable: name)
        } else {
          pieces.literal.append(c)
          advance()
        }
      default:
        trackBracket(c)
        if plainFrom == nil { pieces.literal.append(c) }
        advance()
      }
    }
    takePlain()
    var word = Word(
      pieces: pieces.finished(), location: start, quoted: pieces.quoted,
      source: text(from: startIndex, to: index))
    word.span = startIndex..<index
    return word
  }

  /// The pieces of a word being read.
  struct Pieces {
    var pieces: [WordPiece] = []
    var literal = ""
    var quoted = false

    mutating func add(variable name: String) {
      if !literal.isEmpty { pieces.append(.text(literal)) }
      literal = ""
      pieces.append(.variable(name))
    }

    func finished() -> [WordPiece] {
      !literal.isEmpty || (quoted && pieces.isEmpty) ? pieces + [.text(literal)] : pieces
    }
  }

  /// Reads a quoted part: `'...'` is literal; `"..."` has backslash escapes and `$variables`.
  mutating func quoted(_ quote: Character, into pieces: inout Pieces) throws {
    let opened = location
    advance()
    while let d = peek(), d != quote {
      if quote == "\"", d == "\\", let e = peek(1) {
        pieces.literal.append(Lexer.escape(e))
        advance()
        advance()
      } else if quote == "\"", d == "$", let name = try variable() {
        pieces.add(variable: name)
      } else {
        pieces.literal.append(d)
        advance()
      }
    }
    _ = try closeQuote(opened: opened)
  }

  /// Consumes a closing quote; at the end, throws (or in tolerant mode, notes it).
  /// Returns true when the input ended inside the quote.
  mutating func closeQuote(opened: SourceLocation) throws -> Bool {
    if !atEnd {
      advance()
      return false
    }
    if tolerant {
      endedInQuote = true
      return true
    }
    throw SyntaxError(
      "unterminated quote",
      hint: "close the quote that starts at line \(opened.line), column \(opened.column)",
      at: opened, incomplete: true)
  }

  /// Reads `$name` or `${name}` at the cursor; nil when `$` starts none.
  mutating func variable() throws -> String? {
    guard let next = peek(1), next.isLetter || next == "_" || next == "{" else { return nil }
    let start = location
    advance()
    var name = ""
    if next == "{" {
      advance()
      while let d = peek(), d != "}" {
        name.append(d)
        advance()
      }
      guard !atEnd else {
        if tolerant { return name }
        throw SyntaxError(
          "unclosed ${", hint: "end the variable name with }, e.g. ${name}", at: start, incomplete: true)
      }
      advance()
      guard Lexer.isName(name) else {
        throw SyntaxError(
          "'${\(name)}' is not a variable name", hint: "use letters, digits and _, e.g. ${rows}", at: start)
      }
    } else {
      while let d = peek(), d.isLetter || d.isNumber || d == "_" {
        name.append(d)
        advance()
      }
    }
    return name
  }

  mutating func trackBracket(_ c: Character) {
    switch c {
    case "(", "[", "{": brackets.append((c, location))
    case ")", "]", "}":
      if let last = brackets.last, Lexer.closes(last.0, c) { brackets.removeLast() }
    default: break
    }
  }

  /// The error for a bracket still open at the end of the input, if any.
  func unclosedBracket() -> SyntaxError? {
    guard let (b, at) = brackets.last else { return nil }
    return SyntaxError(
      "unclosed '\(b)'", hint: "close the bracket opened at line \(at.line), column \(at.column)", at: at,
      incomplete: true)
  }

  static func closes(_ open: Character, _ close: Character) -> Bool {
    (open == "(" && close == ")") || (open == "[" && close == "]") || (open == "{" && close == "}")
  }

  static func escape(_ c: Character) -> Character {
    switch c {
    case "n": return "\n"
    case "t": return "\t"
    default: return c
    }
  }

  static func isName(_ text: String) -> Bool {
    guard let first = text.first, first.isLetter || first == "_" else { return false }
    return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
  }
}
