import Foundation
import KnowledgeGraph

/// A procedure a query can `CALL`: typed inputs, typed outputs, and a body that gives the
/// output rows for one set of arguments.
///
/// ```swift
/// var engine = QueryEngine(store: store)
/// engine.procedures["test.double"] = Procedure(
///   name: "test.double", inputs: [.init("x", "INTEGER")], outputs: [.init("y", "INTEGER")]
/// ) { args in [[args[0] == .int(1) ? .int(2) : .null]] }
/// ```
public struct Procedure: Sendable {
  /// A named, typed input or output (`INTEGER`, `FLOAT`, `NUMBER`, `STRING`, `BOOLEAN`, `ANY`, ...).
  public struct Field: Sendable, Equatable {
    public var name: String
    public var type: String
    public init(_ name: String, _ type: String) {
      self.name = name
      self.type = type.uppercased().trimmingCharacters(in: CharacterSet(charactersIn: "? "))
    }
  }

  public var name: String
  public var inputs: [Field]
  public var outputs: [Field]
  /// The output rows (one value per output, in order) for arguments already checked against
  /// the input types.
  public var body: @Sendable ([ResultValue]) throws -> [[ResultValue]]

  public init(
    name: String, inputs: [Field], outputs: [Field],
    body: @escaping @Sendable ([ResultValue]) throws -> [[ResultValue]]
  ) {
    self.name = name
    self.inputs = inputs
    self.outputs = outputs
    self.body = body
  }

  /// A procedure given as a table: each row holds input values then output values; a call
  /// returns the outputs of the rows whose inputs equal the arguments (null equals null,
  /// 42 equals 42.0).
  public static func table(name: String, inputs: [Field], outputs: [Field], rows: [[ResultValue]])
    -> Procedure
  {
    Procedure(name: name, inputs: inputs, outputs: outputs) { args in
      let wanted = try args.map(QValue.init)
      return try rows.filter { row in
        try zip(row.prefix(inputs.count), wanted).allSatisfy { cell, arg in
          let v = try QValue(cell)
          return (v.isNull && arg.isNull) || QValue.equals(v, arg) == .yes
        }
      }.map { Array($0.dropFirst(inputs.count)) }
    }
  }
}

extension Procedure.Field {
  /// Whether a value fits this field's type (null always does: the TCK's types are nullable).
  func accepts(_ v: QValue) -> Bool {
    switch (type, v) {
    case (_, .null), ("ANY", _): return true
    case ("INTEGER", .int), ("FLOAT", .float), ("FLOAT", .int), ("NUMBER", .int), ("NUMBER", .float):
      return true
    case ("STRING", .string), ("BOOLEAN", .bool), ("MAP", .map), ("NODE", .node): return true
    case ("RELATIONSHIP", .relationship), ("PATH", .path): return true
    default: return type.hasPrefix("LIST") && { if case .list = v { return true } else { return false } }()
    }
  }
}

/// Procedures every query can call: `db.labels()`, `db.relationshipTypes()`, `db.propertyKeys()`.
enum BuiltInProcedures {
  /// The names as written in queries (matched in any case).
  static let names = ["db.labels", "db.relationshipTypes", "db.propertyKeys"]

  static func lookup(_ name: String, _ graph: QueryGraph) -> Procedure? {
    switch name.lowercased() {
    case "db.labels":
      let names = graph.labelNames.indices.filter { graph.labelMembers.size($0) > 0 }.map {
        graph.labelNames[$0]
      }
      return fixed(name, "label", names)
    case "db.relationshiptypes":
      let names = graph.typeNames.indices.filter { graph.typeCounts[$0] > 0 }.map { graph.typeNames[$0] }
      return fixed(name, "relationshipType", names)
    case "db.propertykeys":
      var keys: Set<String> = []
      for n in 0..<Int32(graph.nodeCount) {
        keys.formUnion((try? graph.properties(ofNode: n).keys) ?? [:].keys)
      }
      for e in 0..<Int32(graph.edgeCount) {
        keys.formUnion((try? graph.properties(ofEdge: e).keys) ?? [:].keys)
      }
      return fixed(name, "propertyKey", Array(keys))
    default: return nil
    }
  }

  static func fixed(_ name: String, _ column: String, _ values: [String]) -> Procedure {
    let rows = values.sorted().map { [ResultValue.string($0)] }
    return Procedure(name: name, inputs: [], outputs: [.init(column, "STRING")]) { _ in rows }
  }
}
