import Foundation

/// Foundation's trimming, skipped when there is nothing to trim: text that starts and ends
/// with a visible ASCII character (most names and statements). Foundation's first
/// `trimmingCharacters(in:)` of a process costs about a million instructions.
public enum Trim {
  /// `text.trimmingCharacters(in: .whitespaces)`.
  public static func spaces(_ text: String) -> String {
    hasVisibleEnds(text) ? text : text.trimmingCharacters(in: .whitespaces)
  }

  /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`.
  public static func spacesAndNewlines(_ text: String) -> String {
    hasVisibleEnds(text) ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Whether the first and last bytes are printable ASCII other than space (no character
  /// of either set is).
  static func hasVisibleEnds(_ text: String) -> Bool {
    guard let first = text.utf8.first, let last = text.utf8.last else { return false }
    return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
  }
}
