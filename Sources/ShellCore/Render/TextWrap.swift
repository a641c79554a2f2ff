/// Wraps text to a display width at word boundaries, and between Chinese, Japanese or
/// Korean characters (which need no spaces to break), never inside a word unless the word
/// alone is wider than the line.
///
/// ```swift
/// TextWrap.lines("the exact quote of a source", width: 10)
/// // ["the exact", "quote of a", "source"]
/// TextWrap.lines("智谱正式在港交所上市", width: 8)
/// // ["智谱正式", "在港交所", "上市"]
/// ```
public enum TextWrap {
  /// Characters a line should not start with (closing punctuation, CJK commas and stops).
  static let noLineStart: Set<Character> = [
    "，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "》", "】", ",", ".", ";", ":", "!", "?", ")",
    "]", "}", "%",
  ]

  /// The text in lines of at most `width` columns (at least one line, possibly empty).
  public static func lines(_ text: String, width: Int) -> [String] {
    let width = max(1, width)
    if TextWidth.of(text) <= width { return [text] }
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    let all = pieces(text)
    for (i, piece) in all.enumerated() {
      let pieceWidth = TextWidth.of(piece.text)
      let gap = piece.spaceBefore && !line.isEmpty ? 1 : 0
      // A long word cut at its soft breaks (`-[COMPETES_WITH]->`) starts a line of its own
      // when it fits there whole, rather than leaving its first part behind.
      if !line.isEmpty, piece.spaceBefore, case let word = softWordWidth(all, from: i), word <= width,
        lineWidth + gap + word > width
      {
        lines.append(line)
        line = piece.text
        lineWidth = pieceWidth
        continue
      }
      if lineWidth + gap + pieceWidth <= width {
        line += (gap == 1 ? " " : "") + piece.text
        lineWidth += gap + pieceWidth
        continue
      }
      if !line.isEmpty { lines.append(line) }
      line = ""
      lineWidth = 0
      // A word wider than the line is broken at character boundaries.
      for part in hardBreak(piece.text, width: width) {
        if !line.isEmpty { lines.append(line) }
        line = part
        lineWidth = TextWidth.of(part)
      }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  /// The width of the word that starts at piece `i`: the piece and the soft parts that
  /// continue it (cut after `_`, `-`, `/` or `.`, with no space between).
  static func softWordWidth(_ all: [(text: String, spaceBefore: Bool)], from i: Int) -> Int {
    var width = TextWidth.of(all[i].text)
    var k = i + 1
    while k < all.count, !all[k].spaceBefore, let last = all[k - 1].text.last, softBreaks.contains(last),
      let first = all[k].text.first, !isWide(first)
    {
      width += TextWidth.of(all[k].text)
      k += 1
    }
    return width
  }

  /// Like `lines`, but at most `maxLines` lines; a cut last line ends with `…`.
  public static func lines(_ text: String, width: Int, maxLines: Int?) -> [String] {
    var all = lines(text, width: width)
    guard let maxLines, maxLines > 0, all.count > maxLines else { return all }
    all.removeLast(all.count - maxLines)
    all[maxLines - 1] = TextWidth.truncate(all[maxLines - 1] + "…", to: width)
    return all
  }

  /// The widest piece that cannot be broken without cutting a word (0 for empty text).
  public static func longestWord(_ text: String) -> Int {
    pieces(text).map { TextWidth.of($0.text) }.max() ?? 0
  }

  /// The widest word counting its soft parts as one (`ls-nerdlawyer-harvey-e` whole).
  static func longestWholeWord(_ text: String) -> Int {
    let all = pieces(text)
    var widest = 0
    for i in all.indices where i == 0 || all[i].spaceBefore || isWide(all[i].text.first ?? " ") {
      widest = max(widest, softWordWidth(all, from: i))
    }
    return widest
  }

  /// Unbreakable pieces: runs of non-space, non-CJK characters (words), or single wide
  /// characters (with closing punctuation kept on the character before it).
  static func pieces(_ text: String) -> [(text: String, spaceBefore: Bool)] {
    if let ascii = asciiPieces(text) { return ascii }
    var result: [(text: String, spaceBefore: Bool)] = []
    var current = ""
    var spaceBefore = false
    var sawSpace = false
    func flush() {
      for (i, part) in softParts(current).enumerated() { result.append((part, i == 0 && spaceBefore)) }
      current = ""
    }
    for ch in text {
      if ch == " " {
        flush()
        sawSpace = true
        continue
      }
      if noLineStart.contains(ch), !current.isEmpty || !result.isEmpty, !sawSpace {
        // Keep "，" or ")" with what it follows.
        if current.isEmpty {
          result[result.count - 1].text.append(ch)
        } else {
          current.append(ch)
        }
        continue
      }
      let wide = isWide(ch)
      if wide || (!current.isEmpty && isWide(current.last!)) { flush() }
      if current.isEmpty {
        spaceBefore = sawSpace
        sawSpace = false
      }
      current.append(ch)
      if wide { flush() }
    }
    flush()
    return result
  }

  /// Words longer than this may break after `_`, `-`, `/` or `.` (identifiers such as
  /// `market_cap_multiple_of_prior_valuation`, URLs); shorter ones (dates, ids) never do.
  static let softBreakLength = 16
  static let softBreaks: Set<Character> = ["_", "-", "/", "."]

  /// A long word cut after each soft break (`market_`, `cap_`, ...); other words whole.
  static func softParts(_ word: String) -> [String] {
    if word.isEmpty { return [] }
    guard TextWidth.of(word) > softBreakLength else { return [word] }
    var parts: [String] = []
    var part = ""
    for ch in word {
      part.append(ch)
      if softBreaks.contains(ch) {
        parts.append(part)
        part = ""
      }
    }
    if !part.isEmpty { parts.append(part) }
    return parts
  }

  /// `pieces` for plain ASCII text, by bytes (the common case, and much faster): words
  /// between spaces, long ones cut after their soft breaks. Nil for any other text.
  static func asciiPieces(_ text: String) -> [(text: String, spaceBefore: Bool)]? {
    var result: [(text: String, spaceBefore: Bool)] = []
    var ascii = true
    text.utf8.withContiguousStorageIfAvailable { bytes in
      var start = 0
      var spaceBefore = false
      func word(_ end: Int) {
        guard end > start else { return }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if end - start <= softBreakLength {
          result.append((String(decoding: slice, as: UTF8.self), spaceBefore))
        } else {
          var from = 0
          for (i, b) in slice.enumerated() where b == 0x5F || b == 0x2D || b == 0x2F || b == 0x2E {
            let part = UnsafeBufferPointer(rebasing: slice[from...i])
            result.append((String(decoding: part, as: UTF8.self), from == 0 && spaceBefore))
            from = i + 1
          }
          if from < slice.count {
            let part = UnsafeBufferPointer(rebasing: slice[from...])
            result.append((String(decoding: part, as: UTF8.self), from == 0 && spaceBefore))
          }
        }
        spaceBefore = false
      }
      for (i, b) in bytes.enumerated() {
        if b < 0x20 || b >= 0x7F {
          ascii = false
          return
        }
        if b == 0x20 {
          word(i)
          start = i + 1
          spaceBefore = true
        }
      }
      word(bytes.count)
    }
    guard ascii, text.utf8.withContiguousStorageIfAvailable({ _ in true }) == true else { return nil }
    return result
  }

  static func isWide(_ ch: Character) -> Bool {
    ch.unicodeScalars.first.map { TextWidth.of($0) == 2 } ?? false
  }

  /// Splits a piece into parts of at most `width` columns at character boundaries.
  static func hardBreak(_ text: String, width: Int) -> [String] {
    var parts: [String] = []
    var part = ""
    var used = 0
    for ch in text {
      let w = TextWidth.of(String(ch))
      if used + w > width && !part.isEmpty {
        parts.append(part)
        part = ""
        used = 0
      }
      part.append(ch)
      used += w
    }
    if !part.isEmpty { parts.append(part) }
    return parts
  }
}
