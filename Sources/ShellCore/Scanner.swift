/// The character-level scanner behind `CommandLineParser`.
struct Scanner {
  let chars: [Character]
  var openProblem: (what: String, hint: String, line: Int, column: Int)?

  init(_ text: String) { chars = Array(text) }

  /// Splits into statement chunks. Returns whether the text ends inside a quote, bracket or
  /// after a continuation backslash.
  mutating func split(parser: CommandLineParser, atEnd: Bool) -> ([CommandLineParser.Chunk], Bool) {
    var chunks: [CommandLineParser.Chunk] = []
    var current = ""
    var startLine = 1, startColumn = 1
    var line = 1, column = 1
    var quote: Character? = nil
    var quoteLine = 0, quoteColumn = 0
    var brackets: [(Character, Int, Int)] = []
    var i = 0
    func flush() {
      if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        chunks.append(.init(text: current, line: startLine, column: startColumn))
      }
      current = ""
    }
    while i < chars.count {
      let c = chars[i]
      if current.isEmpty { (startLine, startColumn) = (line, column) }
      defer {
        if c == "\n" { line += 1; column = 1 } else { column += 1 }
      }
      if let q = quote {
        current.append(c)
        if c == "\\" && q == "\"" && i + 1 < chars.count {
          current.append(chars[i + 1])
          i += 2
          column += 1
          continue
        }
        if c == q { quote = nil }
        i += 1
        continue
      }
      switch c {
      case "\\":
        if i + 1 < chars.count {
          if chars[i + 1] == "\n" {  // line continuation
            current.append(" ")
            i += 2
            line += 1
            column = 0
            continue
          }
          current.append(c)
          current.append(chars[i + 1])
          i += 2
          column += 1
          continue
        }
        openProblem = ("a backslash ends the input", "remove it or continue on the next line", line, column)
        return (chunks, true)
      case "'", "\"":
        quote = c
        quoteLine = line
        quoteColumn = column
        current.append(c)
      case "(", "[", "{":
        brackets.append((c, line, column))
        current.append(c)
      case ")", "]", "}":
        if let last = brackets.last, Scanner.matches(last.0, c) { brackets.removeLast() }
        current.append(c)
      case "#" where current.isEmpty || current.last!.isWhitespace:
        while i + 1 < chars.count && chars[i + 1] != "\n" {
          i += 1
          column += 1
        }
      case ";" where brackets.isEmpty:
        flush()
      case "\n" where brackets.isEmpty:
        if parser.rawComplete(current) { flush() } else { current.append(c) }
      default:
        current.append(c)
      }
      i += 1
    }
    if let _ = quote {
      openProblem = (
        "unterminated quote", "close the quote that starts at column \(quoteColumn)", quoteLine, quoteColumn
      )
      return (chunks + [.init(text: current, line: startLine, column: startColumn)], true)
    }
    if let (b, l, col) = brackets.last {
      openProblem = ("unclosed '\(b)'", "close the bracket opened at line \(l), column \(col)", l, col)
      return (chunks + [.init(text: current, line: startLine, column: startColumn)], true)
    }
    flush()
    return (chunks, false)
  }

  static func matches(_ open: Character, _ close: Character) -> Bool {
    (open == "(" && close == ")") || (open == "[" && close == "]") || (open == "{" && close == "}")
  }

  /// Offsets and texts of the pipeline stages of one statement.
  static func splitPipes(_ text: String) -> [(Int, String)] {
    var result: [(Int, String)] = []
    var start = text.startIndex
    var index = text.startIndex
    while let pipe = firstPipe(text[index...]) {
      result.append((text.distance(from: text.startIndex, to: start), String(text[start..<pipe])))
      start = text.index(after: pipe)
      index = start
    }
    result.append((text.distance(from: text.startIndex, to: start), String(text[start...])))
    return result
  }

  /// The first `|` outside quotes and brackets.
  static func firstPipe<S: StringProtocol>(_ text: S) -> S.Index? {
    var quote: Character? = nil
    var depth = 0
    var i = text.startIndex
    while i < text.endIndex {
      let c = text[i]
      if let q = quote {
        if c == "\\" && q == "\"" {
          i = text.index(after: i)
          if i == text.endIndex { break }
        } else if c == q {
          quote = nil
        }
      } else {
        switch c {
        case "\\":
          i = text.index(after: i)
          if i == text.endIndex { return nil }
        case "'", "\"": quote = c
        case "(", "[", "{": depth += 1
        case ")", "]", "}": depth = max(0, depth - 1)
        case "|" where depth == 0: return i
        default: break
        }
      }
      i = text.index(after: i)
    }
    return nil
  }

  static func position(in text: String, offset: Int, line: Int, column: Int) -> (Int, Int) {
    var l = line, c = column
    for ch in text.prefix(offset) {
      if ch == "\n" { l += 1; c = 1 } else { c += 1 }
    }
    // skip leading spaces of the stage
    for ch in text.dropFirst(offset) {
      if ch == " " || ch == "\t" { c += 1 } else if ch == "\n" { l += 1; c = 1 } else { break }
    }
    return (l, c)
  }

  /// Words of one stage and the raw text after its first word.
  static func words(_ text: String, line: Int, column: Int) throws -> ([Word], String) {
    var words: [Word] = []
    var pieces: [WordPiece] = []
    var literal = ""
    var inWord = false, quoted = false
    var wordColumn = column
    var rest = ""
    let chars = Array(text.drop { $0 == " " || $0 == "\t" || $0 == "\n" })
    var i = 0
    var col = column
    func endWord() {
      if !literal.isEmpty || (quoted && pieces.isEmpty) { pieces.append(.text(literal)) }
      if inWord { words.append(Word(pieces: pieces, column: wordColumn, quoted: quoted)) }
      pieces = []
      literal = ""
      inWord = false
      quoted = false
      if words.count == 1 && rest.isEmpty {
        rest = String(chars[min(i, chars.count)...])
      }
    }
    func variable(_ from: Int) -> (String, Int) {
      var j = from
      if j < chars.count && chars[j] == "{" {
        var name = ""
        j += 1
        while j < chars.count && chars[j] != "}" { name.append(chars[j]); j += 1 }
        return (name, j + 1)
      }
      var name = ""
      while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") {
        name.append(chars[j])
        j += 1
      }
      return (name, j)
    }
    func pushVariable(_ name: String) {
      if !literal.isEmpty { pieces.append(.text(literal)) }
      literal = ""
      pieces.append(.variable(name))
    }
    while i < chars.count {
      let c = chars[i]
      if c == " " || c == "\t" || c == "\n" {
        if inWord { endWord() }
        i += 1
        col += 1
        continue
      }
      if !inWord {
        inWord = true
        wordColumn = col
      }
      switch c {
      case "'":
        quoted = true
        i += 1
        while i < chars.count && chars[i] != "'" { literal.append(chars[i]); i += 1 }
        i += 1
      case "\"":
        quoted = true
        i += 1
        while i < chars.count && chars[i] != "\"" {
          if chars[i] == "\\" && i + 1 < chars.count {
            literal.append(Scanner.escape(chars[i + 1]))
            i += 2
          } else if chars[i] == "$" && i + 1 < chars.count
            && (chars[i + 1].isLetter || chars[i + 1] == "_" || chars[i + 1] == "{")
          {
            let (name, next) = variable(i + 1)
            pushVariable(name)
            i = next
          } else {
            literal.append(chars[i])
            i += 1
          }
        }
        i += 1
      case "\\":
        if i + 1 < chars.count { literal.append(Scanner.escape(chars[i + 1])) }
        i += 2
      case "$"
      where i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1] == "_" || chars[i + 1] == "{"):
        let (name, next) = variable(i + 1)
        pushVariable(name)
        i = next
      default:
        literal.append(c)
        i += 1
      }
      col += 1
    }
    if inWord { endWord() }
    if words.count <= 1 { rest = "" }
    return (words, rest.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  static func escape(_ c: Character) -> Character {
    switch c {
    case "n": return "\n"
    case "t": return "\t"
    default: return c
    }
  }
}
