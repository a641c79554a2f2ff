import KnowledgeGraph

/// One token of query text.
struct Token: Sendable {
  enum Kind: Equatable, Sendable {
    case identifier(String)
    /// A backtick-quoted name: never a keyword.
    case quotedIdentifier(String)
    case integer(Int64)
    case float(Double)
    case string(String)
    case parameter(String)
    case symbol(String)
    /// Digits run into letters (`12abc`): an error where a number is read, and a plain
    /// unexpected token anywhere else (a map key, a name), so each place words its own error.
    case invalidNumber(message: String, code: String)
    case end
  }
  var kind: Kind
  var position: SourcePosition
  /// Offsets of the token in the query's unicode scalars.
  var start: Int
  var end: Int

  /// The token as a keyword (upper-cased identifier), or nil.
  var keyword: String? {
    if case .identifier(let s) = kind { return s.uppercased() }
    return nil
  }
  var symbol: String? {
    if case .symbol(let s) = kind { return s }
    return nil
  }
}

/// Splits query text into tokens, tracking line and column for error messages.
struct Lexer {
  let scalars: [Unicode.Scalar]
  var pos = 0
  var line = 1
  var column = 1
  /// The last token was `-`: 2^63 is then read as Int64.min (the parser negates it back).
  var afterMinus = false

  init(_ text: String) { scalars = Array(text.unicodeScalars) }

  static func tokenize(_ text: String) throws -> [Token] {
    var lexer = Lexer(text)
    var tokens: [Token] = []
    while true {
      let token = try lexer.next()
      tokens.append(token)
      lexer.afterMinus = token.symbol == "-"
      if token.kind == .end { return tokens }
    }
  }

  func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    pos + offset < scalars.count ? scalars[pos + offset] : nil
  }

  mutating func advance() {
    if scalars[pos] == "\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
    pos += 1
  }

  var here: SourcePosition { SourcePosition(line: line, column: column) }

  mutating func skipSpace() throws {
    while let c = peek() {
      if Lexer.isSpace(c) {
        advance()
      } else if c == "/", peek(1) == "/" {
        while let d = peek(), d != "\n" { advance() }
      } else if c == "/", peek(1) == "*" {
        let start = here
        advance()
        advance()
        while true {
          guard let d = peek() else { throw KgshError.syntax("unterminated comment", at: start) }
          if d == "*", peek(1) == "/" {
            advance()
            advance()
            break
          }
          advance()
        }
      } else {
        return
      }
    }
  }

  // ASCII is decided from the code point; only other scalars look up their Unicode
  // properties (a lookup per character made tokenizing a short query cost ~50K instructions).
  static func isSpace(_ c: Unicode.Scalar) -> Bool {
    c.isASCII ? c == " " || (c.value >= 9 && c.value <= 13) : c.properties.isWhitespace
  }
  static func isIdentStart(_ c: Unicode.Scalar) -> Bool {
    c.isASCII ? isASCIILetter(c) || c == "_" : c.properties.isAlphabetic
  }
  static func isIdentPart(_ c: Unicode.Scalar) -> Bool {
    c.isASCII ? isASCIILetter(c) || c == "_" || (c.value >= 48 && c.value <= 57) : c.properties.isAlphabetic
  }
  static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
    let lower = c.value | 0x20
    return lower >= 97 && lower <= 122
  }

  mutating func next() throws -> Token {
    try skipSpace()
    let start = pos
    let position = here
    func make(_ kind: Token.Kind) -> Token { Token(kind: kind, position: position, start: start, end: pos) }
    guard let c = peek() else { return make(.end) }
    if Lexer.isIdentStart(c) {
      var s = ""
      while let d = peek(), Lexer.isIdentPart(d) {
        s.unicodeScalars.append(d)
        advance()
      }
      return make(.identifier(s))
    }
    if c == "`" { return make(.quotedIdentifier(try quotedName(position))) }
    if ("0"..."9").contains(c) || (c == "." && peek(1).map { ("0"..."9").contains($0) } == true) {
      return make(try number(position))
    }
    if c == "'" || c == "\"" { return make(.string(try string(quote: c, position))) }
    if c == "$" { return make(try parameter(position)) }
    let two = "<>!.=+".unicodeScalars.contains(c) ? peek(1).map { String(c) + String($0) } ?? "" : ""
    if !two.isEmpty, ["<=", ">=", "<>", "!=", "..", "=~", "+="].contains(two) {
      advance()
      advance()
      return make(.symbol(two == "!=" ? "<>" : two))
    }
    if "()[]{},.:|-+*/%^=<>;&!".unicodeScalars.contains(c) {
      advance()
      return make(.symbol(String(c)))
    }
    throw KgshError.syntax(
      "unexpected character '\(c)'", at: position,
      code: c.isASCII ? "UnexpectedSyntax" : "InvalidUnicodeCharacter")
  }

  mutating func number(_ position: SourcePosition) throws -> Token.Kind {
    var text = ""
    if peek() == "0", let x = peek(1), x == "x" || x == "o" { return try radixNumber(x, position) }
    var isFloat = false
    appendDigits(&text)
    if peek() == ".", let d = peek(1), ("0"..."9").contains(d) {
      isFloat = true
      text += "."
      advance()
      appendDigits(&text)
    }
    if let e = peek(), e == "e" || e == "E" {
      let sign = peek(1)
      let hasSign = sign == "-" || sign == "+"
      if let d = peek(hasSign ? 2 : 1), ("0"..."9").contains(d) {
        isFloat = true
        text += "e"
        advance()
        if hasSign {
          text.unicodeScalars.append(sign!)
          advance()
        }
        appendDigits(&text)
      }
    }
    if let d = peek(), Lexer.isIdentStart(d) {
      while let d = peek(), Lexer.isIdentPart(d) {
        text.unicodeScalars.append(d)
        advance()
      }
      return .invalidNumber(message: "invalid number literal '\(text)'", code: "InvalidNumberLiteral")
    }
    if isFloat {
      guard let v = Double(text), v.isFinite else {
        throw KgshError.syntax(
          "the number \(text) is too large for a float", at: position, code: "FloatingPointOverflow")
      }
      return .float(v)
    }
    guard let v = Int64(text) else {
      if afterMinus, UInt64(text) == UInt64(1) << 63 { return .integer(Int64.min) }
      throw KgshError.syntax("integer \(text) is too large", at: position, code: "IntegerOverflow")
    }
    return .integer(v)
  }

  /// A `quoted name`, at its backtick; a doubled backtick stands for one.
  private mutating func quotedName(_ position: SourcePosition) throws -> String {
    advance()
    var s = ""
    while true {
      guard let d = peek() else { throw KgshError.syntax("unterminated `quoted name`", at: position) }
      advance()
      if d == "`" {
        if peek() == "`" {
          s.unicodeScalars.append("`")
          advance()
          continue
        }
        break
      }
      s.unicodeScalars.append(d)
    }
    return s
  }

  /// `$name` or `` $`quoted name` ``, at `$`; `$(` is the symbol of a dynamic label or type.
  private mutating func parameter(_ position: SourcePosition) throws -> Token.Kind {
    if peek(1) == "(" {
      advance()
      return .symbol("$")
    }
    advance()
    var s = ""
    if peek() == "`" {
      s = try quotedName(position)
    } else {
      while let d = peek(), Lexer.isIdentPart(d) {
        s.unicodeScalars.append(d)
        advance()
      }
    }
    guard !s.isEmpty else {
      var error = KgshError.syntax("expected a parameter name after $", at: position)
      if peek() == "{" { error.hint = "a query parameter is written $name, without braces" }
      throw error
    }
    return .parameter(s)
  }

  /// `0x1F` or `0o17`, at the `0`.
  private mutating func radixNumber(_ x: Unicode.Scalar, _ position: SourcePosition) throws -> Token.Kind {
    advance()
    advance()
    var text = ""
    while let d = peek(), Lexer.isIdentPart(d) {
      text.unicodeScalars.append(d)
      advance()
    }
    let radix = x == "x" ? 16 : 8
    guard let v = Int64(text, radix: radix) else {
      if afterMinus, UInt64(text, radix: radix) == UInt64(1) << 63 { return .integer(Int64.min) }
      let valid = !text.isEmpty && text.allSatisfy { $0.isHexDigit && Int(String($0), radix: radix) != nil }
      throw KgshError.syntax(
        valid ? "integer 0\(x)\(text) is too large" : "invalid number literal 0\(x)\(text)", at: position,
        code: valid ? "IntegerOverflow" : "InvalidNumberLiteral")
    }
    return .integer(v)
  }

  private mutating func appendDigits(_ text: inout String) {
    while let d = peek(), ("0"..."9").contains(d) {
      text.unicodeScalars.append(d)
      advance()
    }
  }

  mutating func string(quote: Unicode.Scalar, _ position: SourcePosition) throws -> String {
    advance()
    var s = ""
    while true {
      guard let c = peek() else { throw KgshError.syntax("unterminated string", at: position) }
      advance()
      if c == quote { return s }
      if c == "\\" {
        guard let e = peek() else { throw KgshError.syntax("unterminated string", at: position) }
        advance()
        switch e {
        case "n": s += "\n"
        case "t": s += "\t"
        case "r": s += "\r"
        case "b": s += "\u{8}"
        case "f": s += "\u{c}"
        case "'", "\"", "\\": s.unicodeScalars.append(e)
        case "u", "U":
          let count = e == "u" ? 4 : 8
          var hex = ""
          for _ in 0..<count {
            guard let h = peek() else { break }
            hex.unicodeScalars.append(h)
            advance()
          }
          guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
            throw KgshError.syntax(
              "invalid unicode escape \\\(e)\(hex)", at: position, code: "InvalidUnicodeLiteral")
          }
          s.unicodeScalars.append(scalar)
        default:
          s += "\\"
          s.unicodeScalars.append(e)
        }
      } else {
        s.unicodeScalars.append(c)
      }
    }
  }
}
