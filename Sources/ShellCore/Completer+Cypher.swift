import Foundation
import KnowledgeGraph

extension Shell {
  /// Completion inside a Cypher statement (`match`, `with`, `create`, `explain`, ...): labels after
  /// `(n:`, relationship types after `[r:`, property keys after `n.` or inside `{`.
  func completeCypher(_ text: String, cursor: Int) -> CompletionResult {
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
      values = Shell.propertyKeys(store)
    case "{", ",":
      guard Shell.innermostBracket(chars[..<i]) == "{" else {
        return CompletionResult(start: start, candidates: [], total: 0)
      }
      values = Shell.propertyKeys(store)
    default:
      return CompletionResult(start: start, candidates: [], total: 0)
    }
    let matching = values.filter { $0.lowercased().hasPrefix(word.lowercased()) }
    return CompletionResult(
      start: start, candidates: Array(matching.prefix(Shell.completionPage)), total: matching.count)
  }

  /// The open bracket that encloses the end of `chars` ("(", "[" or "{"), skipping quoted text.
  static func innermostBracket(_ chars: ArraySlice<Character>) -> Character? {
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
    return stack.last
  }

  /// The keys a node's properties may have: name, key, aliases and the fact predicates.
  static func propertyKeys(_ store: KnowledgeStore) -> [String] {
    ["name", "key", "aliases"]
      + ((try? store.predicates()) ?? []).filter { !["name", "key", "aliases"].contains($0) }
  }
}
