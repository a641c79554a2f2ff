import Foundation
import KnowledgeGraph

extension Shell {
  /// Completion inside a Cypher statement (`match`, `with`, `create`, `explain`, ...): labels after
  /// `(n:`, relationship types after `[r:`, property keys after `n.` or inside `{`, and elsewhere
  /// the language's `words` (keywords, functions; `date.` offers `date.truncate`, ...).
  func completeCypher(_ text: String, cursor: Int, words: [String]) -> CompletionResult {
    let chars = Array(text)
    var i = chars.count
    while i > 0, chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "_" { i -= 1 }
    let word = String(chars[i...])
    let start = cursor - word.count
    var j = i
    while j > 0, chars[j - 1] == " " { j -= 1 }
    let previous: Character? = j > 0 ? chars[j - 1] : nil
    let store = session.store
    let values: [String]
    // After `:`, or after `|`, `&` or `!` inside a label expression (`n:Person|La`).
    let afterLabel = i == j && Lexer.endsWithLabel(String(chars[..<i]) + "X")
    switch previous {
    case ":" where i == j, "|" where afterLabel, "&" where afterLabel, "!" where afterLabel:
      values =
        Shell.innermostBracket(chars[..<i]) == "["
        ? (try? store.edgeTypes()) ?? [] : (try? store.labelNames()) ?? []
    case "." where i == j:
      // `date.` or `duration.`: the functions under that name, besides the property keys.
      let head = Shell.wordBefore(chars[..<(i - 1)]) + "."
      let functions = words.filter { $0.lowercased().hasPrefix(head.lowercased()) }
      values = functions.map { String($0.dropFirst(head.count)) } + Shell.propertyKeys(store)
    case "{", ",":
      guard Shell.innermostBracket(chars[..<i]) == "{" else {
        return CompletionResult(start: start, candidates: [], total: 0)
      }
      values = Shell.propertyKeys(store)
    default:
      guard !word.isEmpty, !Shell.insideQuote(chars[..<i]), previous != "$" else {
        return CompletionResult(start: start, candidates: [], total: 0)
      }
      let keywords = Set(words.map { $0.lowercased() })
      let variables = Shell.cypherVariables(String(chars[..<i])).filter {
        !keywords.contains($0.lowercased())
      }
      return completeWord(text, cursor: cursor, from: variables + words)
    }
    let matching = values.filter { $0.lowercased().hasPrefix(word.lowercased()) }
    return CompletionResult(
      start: start, candidates: Array(matching.prefix(Shell.completionPage)), total: matching.count)
  }

  /// The language's words that start with the word before `cursor` (letters, digits, `_`), in
  /// any case; a keyword is offered in the case its first letter was typed in (`mat` gives
  /// `match`, `MAT` gives `MATCH`), a function as it is spelled (`tou` gives `toUpper`).
  func completeWord(_ text: String, cursor: Int, from words: [String]) -> CompletionResult {
    let word = Shell.wordBefore(text)
    let start = cursor - word.count
    guard !word.isEmpty, !Shell.insideQuote(Array(text)[...]) else {
      return CompletionResult(start: start, candidates: [], total: 0)
    }
    let lower = word.first!.isLowercase
    var seen = Set<String>()
    let matching = words.filter { $0.lowercased().hasPrefix(word.lowercased()) }.map { candidate in
      candidate == candidate.uppercased() && lower ? candidate.lowercased() : candidate
    }.filter { seen.insert($0).inserted }
    return CompletionResult(
      start: start, candidates: Array(matching.prefix(Shell.completionPage)), total: matching.count)
  }

  /// The variables a Cypher text names before the word being typed: in patterns (`(n`, `[r`,
  /// `p =`), after AS, and in comprehensions and reduce (`x IN`), in order of appearance.
  static func cypherVariables(_ text: String) -> [String] {
    let patterns = [
      #"[(\[]\s*([\p{L}_][\p{L}\p{N}_]*)"#, #"(?i)\bAS\s+([\p{L}_][\p{L}\p{N}_]*)"#,
      #"([\p{L}_][\p{L}\p{N}_]*)\s*=\s*(?:shortestPath|allShortestPaths|\(|ANY|ALL|SHORTEST)"#,
      #"([\p{L}_][\p{L}\p{N}_]*)\s+(?i:IN)\s"#,
    ]
    var found: [(offset: Int, name: String)] = []
    let range = NSRange(text.startIndex..., in: text)
    for pattern in patterns {
      guard let re = try? NSRegularExpression(pattern: pattern) else { continue }
      for m in re.matches(in: text, range: range) {
        guard let r = Range(m.range(at: 1), in: text) else { continue }
        found.append((m.range(at: 1).location, String(text[r])))
      }
    }
    var seen = Set<String>()
    return found.sorted { $0.offset < $1.offset }.map(\.name).filter { seen.insert($0).inserted }
  }

  /// The identifier that ends `text` (letters, digits, `_`).
  static func wordBefore<S: BidirectionalCollection<Character>>(_ text: S) -> String {
    String(text.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
  }

  /// Whether the end of `chars` is inside a quoted string or name.
  static func insideQuote(_ chars: ArraySlice<Character>) -> Bool { scan(chars).quote != nil }

  /// The open bracket that encloses the end of `chars` ("(", "[" or "{"), skipping quoted text.
  static func innermostBracket(_ chars: ArraySlice<Character>) -> Character? { scan(chars).brackets.last }

  /// The brackets still open at the end of `chars`, and the quote still open there, if any.
  static func scan(_ chars: ArraySlice<Character>) -> (brackets: [Character], quote: Character?) {
    var stack: [Character] = []
    var quote: Character?
    for c in chars {
      if let q = quote {
        if c == q { quote = nil }
        continue
      }
      switch c {
      case "'", "\"", "`": quote = c
      case "(", "[", "{": stack.append(c)
      case ")", "]", "}": if !stack.isEmpty { stack.removeLast() }
      default: break
      }
    }
    return (stack, quote)
  }

  /// The keys a node's properties may have: name, key, aliases and the fact predicates.
  static func propertyKeys(_ store: KnowledgeStore) -> [String] {
    ["name", "key", "aliases"]
      + ((try? store.predicates()) ?? []).filter { !["name", "key", "aliases"].contains($0) }
  }
}
