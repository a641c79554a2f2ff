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
  /// The columns to show when a terminal is too narrow for all of them (e.g. `prices`:
  /// id, product, tier and the prices); a note says how to see the rest. Empty: all
  /// columns, or one record per row when they do not fit. Only terminal tables use it.
  public var narrowColumns: [String] = []

  public init(columns: [String], rows: [[Value]], notes: [String] = []) {
    self.columns = columns
    self.rows = rows
    self.notes = notes
  }

  /// The note under a table that `--limit` cut short (`atLeast`: `total` is a lower bound).
  public static func limitNote(shown: Int, of total: Int, atLeast: Bool = false) -> String {
    "limit reached: \(shown) of \(atLeast ? "at least " : "")\(total) shown; raise --limit"
  }

  /// The note under a table that `--limit` cut short when only that more exist is known
  /// (`shown`: what was shown, e.g. "100 paths").
  public static func limitNote(shown: String) -> String {
    "limit reached: \(shown) shown, more exist; raise --limit"
  }

  /// The index of a column by name (case-insensitive).
  public func column(_ name: String) -> Int? {
    columns.firstIndex { $0.lowercased() == name.lowercased() }
  }
}
