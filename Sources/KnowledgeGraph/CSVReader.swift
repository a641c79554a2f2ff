import Foundation

/// A streaming reader of comma- or tab-separated files (RFC 4180 quoting, a UTF-8 byte
/// order mark, LF or CRLF line ends), fast enough for millions of rows.
///
/// ```swift
/// let csv = try CSVReader(path: "edges.csv")
/// try csv.forEachRecord { fields, line in print(line, fields) }
/// ```
public struct CSVReader: Sendable {
  public let path: String
  let data: Data
  /// The field separator: a tab for .tsv/.tab files, otherwise a comma.
  public let separator: UInt8

  /// Opens a file (memory-mapped).
  /// - Throws: `KgshError` when the file cannot be read.
  public init(path: String) throws {
    self.path = path
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    } catch {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw KgshError(.notFound, "no file \(path)", hint: "check the path; nothing was imported")
      }
      if isFolder.boolValue {
        throw KgshError(
          .invalidValue, "\(path) is a folder, not a CSV or TSV file",
          hint: "name a file in it; nothing was imported")
      }
      throw KgshError(.io, "cannot read \(path)", hint: "check that you may read it; nothing was imported")
    }
    let lower = path.lowercased()
    separator =
      lower.hasSuffix(".tsv") || lower.hasSuffix(".tab")
      ? UInt8(ascii: "\t") : Self.headerSeparator(data) ?? UInt8(ascii: ",")
  }

  /// A .csv file whose first line has no comma but semicolons (a spreadsheet set to a
  /// decimal comma writes those) or tabs is read with that separator; nil: commas.
  static func headerSeparator(_ data: Data) -> UInt8? {
    var counts: [UInt8: Int] = [:]
    var quoted = false
    for byte in data.prefix(64 * 1024) {
      if byte == UInt8(ascii: "\"") { quoted.toggle() }
      if quoted { continue }
      if byte == UInt8(ascii: "\n") { break }
      if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "\t") {
        counts[byte, default: 0] += 1
      }
    }
    guard counts[UInt8(ascii: ",")] == nil else { return nil }
    return [UInt8(ascii: ";"), UInt8(ascii: "\t")].max { counts[$0] ?? 0 < counts[$1] ?? 0 }
      .flatMap { counts[$0] == nil ? nil : $0 }
  }

  /// The separator as a word for a report (`';'`, `tab`), when it is not the file kind's own.
  public var unusualSeparator: String? {
    let lower = path.lowercased()
    let own = lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") ? UInt8(ascii: "\t") : UInt8(ascii: ",")
    guard separator != own else { return nil }
    return separator == UInt8(ascii: "\t") ? "tabs" : "'\(Character(UnicodeScalar(separator)))'"
  }

  /// The fields of the first record (the header), trimmed; empty for an empty file or one
  /// that cannot be read.
  public func header() -> [String] {
    struct Read: Error {}
    var header: [String] = []
    _ = try? forEachRecord { fields, _, _ in
      header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
      throw Read()
    }
    return header
  }

  /// The size of the file in bytes (for progress reports).
  public var byteCount: Int { data.count }

  /// Calls `body` with the fields of every record and the line it starts on (1-based).
  /// `body` also gets the byte offset reached, so a caller can report progress.
  /// - Throws: `KgshError` for an unterminated quote; rethrows what `body` throws.
  public func forEachRecord(_ body: (_ fields: [String], _ line: Int, _ offset: Int) throws -> Void) throws {
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      let n = bytes.count
      var i = 0
      if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
      if n >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
        throw TextFile.notUTF8(path, bytes: bytes)
      }
      var line = 1
      var fields: [String] = []
      let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
      while i < n {
        let recordLine = line
        fields.removeAll(keepingCapacity: true)
        var endOfRecord = false
        while !endOfRecord {
          if i < n && bytes[i] == quote {
            var value: [UInt8] = []
            i += 1
            var closed = false
            while i < n {
              let b = bytes[i]
              if b == quote {
                if i + 1 < n && bytes[i + 1] == quote {
                  value.append(quote)
                  i += 2
                  continue
                }
                i += 1
                closed = true
                break
              }
              if b == lf { line += 1 }
              value.append(b)
              i += 1
            }
            guard closed else {
              throw KgshError(
                .invalidValue, "\(path):\(recordLine): a quoted field is never closed",
                hint: "add the closing \" or remove the stray one")
            }
            // Anything between the closing quote and the separator is kept, as most tools do.
            let start = i
            while i < n && bytes[i] != separator && bytes[i] != lf && bytes[i] != cr { i += 1 }
            value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            fields.append(try value.withUnsafeBufferPointer { try text($0, line: recordLine) })
          } else {
            let start = i
            while i < n && bytes[i] != separator && bytes[i] != lf && bytes[i] != cr { i += 1 }
            fields.append(try text(UnsafeBufferPointer(rebasing: bytes[start..<i]), line: recordLine))
          }
          if i < n && bytes[i] == separator {
            i += 1
          } else {
            if i < n && bytes[i] == cr { i += 1 }
            if i < n && bytes[i] == lf { i += 1 }
            line += 1
            endOfRecord = true
          }
        }
        if fields.count == 1 && fields[0].isEmpty { continue }  // blank line
        try body(fields, recordLine, i)
      }
    }
  }

  /// A field's text; bytes that are not UTF-8 (a Latin-1 or GBK file) are refused rather than
  /// turned into replacement characters in the names and values imported. An ASCII field (most
  /// of them) is told by one pass over its bytes and decoded without further checks.
  @inline(__always)
  private func text(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws -> String {
    var high: UInt8 = 0
    for byte in bytes { high |= byte }
    if high < 0x80 { return String(decoding: bytes, as: UTF8.self) }
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    throw TextFile.notUTF8(path, bytes: bytes, lineOffset: line - 1)
  }
}
