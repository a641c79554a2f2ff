extension Lexer {
  /// Reads a raw-text command's body (a Cypher query, SQL) as one balanced span: up to `|`,
  /// `;`, a def body's `}` or a newline outside quotes and brackets (`||`, SQL's operator, is
  /// kept in the text). A newline ends it only when `isComplete` says the text so far is
  /// complete.
  /// - Returns: the text, and whether `isComplete` accepted it.
  /// - Throws: `SyntaxError` for an unterminated quote, unclosed bracket or trailing backslash.
  mutating func rawText(isComplete: (String) -> Bool) throws -> (text: String, complete: Bool) {
    var out = ""
    var quote: (Character, SourceLocation)? = nil
    scan: while let c = peek() {
      if let (q, _) = quote {
        out.append(c)
        advance()
        if c == "\\", q == "\"", let e = peek() {
          out.append(e)
          advance()
        } else if c == q {
          quote = nil
        }
        continue
      }
      switch c {
      case "'", "\"":
        quote = (c, location)
        out.append(c)
        advance()
      case "\\":
        guard let e = peek(1) else {
          if tolerant { break scan }
          throw SyntaxError(
            "a backslash ends the input", hint: "remove it or continue on the next line", at: location,
            incomplete: true)
        }
        out.append(e == "\n" ? " " : c)
        if e != "\n" { out.append(e) }
        advance()
        advance()
      case "#" where out.isEmpty || out.last!.isWhitespace:
        while let d = peek(), d != "\n" { advance() }
      case "}" where brackets.isEmpty && blockDepth > 0: break scan
      case "|" where peek(1) == "|":
        // SQL's string concatenation: `||` cannot be a pipe (a pipeline stage is never empty).
        out.append("||")
        advance()
        advance()
      case "|" where brackets.isEmpty && Self.endsWithLabel(out) && !(peek(1)?.isWhitespace ?? true):
        // A Cypher label expression in WHERE (`n:Person|Lab`), written without spaces: not a pipe.
        out.append(c)
        advance()
      case "|", ";": if brackets.isEmpty { break scan } else { out.append(c); advance() }
      case "\n" where brackets.isEmpty:
        if isComplete(out) { break scan }
        out.append(c)
        advance()
      default:
        trackBracket(codes[index])
        out.append(c)
        advance()
      }
    }
    if let (_, at) = quote, !tolerant {
      throw SyntaxError(
        "unterminated quote", hint: "close the quote that starts at line \(at.line), column \(at.column)",
        at: at, incomplete: true)
    }
    if !tolerant, let open = unclosedBracket() { throw open }
    while let last = out.last, last.isWhitespace { out.removeLast() }
    return (out, isComplete(out))
  }

  /// At a `|`: whether it continues a Cypher label expression or union of types written
  /// without spaces (`n:Person|Lab`) rather than starting a pipeline stage.
  func continuesLabel() -> Bool {
    guard let next = peek(1), !next.isWhitespace else { return false }
    let text = String((max(0, index - 200)..<index).map(character(at:)))
    return Self.endsWithLabel(text)
  }

  /// Whether `text` ends with a name after a colon, as in `n:Person`, `n:!Lab`,
  /// `n:Person|Lab&Fund` or `x IS :: INTEGER`, `LIST<INTEGER` (where a `|` that follows continues the label
  /// expression or the union of types).
  static func endsWithLabel(_ text: String) -> Bool {
    var rest = Substring(text)
    while true {
      let name = rest.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      guard !name.isEmpty else { return false }
      rest = rest.dropLast(name.count)
      while rest.last == "!" || rest.last == " " { rest = rest.dropLast() }
      switch rest.last {
      case ":": return true
      case "<":
        // A union inside `LIST<INTEGER|STRING>` or `ANY<INTEGER|FLOAT>`.
        let word = rest.dropLast().reversed().prefix(while: \.isLetter)
        return ["LIST", "ARRAY", "ANY"].contains(String(word.reversed()).uppercased())
      case "|", "&": rest = rest.dropLast()
      default: return false
      }
    }
  }

  /// Consumes the longest of `operators` at the cursor.
  mutating func operatorToken(_ operators: [String]) -> String? {
    for op in operators.sorted(by: { $0.count > $1.count }) {
      let opChars = Array(op)
      guard index + opChars.count <= count,
        opChars.indices.allSatisfy({ character(at: index + $0) == opChars[$0] })
      else { continue }
      for _ in opChars { advance() }
      return op
    }
    return nil
  }
}
