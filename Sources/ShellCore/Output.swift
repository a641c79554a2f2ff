import KnowledgeGraph

/// What a command returns: structured data, never pre-formatted text. The renderer turns it
/// into a table, JSON, CSV, TSV or Markdown.
public indirect enum Output: Sendable {
  case table(Table)
  /// One record: ordered fields (rendered as a two-column table, JSON object).
  case record([(String, Value)])
  /// Several titled parts (an entity card): each renders under its heading; JSON is an object.
  case sections([(String, Output)])
  /// A plain message for humans (JSON: `{"message": ...}`).
  case message(String)
  case empty

  /// The column names of a table or a record's fields; nil for other outputs.
  public var columns: [String]? {
    switch self {
    case .table(let t): return t.columns
    case .record(let fields): return fields.map(\.0)
    default: return nil
    }
  }

  /// The output as a table, for pipeline verbs; nil when it has no tabular shape.
  public var asTable: Table? {
    switch self {
    case .table(let t): return t
    case .record(let fields):
      return Table(columns: fields.map(\.0), rows: [fields.map(\.1)])
    default: return nil
    }
  }
}

/// A table of typed cells with named columns.
public struct Table: Sendable {
  public var columns: [String]
  public var rows: [[Value]]
  /// Lines printed under the table for humans (e.g. "limit reached: 20 of 312 shown").
  public var notes: [String]
  /// The columns to show when a terminal is too narrow for all of them, the most important
  /// first (e.g. `cost`: model, total, ...): as many of them as fit, at least the first
  /// three, in the table's own order; a note says how to see the rest. Empty: all columns,
  /// or one record per row when they do not fit. Only terminal tables use it.
  public var narrowColumns: [String] = []
  /// The columns a terminal shows, when some columns are another view of the same facts for
  /// programs (`path`: its chain on screen, its `nodes` and `relations` lists in JSON). Empty:
  /// all. JSON, CSV, TSV, Markdown and pipeline verbs see every column.
  public var screenColumns: [String] = []

  public init(columns: [String], rows: [[Value]], notes: [String] = []) {
    self.columns = columns
    self.rows = rows
    self.notes = notes
  }

  /// The table a terminal shows: its `screenColumns` (those that exist), else itself.
  public var onScreen: Table {
    let kept = screenColumns.compactMap(column)
    guard !kept.isEmpty, kept.count < columns.count else { return self }
    var shown = keeping(kept)
    shown.screenColumns = []
    return shown
  }

  /// A copy with only the columns at `indexes`, in that order (notes and the limit's cut kept).
  public func keeping(_ indexes: [Int]) -> Table {
    var kept = self
    kept.columns = indexes.map { columns[$0] }
    kept.rows = rows.map { row in indexes.map { $0 < row.count ? row[$0] : .null } }
    return kept
  }

  /// Set when `--limit` cut the rows short; pipeline verbs that consume the rows (`count`,
  /// `where`, `uniq`) say then that they saw only those.
  public private(set) var limitCut: LimitCut?

  /// A table that `--limit` cut short (nil: it did not): the cut's note follows `notes`.
  public init(columns: [String], rows: [[Value]], notes: [String] = [], limitCut: LimitCut?) {
    self.init(columns: columns, rows: rows, notes: notes)
    if let limitCut { markCut(limitCut) }
  }

  /// The note that says rows are missing: `--limit` cut them, or a pipeline verb saw only
  /// the rows a limit let through. CSV, TSV and JSON have no room for notes, so the shell
  /// prints this one on stderr: a script must not take 20 rows for all of them.
  public private(set) var missingRowsNote: String?

  /// How many rows `--limit` let through, when it cut the table (a `where` after it may
  /// keep fewer).
  public private(set) var letThrough: Int?

  /// Records that `--limit` cut the rows short, with the note that says so.
  public mutating func markCut(_ cut: LimitCut) {
    limitCut = cut
    letThrough = rows.count
    let note = cut.note(shown: rows.count)
    notes.append(note)
    missingRowsNote = note
  }

  /// Ends the cut: the rows left are what was asked for (`first 3` of a cut table).
  public mutating func clearCut() {
    limitCut = nil
    missingRowsNote = nil
  }

  /// Records that a pipeline verb `did` something (e.g. "counted") to only the `rows` rows
  /// that `cut` let through: that note replaces the input's notes.
  public mutating func markConsumed(_ cut: LimitCut, _ did: String, rows: Int, letThrough: Int? = nil) {
    let note = cut.consumedNote(did, rows: rows, letThrough: letThrough)
    notes = [note]
    missingRowsNote = note
  }

  /// The index of a column by name (case-insensitive).
  public func column(_ name: String) -> Int? {
    columns.firstIndex { $0.lowercased() == name.lowercased() }
  }
}

/// How `--limit` cut a table short: the one place its notes are worded.
public enum LimitCut: Sendable, Equatable {
  /// `total` rows matched (`atLeast`: that many or more).
  case of(Int, atLeast: Bool)
  /// More rows exist than the `shown` ones (e.g. "100 paths"); how many is not known.
  case moreExist(shown: String)

  /// `total` rows matched, exactly.
  public static func of(_ total: Int) -> LimitCut { .of(total, atLeast: false) }

  /// The note under the cut table.
  public func note(shown: Int) -> String {
    switch self {
    case .of(let total, let atLeast):
      "limit reached: \(shown) of \(Self.total(total, atLeast)) shown; raise --limit"
    case .moreExist(let shown): "limit reached: \(shown) shown, more exist; raise --limit"
    }
  }

  /// The note of a pipeline verb that `did` something (e.g. "counted") to the `rows` rows the
  /// limit let through.
  /// `letThrough`: how many the limit let through, when a filter kept fewer (`counted 16
  /// of only the 20 rows ...`).
  public func consumedNote(_ did: String, rows: Int, letThrough: Int? = nil) -> String {
    guard let letThrough, letThrough != rows else {
      return "\(did) only the \(rows.counted("row")) --limit let through, \(all); raise --limit"
    }
    return
      "\(did) \(rows) of only the \(letThrough.counted("row")) --limit let through, \(all); raise --limit"
  }

  /// How many rows there were beyond the ones let through: "of 27", "more exist".
  public var all: String {
    switch self {
    case .of(let total, let atLeast): "of \(Self.total(total, atLeast))"
    case .moreExist: "more exist"
    }
  }

  private static func total(_ total: Int, _ atLeast: Bool) -> String {
    atLeast ? "at least \(total)" : "\(total)"
  }
}
