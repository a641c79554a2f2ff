/// The one character-level scanner of the shell language: blanks, comments, line
/// continuations, words (quotes, escapes, `$variables`) and raw-text spans. The parser
/// drives it; completion uses it in tolerant mode.
///
/// Positions count characters (columns in errors, spans for completion), but the scanner
/// decides on bytes: every character the language gives a meaning to is ASCII, so each
/// character has a code, its byte when it is one ASCII byte and `Lexer.other` otherwise.
/// Text that is all ASCII needs no character array at all.
struct Lexer {
  /// The text's UTF-8 bytes.
  let utf8: [UInt8]
  /// One code per character: its byte when the character is one ASCII byte, else `other`.
  let codes: [UInt8]
  /// For text that is not all ASCII: the characters, and where each starts in `utf8` (one
  /// more entry for the end). Empty for ASCII text, where character i is byte i.
  let clusters: [Character]
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

  /// The code of a character that is not one ASCII byte (a letter of another script, an
  /// emoji, a `\r\n` pair): it never has a meaning of its own.
  static let other: UInt8 = 0x80

  init(_ text: String, file: String?, firstLine: Int = 1) {
    utf8 = Array(text.utf8)
    // "\r\n" is one character, so text with it takes the general path.
    if !utf8.contains(where: { $0 >= 0x80 }), !Lexer.hasCRLF(utf8) {
      codes = utf8
      clusters = []
      offsets = []
    } else {
      var clusters: [Character] = []
      var codes: [UInt8] = []
      var offsets: [Int] = []
      var position = 0
      for c in text {
        clusters.append(c)
        let bytes = c.utf8
        // An ideographic space (what a Chinese input method types) is a blank like ASCII's.
        codes.append(bytes.count == 1 ? bytes.first! : c == "\u{3000}" ? 0x20 : Lexer.other)
        offsets.append(position)
        position += bytes.count
      }
      offsets.append(position)
      self.clusters = clusters
      self.codes = codes
      self.offsets = offsets
    }
    self.file = file
    line = firstLine
  }

  private static func hasCRLF(_ bytes: [UInt8]) -> Bool {
    var i = bytes.startIndex
    while let r = bytes[i...].firstIndex(of: 0x0D) {
      if r + 1 < bytes.count && bytes[r + 1] == 0x0A { return true }
      i = r + 1
    }
    return false
  }

  var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }
  var count: Int { codes.count }
  var atEnd: Bool { index >= codes.count }

  /// The character at position i.
  func character(at i: Int) -> Character {
    clusters.isEmpty ? Character(Unicode.Scalar(codes[i])) : clusters[i]
  }

  func peek(_ offset: Int = 0) -> Character? {
    index + offset < codes.count ? character(at: index + offset) : nil
  }

  /// The code of the character `offset` after the cursor; nil at the end.
  func code(_ offset: Int = 0) -> UInt8? {
    index + offset < codes.count ? codes[index + offset] : nil
  }

  mutating func advance() {
    if codes[index] == 0x0A {
      line += 1
      column = 1
    } else {
      column += 1
    }
    index += 1
  }

  /// Where character i starts in `utf8`.
  func offset(_ i: Int) -> Int { offsets.isEmpty ? i : offsets[i] }

  func text(from start: Int, to end: Int) -> String {
    String(decoding: utf8[offset(start)..<offset(end)], as: UTF8.self)
  }

  /// Skips spaces, tabs, `\`-newline continuations and `#` comments, and newlines too when
  /// `newlines` is true or a bracket is open.
  mutating func skipBlanks(newlines: Bool = false) {
    while let c = code() {
      switch c {
      case 0x20, 0x09, 0x0D: advance()
      case 0x0A where newlines || !brackets.isEmpty: advance()
      case 0x5C where code(1) == 0x0A:
        advance()
        advance()
      case 0x23:
        while let d = code(), d != 0x0A { advance() }
      default: return
      }
    }
  }

  /// Whether the character with code `c` at the cursor ends a word here: blanks, any of
  /// `stops`, and outside brackets `|`, `;` and a block's `}`.
  func endsWord(_ c: UInt8, _ stops: String) -> Bool {
    switch c {
    case 0x20, 0x09, 0x0A, 0x0D: return true
    case 0x5C: if code(1) == 0x0A { return true }
    case Lexer.other: return false
    default: break
    }
    if !stops.isEmpty && stops.utf8.contains(c) { return true }
    guard brackets.isEmpty else { return false }
    return c == 0x7C || c == 0x3B || (c == 0x7D && blockDepth > 0)
  }

  /// Reads one word; nil at a separator or the end.
  /// - Throws: `SyntaxError` for an unterminated quote, `${` or a backslash at the end.
  mutating func word(stops: String = "") throws -> Word? {
    guard let first = code(), !endsWord(first, stops) else { return nil }
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
    while let c = code(), !endsWord(c, stops) {
      switch c {
      case 0x27, 0x22:
        takePlain()
        pieces.quoted = true
        try quoted(c, into: &pieces)
      case 0x5C:
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
      case 0x24:
        takePlain()
        try refuseCommandSubstitution()
        if let name = try variable() {
          pieces.add(variable: name)
        } else {
          pieces.literal.append("$")
          advance()
        }
      default:
        trackBracket(c)
        if plainFrom == nil { pieces.literal.append(character(at: index)) }
        advance()
      }
    }
    let source = text(from: startIndex, to: index)
    if plainFrom == startIndex {
      pieces.literal = source  // a plain word is its source: one string, not two
    } else {
      takePlain()
    }
    var word = Word(pieces: pieces.finished(), location: start, quoted: pieces.quoted, source: source)
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
      guard !literal.isEmpty || (quoted && pieces.isEmpty) else { return pieces }
      // A plain word (the common case) is one piece: one array, not a literal array joined on.
      if pieces.isEmpty { return [.text(literal)] }
      var all = pieces
      all.append(.text(literal))
      return all
    }
  }

  /// `echo $(labels | count)` from a Unix shell would print itself: refused, with kgsh's way
  /// (`'$(...)'` and `\$(` stay literal text).
  func refuseCommandSubstitution() throws {
    guard code() == 0x24, code(1) == 0x28, !tolerant else { return }
    throw SyntaxError(
      "kgsh has no command substitution $( ... )",
      hint: "store the output first, then use the variable: let n = labels | count; echo $n", at: location)
  }

  /// Reads a quoted part: `'...'` is literal; `"..."` has backslash escapes and `$variables`.
  /// Runs of plain characters are copied from the source whole.
  mutating func quoted(_ quote: UInt8, into pieces: inout Pieces) throws {
    let opened = location
    advance()
    let double = quote == 0x22
    while let d = code(), d != quote {
      if double, d == 0x5C, let e = peek(1) {
        pieces.literal.append(Lexer.escape(e))
        advance()
        advance()
      } else if double, d == 0x24, code(1) == 0x28 {
        try refuseCommandSubstitution()
        pieces.literal.append("$")
        advance()
      } else if double, d == 0x24, let name = try variable() {
        pieces.add(variable: name)
      } else {
        let from = index
        advance()
        while let e = code(), e != quote, !(double && (e == 0x5C || e == 0x24)) { advance() }
        pieces.literal += text(from: from, to: index)
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
          "'${\(name)}' is not a variable name", hint: "\(Lexer.nameRule), e.g. ${rows}", at: start)
      }
    } else {
      while let d = peek(), d.isLetter || d.isNumber || d == "_" {
        name.append(d)
        advance()
      }
    }
    return name
  }

  /// Notes a bracket the character with code `c` at the cursor opens or closes.
  mutating func trackBracket(_ c: UInt8) {
    switch c {
    case 0x28, 0x5B, 0x7B: brackets.append((Character(Unicode.Scalar(c)), location))
    case 0x29, 0x5D, 0x7D:
      if let last = brackets.last, Lexer.closes(last.0, Character(Unicode.Scalar(c))) {
        brackets.removeLast()
      }
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

  /// How a variable or definition name is spelled, for the hints of the errors that refuse one.
  static let nameRule = "a name starts with a letter or _ and goes on with letters, digits and _"

  static func isName(_ text: String) -> Bool {
    guard let first = text.first, first.isLetter || first == "_" else { return false }
    return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
  }
}
