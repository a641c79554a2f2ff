/// Lays out completion candidates in columns, the way `ls` does (down, then across).
///
/// - Parameters:
///   - candidates: the words to show.
///   - more: how many were left out; adds a last line "... and N more".
///   - width: the terminal width in columns.
/// - Returns: the lines to print, without line terminators.
func completionListing(_ candidates: [String], more: Int, width: Int) -> [String] {
  var lines: [String] = []
  if !candidates.isEmpty {
    let widths = candidates.map(displayWidth)
    let gap = 2
    let columnWidth = (widths.max() ?? 0) + gap
    let columns = max(1, min(candidates.count, (max(width, 1) + gap) / columnWidth))
    let rows = (candidates.count + columns - 1) / columns
    for row in 0..<rows {
      var line = ""
      for column in 0..<columns {
        let index = column * rows + row
        guard index < candidates.count else { break }
        let isLast = column == columns - 1 || index + rows >= candidates.count
        line += candidates[index]
        if !isLast {
          line += String(repeating: " ", count: columnWidth - widths[index])
        }
      }
      lines.append(line)
    }
  }
  if more > 0 {
    lines.append("... and \(more) more")
  }
  return lines
}

/// How many terminal columns `text` takes: East Asian wide characters (CJK, Hangul,
/// full-width forms, most emoji) take two, combining marks and zero-width characters none.
func displayWidth(_ text: String) -> Int {
  text.unicodeScalars.reduce(0) { $0 + displayWidth($1) }
}

func displayWidth(_ scalar: Unicode.Scalar) -> Int {
  let value = scalar.value
  switch scalar.properties.generalCategory {
  case .nonspacingMark, .enclosingMark, .format, .control:
    return 0
  default:
    break
  }
  let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x2E80...0x303E,
    0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
    0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
    0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]
  return wideRanges.contains { $0.contains(value) } ? 2 : 1
}
