/// The structured output of a plugin command.
///
/// `type` is one of:
/// - `table`: `columns` (strings), `rows` (lists of values), optional `notes`
/// - `record`: `fields`, a list of `[name, value]` pairs, in order
/// - `graph`: `nodes` (objects with `name`, optional `key`, `labels`) and `edges`
///   (objects with `from`, `type`, `to`)
/// - `message`: `text`
/// - `empty`
///
/// Values are JSON; `{"$type": "entity", "key": .., "name": ..}`, `{"$type": "date",
/// "value": "2025-07"}` and `{"$type": "money", "amount": "1.5", "currency": "USD"}` keep
/// kgsh's richer types.
public struct WireOutput: Codable, Sendable, Equatable {
  public var type: String
  public var columns: [String]?
  public var rows: [[WireValue]]?
  public var notes: [String]?
  public var fields: [[WireValue]]?
  public var nodes: [WireValue]?
  public var edges: [WireValue]?
  public var text: String?

  public init(type: String) { self.type = type }

  public static func table(_ columns: [String], _ rows: [[WireValue]], notes: [String] = []) -> WireOutput {
    var o = WireOutput(type: "table")
    o.columns = columns
    o.rows = rows
    o.notes = notes.isEmpty ? nil : notes
    return o
  }

  public static func record(_ fields: [(String, WireValue)]) -> WireOutput {
    var o = WireOutput(type: "record")
    o.fields = fields.map { [.string($0.0), $0.1] }
    return o
  }

  public static func message(_ text: String) -> WireOutput {
    var o = WireOutput(type: "message")
    o.text = text
    return o
  }

  public static let empty = WireOutput(type: "empty")
}
