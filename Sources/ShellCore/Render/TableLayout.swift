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

  /// Text columns are not squeezed below this many columns (or their natural width).
  static let comfortable = 10

  /// The plan for a column from its header and its cells (as displayed) and values.
  init(header: String, cells: [String], values: [Value]) {
    natural = max(TextWidth.of(header), cells.map(TextWidth.of).max() ?? 0)
    atomic = !values.isEmpty && values.allSatisfy(Self.isAtomic)
    let headerWord = TextWrap.longestWord(header)
    if atomic {
      minimum = max(headerWord, cells.map(TextWidth.of).max() ?? 0)
    } else {
      let word = max(headerWord, cells.map(TextWrap.longestWord).max() ?? 0)
      minimum = max(word, min(natural, Self.comfortable))
    }
  }

  init(natural: Int, minimum: Int, atomic: Bool) {
    self.natural = natural
    self.minimum = minimum
    self.atomic = atomic
  }

  /// Numbers, money, dates and booleans are read whole: never wrapped, never cut.
  static func isAtomic(_ value: Value) -> Bool {
    switch value {
    case .null, .bool, .int, .double, .decimal, .money, .date: return true
    default: return false
    }
  }
}

extension ColumnPlan {
  /// Content widths (borders excluded) that fit `budget`: each column starts at its
  /// minimum and the rest is shared by need, short columns first getting all they need
  /// (max-min fairness). Nil when even the minimums do not fit.
  static func widths(_ plans: [ColumnPlan], budget: Int) -> [Int]? {
    var widths = plans.map(\.minimum)
    var extra = budget - widths.reduce(0, +)
    if extra < 0 { return nil }
    var open = plans.indices.filter { plans[$0].natural > widths[$0] }
      .sorted { plans[$0].natural - widths[$0] < plans[$1].natural - widths[$1] }
    while let first = open.first, extra > 0 {
      let share = extra / open.count
      let need = plans[first].natural - widths[first]
      if need <= share {
        widths[first] += need
        extra -= need
        open.removeFirst()
        continue
      }
      for i in open { widths[i] += share }
      extra -= share * open.count
      for i in open.reversed() where extra > 0 {
        widths[i] += 1
        extra -= 1
      }
      break
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
