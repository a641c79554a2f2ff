import Foundation
import KnowledgeGraph
import Synchronization

/// The compiled patterns of `=~` for one query: a pattern is compiled once, not once per row
/// (`WHERE n.name =~ 'Co.*9'` over 20,000 nodes compiled it 20,000 times).
final class RegexCache: Sendable {
  private let compiled = Mutex<[String: NSRegularExpression]>([:])

  /// Whether all of `text` matches `pattern` (Cypher's `=~` matches the whole string).
  func wholeMatch(_ text: String, _ pattern: String) throws -> Bool {
    let re = try expression(pattern)
    return re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }

  private func expression(_ pattern: String) throws -> NSRegularExpression {
    if let known = compiled.withLock({ $0[pattern] }) { return known }
    guard let re = try? NSRegularExpression(pattern: "^(?:" + pattern + ")$") else {
      throw KgshError(
        .runtime, "invalid regular expression '\(pattern)'",
        hint:
          #"=~ matches the whole string against an ICU regular expression; to match ( or another special character itself, write \\ before it inside the quotes, e.g. n.name =~ '.*\\(beta\\)'"#,
        code: "InvalidArgumentValue")
    }
    compiled.withLock { $0[pattern] = re }
    return re
  }
}
