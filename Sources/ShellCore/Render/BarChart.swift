/// Horizontal bar charts in Unicode blocks, with labels padded by display width so bars
/// line up after Chinese (double-width) labels too.
///
/// ```swift
/// BarChart.lines([("智谱 GLM", 20, "¥20"), ("Claude Pro", 120, "¥120")], width: 12)
/// // ["智谱 GLM   ██ ¥20", "Claude Pro ████████████ ¥120"]
/// ```
public enum BarChart {
  static let blocks: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

  /// The shade of a negative value's bar (whole characters: there are no eighths of it).
  static let negative: Character = "░"

  /// One line per bar: the label padded to the widest label, the bar (longest = `width`
  /// characters, in eighths), then `text`. A negative value's bar is as long as its size
  /// but shaded `░`, and a last line says so (a solid bar for -2 read as +2).
  public static func lines(_ bars: [(label: String, value: Double, text: String)], width: Int = 40)
    -> [String]
  {
    let top = bars.map { abs($0.value) }.max() ?? 0
    let labelWidth = bars.map { TextWidth.of(TextWidth.sanitize($0.label)) }.max() ?? 0
    var lines = bars.map { label, value, text in
      let eighths = top > 0 ? Int((abs(value) / top * Double(max(1, width) * 8)).rounded()) : 0
      var bar = String(repeating: "█", count: eighths / 8)
      if eighths % 8 > 0 { bar.append(blocks[eighths % 8 - 1]) }
      if value < 0 { bar = String(repeating: negative, count: max(1, (eighths + 4) / 8)) }
      if bar.isEmpty { bar = "▏" }
      return "\(TextWidth.pad(TextWidth.sanitize(label), to: labelWidth)) \(bar) \(text)"
    }
    if bars.contains(where: { $0.value < 0 }) { lines.append("(\(negative) bars are negative values)") }
    return lines
  }
}
