/// `let`, `def`, `assert` and `expect`: the statements the language knows itself.
extension ParseState {
  /// `let NAME = VALUE` after the keyword.
  mutating func assignment() throws -> Assignment {
    guard let nameWord = try lexer.word(stops: "=") else {
      throw syntax("let needs NAME = VALUE", hint: "e.g. let company = \"Zhipu AI\"")
    }
    let name = nameWord.literal ?? nameWord.variableName ?? nameWord.source
    guard Lexer.isName(name) else {
      throw SyntaxError(
        "let: '\(nameWord.source)' is not a variable name",
        hint: "\(Lexer.nameRule), e.g. let rows = find GLM", at: nameWord.location)
    }
    lexer.skipBlanks()
    guard lexer.peek() == "=" else {
      throw syntax("let needs NAME = VALUE", hint: "e.g. let \(name) = 42", incomplete: false)
    }
    lexer.advance()
    lexer.skipBlanks()
    guard let next = lexer.peek(), next != ";", next != "\n", !(next == "}" && lexer.blockDepth > 0) else {
      throw syntax("let \(name): missing the value after =", hint: "e.g. let \(name) = 42")
    }
    if next == "[" { return Assignment(name: name, value: .list(try list())) }
    if next == "{" {
      // `{a: 1}` would run as a command named `{a:`.
      throw syntax(
        "let \(name): a map like {a: 1} is not a value a variable holds",
        hint: "use a list ([1, 2]) or a command's output (let \(name) = return {a: 1} is a one-row table)",
        incomplete: false)
    }
    return Assignment(name: name, value: .pipeline(try pipeline()))
  }

  /// `[a, "b c", $x]`.
  mutating func list() throws -> [Word] {
    let open = lexer.location
    lexer.advance()
    var items: [Word] = []
    func unclosed() -> SyntaxError {
      SyntaxError(
        "unclosed '['", hint: "close the list opened at line \(open.line), column \(open.column)", at: open,
        incomplete: true)
    }
    while true {
      lexer.skipBlanks(newlines: true)
      if lexer.peek() == "]" && items.isEmpty {
        lexer.advance()
        return items
      }
      guard let item = try lexer.word(stops: ",]") else {
        if lexer.atEnd { throw unclosed() }
        throw syntax("expected a value in the list", hint: "write [a, b, \"c d\"]")
      }
      items.append(item)
      lexer.skipBlanks(newlines: true)
      switch lexer.peek() {
      case ",": lexer.advance()
      case "]":
        lexer.advance()
        return items
      case nil: throw unclosed()
      default: throw syntax("expected , or ] in the list", hint: "write [a, b, \"c d\"]")
      }
    }
  }

  /// `def NAME(A, B) { BODY }` after the keyword.
  mutating func definition() throws -> Definition {
    let usage = "e.g. def card(who) { show $who }"
    guard let nameWord = try lexer.word(stops: "({"), let name = nameWord.literal, !nameWord.quoted,
      !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    else {
      throw syntax("def: expected NAME(PARAM, ...) { COMMANDS }", hint: usage)
    }
    lexer.skipBlanks()
    guard lexer.peek() == "(" else { throw syntax("def \(name): expected ( after the name", hint: usage) }
    let open = lexer.location
    lexer.advance()
    var parameters: [String] = []
    while true {
      lexer.skipBlanks(newlines: true)
      if lexer.peek() == ")" {
        lexer.advance()
        break
      }
      guard let word = try lexer.word(stops: ",){") else {
        throw SyntaxError(
          "def \(name): unclosed '('", hint: "close the parameter list opened here", at: open,
          incomplete: lexer.atEnd)
      }
      guard let p = word.literal, Lexer.isName(p), !word.quoted else {
        throw SyntaxError(
          "def \(name): '\(word.source)' is not a parameter name", hint: Lexer.nameRule,
          at: word.location)
      }
      guard !parameters.contains(p) else {
        throw SyntaxError(
          "def \(name): parameter \(p) appears twice", hint: "give each parameter its own name",
          at: word.location)
      }
      parameters.append(p)
      lexer.skipBlanks(newlines: true)
      if lexer.peek() == "," { lexer.advance() }
    }
    lexer.skipBlanks()
    guard lexer.peek() == "{" else {
      throw syntax(
        "def \(name): expected { COMMANDS } after the parameters", hint: usage, incomplete: lexer.atEnd)
    }
    let brace = lexer.location
    lexer.advance()
    let bodyStart = lexer.index
    guard lexer.blockDepth < ParseState.maxBlockDepth else {
      throw SyntaxError(
        "def nested more than \(ParseState.maxBlockDepth) deep",
        hint: "define the commands one after another",
        at: brace)
    }
    let outerBrackets = lexer.brackets
    lexer.brackets = []
    lexer.blockDepth += 1
    let body = try statements()
    lexer.blockDepth -= 1
    lexer.brackets = outerBrackets
    guard lexer.peek() == "}" else {
      throw SyntaxError(
        "unclosed '{' of def \(name)",
        hint: "end the body with } (opened at line \(brace.line), column \(brace.column))",
        at: brace, incomplete: true)
    }
    let bodyText = trimmed(from: bodyStart)
    lexer.advance()
    return Definition(name: name, parameters: parameters, body: body, bodyText: bodyText)
  }

  static let comparisons = ["==", "!=", ">=", "<=", ">", "<"]

  /// `assert A OP B` after the keyword.
  mutating func assertion(at start: SourceLocation) throws -> Assertion {
    var left: [Word] = []
    var right: [Word] = []
    var op: String?
    while true {
      lexer.skipBlanks()
      if op == nil, let found = lexer.operatorToken(ParseState.comparisons) {
        op = found
        continue
      }
      guard let word = try lexer.word(stops: "=!<>") else { break }
      if op == nil { left.append(word) } else { right.append(word) }
    }
    guard let op, !left.isEmpty, !right.isEmpty else {
      throw SyntaxError(
        "assert needs A OP B", hint: "OP is one of ==, !=, <, >, <=, >=; e.g. assert $n == 3", at: start)
    }
    return Assertion(left: left, op: op, right: right)
  }

  static let expectations: Set<String> = ["==", "contains", "rows", "fails"]

  /// The comparisons `where` takes, which may follow `has COLUMN` in an expectation.
  static let whereComparisons: Set<String> = [
    "=", "==", "!=", "<", ">", "<=", ">=", "contains", "starts-with", "ends-with", "=~", "!~", "in", "not-in",
  ]

  /// The check rewritten when it was worded as other test tools word it: `is`/`=`/`equals`
  /// for `==`, `includes`/`has TEXT` for `contains`, `has N rows` for `rows N`.
  /// `has COLUMN OP VALUE` (a row where it holds) is the rows the where of it keeps.
  static func expectationRewrite(_ words: [Word]) -> String? {
    let texts = words.map(\.source)
    for i in words.indices.dropFirst() where i < words.count - 1 && !words[i].quoted {
      let next = words[i + 1].literal ?? ""
      let op: [String]
      var rest = Array(texts[(i + 1)...])
      if words[i].literal?.lowercased() == "has", i + 3 < words.count, !words[i + 2].quoted,
        whereComparisons.contains(words[i + 2].literal?.lowercased() ?? "")
      {
        return (Array(texts[..<i]) + ["| where"] + rest + ["rows", ">=", "1"]).joined(separator: " ")
      }
      switch words[i].literal?.lowercased() {
      case "is", "=", "equals", "eq": op = ["=="]
      case "includes", "matches": op = ["contains"]
      case "has" where Int(next) != nil:
        op = ["rows"]
        if rest.count == 2, ["rows", "row"].contains(rest[1].lowercased()) { rest.removeLast() }
      case "has": op = ["contains"]
      default: continue
      }
      return (Array(texts[..<i]) + op + rest).joined(separator: " ")
    }
    return nil
  }

  /// `expect PIPELINE (== VALUE | contains TEXT | rows N | fails [TEXT])` after the keyword.
  mutating func expectation(at start: SourceLocation) throws -> Expectation {
    lexer.skipBlanks()
    if lexer.atEnd || ["\n", ";", "#", "}"].contains(lexer.peek()!) {
      throw SyntaxError(
        "expect needs COMMAND == VALUE, COMMAND contains TEXT, COMMAND rows N or COMMAND fails [TEXT]",
        hint: "e.g. expect find GLM rows 3", at: start)
    }
    var pipeline = try pipeline(wordsOnly: true)
    var last = pipeline.stages.removeLast()
    guard
      let k = last.words.lastIndex(where: { !$0.quoted && ParseState.expectations.contains($0.literal ?? "") }
      ),
      k > 0, k < last.words.count - 1 || last.words[k].literal == "fails"
    else {
      throw SyntaxError(
        "expect needs COMMAND == VALUE, COMMAND contains TEXT, COMMAND rows N or COMMAND fails [TEXT]",
        hint: ParseState.expectationRewrite(last.words).map { rewritten in
          "did you mean expect \((pipeline.stages.map(\.text) + [rewritten]).joined(separator: " | "))?"
        } ?? "e.g. expect find GLM rows 3", at: start)
    }
    // `expect rank | first 1 has entity == X`: the == belongs to a condition on a column.
    if k >= 3, !last.words[k - 2].quoted, last.words[k - 2].literal?.lowercased() == "has",
      let rewritten = ParseState.expectationRewrite(last.words)
    {
      throw SyntaxError(
        "expect checks ==, contains, rows or fails, not a condition on a column "
          + "(has \(last.words[k - 1].source) \(last.words[k].source))",
        hint:
          "count the rows a where keeps: expect \((pipeline.stages.map(\.text) + [rewritten]).joined(separator: " | "))",
        at: start)
    }
    let op = last.words[k]
    let expected = Array(last.words[(k + 1)...])
    last.words = Array(last.words[..<k])
    last.text = trimmed(from: last.words[0].span.lowerBound, to: op.span.lowerBound)
    pipeline.stages.append(last)
    // A raw-text command gets its text as written, up to the operator.
    for (i, stage) in pipeline.stages.enumerated() where rawTextCommand(stage.words[0]) != nil {
      let end = stage.words.last!.span.upperBound
      pipeline.stages[i].rawText = trimmed(from: stage.words[0].span.upperBound, to: end)
      pipeline.stages[i].words = [stage.words[0]]
    }
    pipeline.text = trimmed(from: pipeline.stages[0].words[0].span.lowerBound, to: op.span.lowerBound)
    return Expectation(pipeline: pipeline, op: op.literal!, expected: expected)
  }
}
