/// Answers the Tab key.
public protocol LineCompleting: AnyObject {
  /// Given the whole current line and the cursor (in Characters), returns where the word
  /// being completed starts (a Character offset) and the candidates (full replacement
  /// words, already quoted where they need it), plus the total count when the list was cut.
  func completions(line: String, cursor: Int) -> LineCompletions
}

/// The answer of a ``LineCompleting``.
public struct LineCompletions: Equatable, Sendable {
  /// Character offset in the line where the word being completed starts.
  public var start: Int
  /// Full replacement words for the text between `start` and the cursor.
  public var candidates: [String]
  /// How many candidates there are in all; larger than `candidates.count` when cut.
  public var total: Int

  public init(start: Int, candidates: [String], total: Int? = nil) {
    self.start = start
    self.candidates = candidates
    self.total = max(total ?? candidates.count, candidates.count)
  }

  /// No candidates.
  public static let none = LineCompletions(start: 0, candidates: [])
}

/// What pressing Tab does to the line: decided by a pure function so it can be tested
/// without a terminal.
enum CompletionPlan: Equatable {
  /// Nothing to offer: ring the bell.
  case beep
  /// Replace the Characters `range` (from the word start to the cursor) by `text`.
  case replace(range: Range<Int>, text: String)
  /// Show these candidates below the line; `more` were left out.
  case list([String], more: Int)

  /// Decides what Tab does.
  ///
  /// One candidate (and nothing cut) replaces the word and gets a space after it, unless a
  /// space already follows the cursor. Several candidates whose longest common prefix is
  /// longer than what was typed replace the word by that prefix. Otherwise they are listed,
  /// and so is a list that was cut: the candidates left out may not share the prefix.
  /// A word without its opening quote and backslash escapes: `"GLM Coding` and `GLM\ Coding`
  /// say the same, so a quoted common prefix that adds nothing to the escaped word is not
  /// inserted (and one that does add is, even though it is written differently).
  static func meaning(_ word: String) -> String {
    var out = ""
    var escaped = false
    for (i, c) in word.enumerated() {
      if i == 0 && (c == "\"" || c == "'") { continue }
      if c == "\\" && !escaped {
        escaped = true
        continue
      }
      escaped = false
      out.append(c)
    }
    return out
  }

  init(line: String, cursor: Int, completions: LineCompletions) {
    let characters = Array(line)
    let cursor = min(max(cursor, 0), characters.count)
    let start = min(max(completions.start, 0), cursor)
    let typed = String(characters[start..<cursor])
    let candidates = completions.candidates
    guard !candidates.isEmpty else {
      self = .beep
      return
    }
    if candidates.count == 1 && completions.total <= 1 {
      let followedBySpace = cursor < characters.count && characters[cursor].isWhitespace
      self = .replace(range: start..<cursor, text: candidates[0] + (followedBySpace ? "" : " "))
      return
    }
    let prefix = longestCommonPrefix(candidates)
    if completions.total == candidates.count && Self.meaning(prefix).count > Self.meaning(typed).count {
      self = .replace(range: start..<cursor, text: prefix)
    } else {
      self = .list(candidates, more: completions.total - candidates.count)
    }
  }
}

/// The longest string every one of `words` starts with, compared Character by Character.
func longestCommonPrefix(_ words: [String]) -> String {
  guard var prefix = words.first.map(Array.init) else { return "" }
  for word in words.dropFirst() {
    var shared = 0
    for (a, b) in zip(prefix, word) {
      guard a == b else { break }
      shared += 1
    }
    prefix.removeLast(prefix.count - shared)
    if prefix.isEmpty { break }
  }
  return String(prefix)
}
