/// Display width of text in a terminal: East Asian wide and full-width characters take two
/// columns, combining marks none, so Chinese tables line up.
public enum TextWidth {
  /// Columns a string takes when printed.
  public static func of(_ text: String) -> Int {
    // Printable ASCII, by far the most common cell, is one column per byte.
    var text = text
    let ascii = text.withUTF8 { bytes in
      for b in bytes where b < 0x20 || b >= 0x7F { return -1 }
      return bytes.count
    }
    if ascii >= 0 { return ascii }
    var width = 0
    for scalar in text.unicodeScalars { width += of(scalar) }
    return width
  }

  /// Columns one scalar takes.
  public static func of(_ s: Unicode.Scalar) -> Int {
    let v = s.value
    if v == 0 { return 0 }
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
    if v < 0x300 { return v == 0xAD ? 0 : 1 }  // Latin: no combining marks before U+0300
    if (0x4E00...0x9FFF).contains(v) { return 2 }  // the common CJK block, before any table lookup
    switch s.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if v == 0x200B { return 0 }
    if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
      || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
      || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
      || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
      || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    {
      return 2
    }
    return 1
  }

  /// Cuts text to at most `width` columns, ending with `…` when cut.
  public static func truncate(_ text: String, to width: Int) -> String {
    if of(text) <= width { return text }
    guard width > 1 else { return width == 1 ? "…" : "" }
    var out = ""
    var used = 0
    for ch in text {
      let w = of(String(ch))
      if used + w > width - 1 { break }
      out.append(ch)
      used += w
    }
    return out + "…"
  }

  private static let blanks = String(decoding: spaces, as: UTF8.self)

  /// Pads text with spaces to `width` columns (left-aligned, or right-aligned for numbers).
  public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
    let missing = width - of(text)
    guard missing > 0 else { return text }
    // A slice of a ready string of blanks: String(repeating:count:) appends one at a time.
    let fill =
      missing <= blanks.utf8.count
      ? String(decoding: blanks.utf8.prefix(missing), as: UTF8.self) : String(repeating: " ", count: missing)
    return right ? fill + text : text + fill
  }

  /// Appends the UTF-8 of text `width` columns wide, padded with spaces to `column` columns
  /// (as `pad`), to a line being built, without a padded copy.
  static func appendPadded(_ text: String, width: Int, to column: Int, right: Bool, into line: inout [UInt8])
  {
    let missing = column - width
    guard missing > 0 else {
      appendUTF8(text, into: &line)
      return
    }
    if !right { appendUTF8(text, into: &line) }
    if missing <= spaces.count {
      line.append(contentsOf: spaces[..<missing])
    } else {
      line.append(contentsOf: repeatElement(UInt8(ascii: " "), count: missing))
    }
    if right { appendUTF8(text, into: &line) }
  }

  /// Appends the UTF-8 of `text` in one copy (a native string's bytes are contiguous).
  @inline(__always)
  static func appendUTF8(_ text: String, into bytes: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// Appends `count` box-drawing rules (`─`).
  static func appendRule(_ count: Int, into bytes: inout [UInt8]) {
    guard count > 0 else { return }
    if count <= 256 {
      bytes.append(contentsOf: ruleBytes[..<(3 * count)])  // `─` is three bytes in UTF-8
    } else {
      appendUTF8(String(repeating: "─", count: count), into: &bytes)
    }
  }

  private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 256)
  /// 256 rules (`─`, E2 94 80 in UTF-8), made without appending characters one at a time.
  private static let ruleBytes: [UInt8] = (0..<768).map { [0xE2, 0x94, 0x80][$0 % 3] }

  /// Makes text safe to print: control characters and escape sequences are shown as
  /// visible symbols, never interpreted by the terminal; newlines become spaces.
  public static func sanitize(_ text: String) -> String {
    if !hasControlCharacters(text, besidesNewlines: false) { return text }
    var out = String.UnicodeScalarView()
    for s in text.unicodeScalars {
      switch s.value {
      case 0x0A, 0x0D, 0x09: out.append(" ")
      case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + s.value)!)
      case 0x7F: out.append("\u{2421}")
      case 0x80..<0xA0: out.append("\u{FFFD}")
      default: out.append(s)
      }
    }
    return String(out)
  }

  /// Whether `text` has a C0 or C1 control character or DEL (other than line feeds when
  /// `besidesNewlines`), found in one pass over its UTF-8 bytes: C1 controls are U+0080-U+009F,
  /// encoded 0xC2 0x80-0x9F.
  static func hasControlCharacters(_ text: String, besidesNewlines: Bool) -> Bool {
    // Over the string's own buffer when it has one: a third of the instructions of stepping
    // through `utf8` (every cell of every table passes here).
    text.utf8.withContiguousStorageIfAvailable {
      mayHaveControlBytes($0) && hasControlBytes($0, besidesNewlines: besidesNewlines)
    } ?? hasControlBytes(text.utf8, besidesNewlines: besidesNewlines)
  }

  /// False when no byte of `bytes` can start a control character: none below 0x20, no DEL
  /// (0x7F) and no 0xC2 (the first byte of a C1 control). Eight bytes a step, each test over
  /// a whole word (a byte below n sets its top bit in (x - n*ones) & ~x); ~2 instructions a
  /// byte where `hasControlBytes` takes ~6. True means "look closer", not "found".
  static func mayHaveControlBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func suspicious(_ x: UInt64) -> Bool {
      let del = x ^ (0x7F &* ones), c2 = x ^ (0xC2 &* ones)
      let below20 = (x &- 0x20 &* ones) & ~x
      let isDEL = (del &- ones) & ~del
      let isC2 = (c2 &- ones) & ~c2
      return (below20 | isDEL | isC2) & highs != 0
    }
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i + 8 <= bytes.count {
      if suspicious(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
      i += 8
    }
    while i < bytes.count {
      let b = bytes[i]
      if b < 0x20 || b == 0x7F || b == 0xC2 { return true }
      i += 1
    }
    return false
  }

  static func hasControlBytes<Bytes: Sequence<UInt8>>(_ bytes: Bytes, besidesNewlines: Bool) -> Bool {
    var afterC2 = false
    for byte in bytes {
      if byte < 0x20 && !(besidesNewlines && byte == 0x0A) || byte == 0x7F
        || afterC2 && byte < 0xA0 && byte >= 0x80
      {
        return true
      }
      afterC2 = byte == 0xC2
    }
    return false
  }
}
