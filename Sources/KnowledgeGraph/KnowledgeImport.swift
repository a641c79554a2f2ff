import Foundation
import GRDB

/// Reads knowledge in the formats of Knowledge/ (sources, entities, facts, edges; TSV, CSV
/// or JSON) into the change log, in one transaction, with an outcome per row: added,
/// changed (recorded as a correction), unchanged, or rejected with the reason.
public enum KnowledgeImport {
  public struct Outcome: Sendable {
    public enum Result: String, Sendable { case added, changed, unchanged, rejected }
    public var location: String
    public var id: String
    public var result: Result
    public var detail: String
  }

  /// One table of rows read from a file, named by what it holds.
  public struct Table: Sendable {
    public var kind: ChangeTarget
    public var rows: [(location: String, fields: [String: String])]
  }

  static let kinds: [(String, ChangeTarget)] = [
    ("sources", .source), ("entities", .entity), ("facts", .fact), ("edges", .edge),
  ]

  /// The tables of several folders or files read as one import: every path's tables, grouped
  /// by kind in the order sources, entities, facts, edges (paths in the given order within a
  /// kind), so a row may name an entity that another path adds.
  public static func read(paths: [String]) throws -> [Table] {
    let all = try paths.flatMap { try read($0) }
    return kinds.flatMap { kind in all.filter { $0.kind == kind.1 } }
      + all.filter { t in !kinds.contains { $0.1 == t.kind } }
  }

  /// The tables of a folder (sources, entities, facts, edges in that order, any of .tsv,
  /// .csv, .json) or of one file (named like them, or a JSON object with those keys).
  public static func read(_ path: String) throws -> [Table] {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
      throw KgshError(.notFound, "import knowledge: no file or folder \(path)", hint: "check the path")
    }
    if isDir.boolValue {
      var tables: [Table] = []
      for (name, kind) in kinds {
        for ext in ["tsv", "csv", "json"]
        where FileManager.default.fileExists(atPath: "\(path)/\(name).\(ext)") {
          tables += try file("\(path)/\(name).\(ext)", kind: kind)
        }
      }
      guard !tables.isEmpty else {
        throw KgshError(
          .notFound,
          "import knowledge: \(path) has none of sources, entities, facts, edges (.tsv, .csv or .json)",
          hint: "export knowledge DIR writes such a folder")
      }
      return tables
    }
    let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    return try file(path, kind: kinds.first { base.hasPrefix($0.0) }?.1)
  }

  static func file(_ path: String, kind: ChangeTarget?) throws -> [Table] {
    let name = (path as NSString).lastPathComponent
    let text = try TextFile.read(path)
    if path.hasSuffix(".json") { return try json(text, name: name, kind: kind) }
    guard let kind else {
      throw KgshError(
        .invalidValue, "import knowledge: cannot tell what \(name) holds",
        hint: "name it sources, entities, facts or edges (.tsv, .csv, .json)")
    }
    if path.hasSuffix(".csv") {
      var header: [String] = []
      var rows: [(location: String, fields: [String: String])] = []
      try CSVReader(path: path).forEachRecord { fields, line, _ in
        if header.isEmpty {
          header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
          return
        }
        var row: [String: String] = [:]
        for (i, cell) in fields.enumerated() where i < header.count {
          row[header[i]] = cell.trimmingCharacters(in: .whitespaces)
        }
        rows.append(("\(name):\(line)", row))
      }
      return [Table(kind: kind, rows: rows)]
    }
    let tsv = try TSV.parse(text, name: name)
    return [
      Table(
        kind: kind,
        rows: tsv.rows.map { row in
          (row.location, Dictionary(uniqueKeysWithValues: tsv.header.map { ($0, row[$0]) }))
        })
    ]
  }

  static func json(_ text: String, name: String, kind: ChangeTarget?) throws -> [Table] {
    func rows(_ v: Value, _ label: String) throws -> [(String, [String: String])] {
      guard case .list(let items) = v else {
        throw KgshError(
          .invalidValue, "\(name): \(label) is not a list of objects", hint: "write [{...}, ...]")
      }
      return items.enumerated().map { i, item in
        var fields: [String: String] = [:]
        if case .map(let m) = item { for (k, v) in m where !v.isNull { fields[k] = v.plainText } }
        return ("\(name) \(label)[\(i + 1)]", fields)
      }
    }
    let value: Value
    do {
      value = try JSON.decode(text)
    } catch {
      throw KgshError(
        .invalidValue, "import knowledge: \(name): \(KgshError.describe(error))",
        hint: "fix the file and import it again; nothing was imported")
    }
    if case .map(let m) = value {
      let found = kinds.filter { m[$0.0] != nil }
      guard !found.isEmpty else {
        throw KgshError(
          .invalidValue, "\(name) has none of the keys sources, entities, facts, edges",
          hint: "see Knowledge/FORMAT.md")
      }
      return try found.map { Table(kind: $0.1, rows: try rows(m[$0.0]!, $0.0)) }
    }
    guard let kind else {
      throw KgshError(
        .invalidValue, "import knowledge: cannot tell what \(name) holds", hint: "name it facts.json etc.")
    }
    return [Table(kind: kind, rows: try rows(value, "row"))]
  }
}
