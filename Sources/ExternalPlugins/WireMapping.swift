import Foundation
import KnowledgeGraph
import PluginProtocol
import ShellCore

/// Converts between the wire's JSON values and outputs and the shell's `Value` and `Output`,
/// so a plugin's table renders, pipes and prints as JSON/CSV like a built-in command's.
enum WireMapping {
  /// A wire value as a shell value; `$type` objects become entities, dates and money.
  static func value(_ wire: WireValue) -> Value {
    switch wire {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .double(let d): return .double(d)
    case .string(let s): return .string(s)
    case .array(let items): return .list(items.map(value))
    case .object(let fields):
      switch fields["$type"]?.string {
      case "entity":
        return .entity(
          EntityRef(
            id: 0, key: fields["key"]?.text ?? "", name: fields["name"]?.text ?? fields["key"]?.text ?? ""))
      case "date": return .date(fields["value"]?.text ?? "")
      case "money":
        if let amount = PlainDecimal.parse(fields["amount"]?.text ?? ""),
          let currency = fields["currency"]?.string
        {
          return .money(Money(amount, currency))
        }
      default: break
      }
      return .map(fields.mapValues(value))
    }
  }

  /// A shell value for the wire (variables, pipeline input, engine call results).
  static func wire(_ value: Value) -> WireValue {
    switch value {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .double(let d): return .double(d)
    case .decimal(let d): return .string(PlainDecimal.text(d))
    case .string(let s): return .string(s)
    case .date(let s): return .object(["$type": "date", "value": .string(s)])
    case .money(let m):
      return .object(["$type": "money", "amount": .string("\(m.amount)"), "currency": .string(m.currency)])
    case .entity(let e): return .object(["$type": "entity", "key": .string(e.key), "name": .string(e.name)])
    case .list(let items): return .array(items.map(wire))
    case .map(let m): return .object(m.mapValues(wire))
    }
  }

  /// A plugin's output as the shell's.
  /// - Throws: `KgshError` naming the plugin when the output is malformed.
  static func output(_ wire: WireOutput, plugin: String) throws -> Output {
    func bad(_ what: String) -> KgshError {
      KgshError(
        .plugin, "plugin \(plugin) returned a malformed \(wire.type) output: \(what)",
        hint: "report it to the plugin's author")
    }
    switch wire.type {
    case "table":
      guard let columns = wire.columns else { throw bad("no columns") }
      let rows = wire.rows ?? []
      if let row = rows.first(where: { $0.count != columns.count }) {
        throw bad("a row has \(row.count.counted("value")) for \(columns.count.counted("column"))")
      }
      return .table(Table(columns: columns, rows: rows.map { $0.map(value) }, notes: wire.notes ?? []))
    case "record":
      return .record(
        try (wire.fields ?? []).map { pair in
          guard pair.count == 2, let name = pair[0].string else {
            throw bad("fields must be [name, value] pairs")
          }
          return (name, value(pair[1]))
        })
    case "graph": return graph(wire)
    case "message": return .message(wire.text ?? "")
    case "empty": return .empty
    default:
      throw KgshError(
        .plugin, "plugin \(plugin) returned an output of unknown type '\(wire.type)'",
        hint: "use table, record, graph, message or empty")
    }
  }

  /// A graph as two tables: its nodes and its edges.
  static func graph(_ wire: WireOutput) -> Output {
    let nodes = (wire.nodes ?? []).map { n -> [Value] in
      [
        .string(n["name"]?.text ?? n["key"]?.text ?? ""), .string(n["key"]?.text ?? ""),
        .string(n["labels"]?.text ?? ""),
      ]
    }
    let edges = (wire.edges ?? []).map { e -> [Value] in
      [.string(e["from"]?.text ?? ""), .string(e["type"]?.text ?? ""), .string(e["to"]?.text ?? "")]
    }
    return .sections([
      ("nodes", .table(Table(columns: ["name", "key", "labels"], rows: nodes))),
      ("edges", .table(Table(columns: ["from", "type", "to"], rows: edges))),
    ])
  }

  /// The shell's output for a plugin (pipeline input).
  static func wire(_ output: Output) -> WireOutput {
    switch output {
    case .table(let t): return .table(t.columns, t.rows.map { $0.map(wire) }, notes: t.notes)
    case .record(let fields): return .record(fields.map { ($0.0, wire($0.1)) })
    case .message(let text): return .message(text)
    case .sections, .empty:
      if let t = output.asTable { return .table(t.columns, t.rows.map { $0.map(wire) }) }
      return .empty
    }
  }
}
