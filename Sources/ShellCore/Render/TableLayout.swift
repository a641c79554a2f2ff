import KnowledgeGraph

/// How a table is laid out in a terminal: `auto` picks rows of boxes when they fit and a
/// vertical record per row when they do not (psql's `\x auto`), or for a single record.
public enum TableLayout: String, Sendable, CaseIterable {
  case auto, table, vertical
}

/// What one column needs: its width on one line, the narrowest it can be without cutting
/// a word, and whether its cells must never be wrapped (numbers, money, dates).
struct ColumnPlan: Equatable {
  var natural: Int
  var minimum: Int
  var atomic: Bool
  /// How much text would not fit at the minimum width, over all cells: columns with more
  /// to show get more of the room left over.
  var volume: Int
  /// The narrowest width that breaks no word at its soft breaks either (`ls-nerdlawyer-harvey-e`,
  /// `post_money_valuation`), for words up to `wholeWordLimit`: wider than `minimum` when a
  /// cell has such a word, and used when every column's fits.
  var whole: Int

  /// Words longer than this (URLs, long paths) may be broken at their soft breaks even when
  /// there is room: keeping them whole would squeeze every other column.
  static let wholeWordLimit = 32

  /// Text columns are not squeezed below this many columns (or their natural width).
  static let comfortable = 10

  /// The plan for a column from its header and its cells (as displayed) and values.
  init(header: String, cells: [String], values: [Value]) {
    let widths = cells.map(TextWidth.of)
    let widest = widths.max() ?? 0
    natural = max(TextWidth.of(header), widest)
    atomic = !values.isEmpty && values.allSatisfy(Self.isAtomic)
    let headerWord = TextWrap.longestWord(header)
    if atomic {
      minimum = max(headerWord, widest)
      whole = minimum
    } else {
      // Only cells wider than the floor can hold a word longer than it.
      let floor = max(headerWord, min(natural, Self.comfortable))
      var word = floor
      var unbroken = floor
      for (cell, width) in zip(cells, widths) where width > word {
        word = max(word, TextWrap.longestWord(cell))
        if width > unbroken {
          let w = TextWrap.longestWholeWord(cell)
          if w <= Self.wholeWordLimit { unbroken = max(unbroken, w) }
        }
      }
      minimum = word
      whole = max(word, unbroken)
    }
    let floor = minimum
    volume = widths.reduce(0) { $0 + max(0, $1 - floor) }
  }

  init(natural: Int, minimum: Int, atomic: Bool, volume: Int? = nil) {
    self.natural = natural
    self.minimum = minimum
    self.atomic = atomic
    self.volume = volume ?? (natural - minimum)
    whole = minimum
  }

  /// Numbers, money, dates and booleans are read whole: never wrapped, never cut.
  static func isAtomic(_ value: Value) -> Bool {
    switch value {
    case .null, .bool, .int, .double, .decimal, .money, .date: return true
    case .string(let s): return isIdentifier(s) || isTimestamp(s)
    default: return false
    }
  }

  /// An ISO 8601 time such as `2026-12-07T09:29:22.455Z` (a change record's time): read
  /// whole, like a date.
  static func isTimestamp(_ s: String) -> Bool {
    let b = Array(s.utf8)
    guard b.count >= 16, b.count <= 35, b[4] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T") else {
      return false
    }
    return b.allSatisfy { (0x30...0x39).contains($0) || ":.-+TZ".utf8.contains($0) }
  }

  /// A short code with a digit and no spaces (F0001, P033, 02513.HK, GLM-4.5): an id is
  /// never broken across lines.
  static func isIdentifier(_ s: String) -> Bool {
    s.count <= 12 && s.contains(where: \.isNumber) && !s.contains(where: \.isWhitespace)
  }
}

extension ColumnPlan {
  /// Content widths (borders excluded) that fit `budget`: each column starts at its
  /// minimum; columns that need little more than an equal share get all they need, and
  /// the rest is shared in proportion to how much text each still has to show. Nil when
  /// even the minimums do not fit.
  /// Long words are kept whole (`whole`) in as many columns as the room allows, those that
  /// need the least extra first; the others break them at their soft breaks.
  static func widths(_ plans: [ColumnPlan], budget: Int) -> [Int]? {
    var spare = budget - plans.reduce(0) { $0 + $1.minimum }
    guard spare >= 0 else { return nil }
    var kept = plans
    for i in plans.indices.sorted(by: {
      plans[$0].whole - plans[$0].minimum < plans[$1].whole - plans[$1].minimum
    })
    where plans[i].whole > plans[i].minimum && plans[i].whole - plans[i].minimum <= spare {
      spare -= plans[i].whole - plans[i].minimum
      kept[i].minimum = plans[i].whole
    }
    return share(kept, budget: budget)
  }

  static func share(_ plans: [ColumnPlan], budget: Int) -> [Int]? {
    var widths = plans.map(\.minimum)
    var extra = budget - widths.reduce(0, +)
    if extra < 0 { return nil }
    var open = plans.indices.filter { plans[$0].natural > widths[$0] }
    // Short needs first: a name column is not wrapped to make room for a long quote.
    for i in open.sorted(by: { plans[$0].natural - widths[$0] < plans[$1].natural - widths[$1] }) {
      let need = plans[i].natural - widths[i]
      guard need <= extra / max(1, open.count) else { break }
      widths[i] += need
      extra -= need
      open.removeAll { $0 == i }
    }
    while extra > 0, !open.isEmpty {
      let total = open.reduce(0) { $0 + max(1, plans[$1].volume) }
      var given = 0
      for i in open {
        let add = min(extra * max(1, plans[i].volume) / total, plans[i].natural - widths[i])
        widths[i] += add
        given += add
      }
      if given == 0 {
        // Less left than columns to share it: one each, the most text first.
        for i in open.sorted(by: { plans[$0].volume > plans[$1].volume }) where extra - given > 0 {
          widths[i] += 1
          given += 1
        }
      }
      extra -= given
      open.removeAll { widths[$0] >= plans[$0].natural }
    }
    return widths
  }

  /// Widths for a table that must stay a table (`set layout table`) however narrow the
  /// terminal: text columns may break inside words down to 4 columns; numbers, money and
  /// dates keep their full width even when the line then overflows.
  static func forcedWidths(_ plans: [ColumnPlan], budget: Int) -> [Int] {
    if let fit = widths(plans, budget: budget) { return fit }
    let squeezed = plans.map {
      $0.atomic ? $0 : ColumnPlan(natural: $0.natural, minimum: min($0.natural, 4), atomic: false)
    }
    return widths(squeezed, budget: budget) ?? squeezed.map(\.minimum)
  }
}
