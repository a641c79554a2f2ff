import Foundation
import KnowledgeGraph
import ShellCore

/// A price file read for `import prices`: CSV (RFC 4180 quoting), TSV or JSON (an array of
/// objects), UTF-8 with or without a BOM, LF or CRLF line ends. Each record keeps the line
/// it starts on. A file that cannot be parsed, or lacks a required column, throws: then
/// nothing is imported.
struct PriceFile {
  struct Record {
    var line: Int
    var cells: [String: String]
    /// Why the record cannot be used as read (wrong number of fields, not an object).
    var problem: String?
  }

  static let required = ["price_id", "category", "product_or_model", "currency", "as_of"]

  var header: [String]
  var records: [Record]

  /// Reads and parses a file; the format comes from its extension (.csv, .tsv, .json).
  static func read(_ path: String, command: String) throws -> PriceFile {
    let ext = (path as NSString).pathExtension.lowercased()
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw KgshError(
        .invalidValue, "\(command): \(path) is a folder, not a price file",
        hint: "name a .csv, .tsv or .json file in it; nothing was imported")
    }
    guard ["csv", "tsv", "json"].contains(ext) else {
      throw KgshError(
        .invalidValue, "\(command): cannot tell the format of '\(path)'",
        hint: "name the file .csv, .tsv or .json")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw KgshError(
        .notFound, "\(command): no file '\(path)'", hint: "check the path; nothing was imported")
    }
    guard var text = String(validating: data, as: UTF8.self) else {
      let problem = TextFile.notUTF8(path, bytes: data)
      throw KgshError(problem.kind, "\(command): \(problem.message)", hint: problem.hint)
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let file = try ext == "json" ? json(text, command) : delimited(path, command)
    try file.checkHeader(path, command: command)
    return file
  }

  /// Refuses a file without the required columns or with a column kgsh does not know.
  func checkHeader(_ path: String, command: String) throws {
    let missing = Self.required.filter { !header.contains($0) }
    if !missing.isEmpty {
      throw KgshError(
        .invalidValue,
        "\(command): \(path) has no column \(missing.joinedText(", ")); nothing was imported",
        hint: "the header needs \(Self.required.joinedText(", ")); export prices shows every column")
    }
    if let unknown = header.first(where: { !PriceRow.columns.contains($0) }) {
      let near = Names.suggestions(for: unknown, among: PriceRow.columns).first
      throw KgshError(
        .invalidValue, "\(command): \(path) has an unknown column '\(unknown)'; nothing was imported",
        hint: near.map { "did you mean '\($0)'?" } ?? "columns: \(PriceRow.columns.joinedText(", "))")
    }
    var seen: Set<String> = []
    for column in header where !seen.insert(column).inserted {
      throw KgshError(
        .invalidValue, "\(command): \(path) has the column '\(column)' twice; nothing was imported")
    }
  }

  /// CSV or TSV (read by the shared `CSVReader`: RFC 4180 quoting, BOM, CRLF): the first
  /// non-empty line is the header.
  static func delimited(_ path: String, _ command: String) throws -> PriceFile {
    var rows: [(line: Int, fields: [String])] = []
    do {
      try CSVReader(path: path).forEachRecord { fields, line, _ in
        rows.append((line, fields.map { $0.trimmingCharacters(in: .whitespaces) }))
      }
    } catch {
      throw KgshError(.invalidValue, "\(command): \(KgshError.describe(error)); nothing was imported")
    }
    guard let first = rows.first else {
      throw KgshError(
        .invalidValue, "\(command): the file is empty; nothing was imported", hint: "it needs a header line")
    }
    let header = first.fields
    let records = rows.dropFirst().map { row -> Record in
      var cells: [String: String] = [:]
      for (k, v) in zip(header, row.fields) { cells[k] = v }
      var problem: String?
      if row.fields.count < header.count {
        problem = "missing columns: \(row.fields.count) fields, the header has \(header.count)"
      } else if row.fields.count > header.count {
        problem = "too many fields: \(row.fields.count), the header has \(header.count)"
      }
      return Record(line: row.line, cells: cells, problem: problem)
    }
    return PriceFile(header: header, records: records)
  }

  /// JSON: an array of objects whose keys are column names; values are strings or numbers.
  static func json(_ text: String, _ command: String) throws -> PriceFile {
    let value: Value
    do {
      value = try JSON.decode(text)
    } catch {
      throw KgshError(
        .invalidValue, "\(command): \(KgshError.describe(error)); nothing was imported",
        hint: "the file must be an array of objects, one per price row")
    }
    guard case .list(let items) = value else {
      throw KgshError(
        .invalidValue, "\(command): the JSON is not an array; nothing was imported",
        hint: "write [ {\"price_id\": ...}, ... ]")
    }
    let lines = objectLines(text)
    var header: [String] = []
    var records: [Record] = []
    for (n, item) in items.enumerated() {
      let line = n < lines.count ? lines[n] : 0
      guard case .map(let object) = item else {
        records.append(Record(line: line, cells: [:], problem: "not an object"))
        continue
      }
      var cells: [String: String] = [:]
      for key in object.keys.sorted() {
        if !header.contains(key) { header.append(key) }
        cells[key] = object[key]!.plainText.trimmingCharacters(in: .whitespaces)
      }
      let missing = required.filter { object[$0] == nil }
      records.append(
        Record(
          line: line, cells: cells,
          problem: missing.isEmpty ? nil : "missing columns: \(missing.joinedText(", "))"))
    }
    // Every required key must appear in some object; a row lacking one is rejected above.
    for key in required where !header.contains(key) && !items.isEmpty { header.append(key) }
    if items.isEmpty { header = required }
    return PriceFile(header: header, records: records)
  }

  /// The line each element of the top-level array starts on.
  static func objectLines(_ text: String) -> [Int] {
    JSONLines.members(text, depth: 1).filter { $0.key == nil }.map(\.line)
  }
}
