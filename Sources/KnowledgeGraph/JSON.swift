import Foundation

/// A small JSON reader and writer over `Value`, exact for integers and decimals.
///
/// Foundation's JSONSerialization turns booleans and integers into NSNumber and loses
/// which was which; the store, the renderers and the plugin protocol need the types kept.
public enum JSON {
  /// Encodes a value as compact JSON. Entities become `{"key":..,"name":..}`, money
  /// `{"amount":..,"currency":..}`, maps have their keys sorted so output is stable.
  public static func encode(_ value: Value, pretty: Bool = false) -> String {
    var out = ""
    write(value, into: &out, pretty: pretty, indent: 0)
    return out
  }

  static func write(_ value: Value, into out: inout String, pretty: Bool, indent: Int) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let v): out += String(v)
    case .double(let v):
      if v.isFinite {
        out += (v == v.rounded() && abs(v) < 1e15) ? FixedPoint.text(v, places: 1) : String(v)
      } else {
        out += "null"
      }
    case .decimal(let d): out += PlainDecimal.text(d)
    case .string(let s), .date(let s): quote(s, into: &out)
    case .money(let m):
      write(
        .map(["amount": .decimal(m.amount), "currency": .string(m.currency)]), into: &out, pretty: pretty,
        indent: indent)
    case .entity(let e):
      write(
        .map(["key": .string(e.key), "name": .string(e.name)]), into: &out, pretty: pretty, indent: indent)
    case .list(let items):
      if items.isEmpty { out += "[]"; return }
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        if pretty { newline(&out, indent + 1) }
        write(item, into: &out, pretty: pretty, indent: indent + 1)
      }
      if pretty { newline(&out, indent) }
      out += "]"
    case .map(let m):
      // A relationship reads in its own order: type, from, to, properties (docs/OUTPUT.md).
      let keys = value.relationshipParts != nil ? ["type", "from", "to", "properties"] : m.keys.sorted()
      writeObject(keys.map { ($0, m[$0]!) }, into: &out, pretty: pretty, indent: indent)
    }
  }

  /// Writes an object keeping the given key order (used for records whose field order matters).
  public static func writeObject(
    _ fields: [(String, Value)], into out: inout String, pretty: Bool, indent: Int
  ) {
    if fields.isEmpty { out += "{}"; return }
    out += "{"
    for (i, (k, v)) in fields.enumerated() {
      if i > 0 { out += "," }
      if pretty { newline(&out, indent + 1) }
      quote(k, into: &out)
      out += pretty ? ": " : ":"
      write(v, into: &out, pretty: pretty, indent: indent + 1)
    }
    if pretty { newline(&out, indent) }
    out += "}"
  }

  private static func newline(_ out: inout String, _ indent: Int) {
    out += "\n" + String(repeating: "  ", count: indent)
  }

  /// Appends a JSON string literal.
  public static func quote(_ s: String, into out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value):
        out += "\\u" + FixedPoint.zeroPadded(String(scalar.value, radix: 16), to: 4)
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }

  /// Parses JSON text into a value. Integers stay `.int`, other numbers become `.double`.
  /// - Throws: `KgshError` naming the line and column of the first problem.
  public static func decode(_ text: String) throws -> Value {
    var parser = Parser(bytes: Array(text.utf8))
    parser.skipSpace()
    let value = try parser.parseValue(depth: 0)
    parser.skipSpace()
    guard parser.pos == parser.bytes.count else { throw parser.error("unexpected text after the JSON value") }
    return value
  }

  struct Parser {
    let bytes: [UInt8]
    var pos = 0
    static let maxDepth = 512

    /// "invalid JSON at line 4, column 12: what": the place a person finds in an editor
    /// (columns count characters, not bytes).
    func error(_ what: String) -> KgshError {
      let end = min(pos, bytes.count)
      let lineStart = bytes[..<end].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
      let line = 1 + bytes[..<lineStart].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
      // A character starts at every byte that is not a UTF-8 continuation byte (10xxxxxx).
      let column = 1 + bytes[lineStart..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
      // At the end of the text, what was expected matters less than that it stopped.
      let said = end == bytes.count && !what.hasPrefix("unterminated") ? "unexpected end of input" : what
      return KgshError(.invalidValue, "invalid JSON at line \(line), column \(column): \(said)")
    }

    mutating func skipSpace() {
      // A switch, not `[...].contains`: no array is made per call (objects call this often).
      while pos < bytes.count {
        switch bytes[pos] {
        case 0x20, 0x0A, 0x0D, 0x09: pos += 1
        default: return
        }
      }
    }

    mutating func parseValue(depth: Int) throws -> Value {
      guard depth < Parser.maxDepth else { throw error("nested more than \(Parser.maxDepth) levels") }
      guard pos < bytes.count else { throw error("unexpected end of input") }
      switch bytes[pos] {
      case UInt8(ascii: "{"):
        pos += 1
        var map: [String: Value] = [:]
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; return .map(map) }
        while true {
          skipSpace()
          guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else {
            throw error("expected a string key")
          }
          let key = try parseString()
          skipSpace()
          guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw error("expected ':'") }
          pos += 1
          skipSpace()
          map[key] = try parseValue(depth: depth + 1)
          skipSpace()
          guard pos < bytes.count else { throw error("unterminated object") }
          if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
          if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .map(map) }
          throw error("expected ',' or '}'")
        }
      case UInt8(ascii: "["):
        pos += 1
        var items: [Value] = []
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; return .list(items) }
        while true {
          skipSpace()
          items.append(try parseValue(depth: depth + 1))
          skipSpace()
          guard pos < bytes.count else { throw error("unterminated array") }
          if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
          if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .list(items) }
          throw error("expected ',' or ']'")
        }
      case UInt8(ascii: "\""): return .string(try parseString())
      case UInt8(ascii: "t"): try literal("true"); return .bool(true)
      case UInt8(ascii: "f"): try literal("false"); return .bool(false)
      case UInt8(ascii: "n"): try literal("null"); return .null
      default: return try parseNumber()
      }
    }

    mutating func literal(_ word: String) throws {
      let w = Array(word.utf8)
      guard pos + w.count <= bytes.count, Array(bytes[pos..<pos + w.count]) == w else {
        throw error("unexpected character")
      }
      pos += w.count
    }

    mutating func parseNumber() throws -> Value {
      let start = pos
      var isInteger = true
      while pos < bytes.count {
        let c = bytes[pos]
        if (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
          pos += 1
        } else if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
          isInteger = false
          pos += 1
        } else {
          break
        }
      }
      let text = String(decoding: bytes[start..<pos], as: UTF8.self)
      guard !text.isEmpty else { throw error("unexpected character") }
      if isInteger, let v = Int64(text) { return .int(v) }
      guard let d = Double(text) else { throw error("bad number '\(text)'") }
      return .double(d)
    }

    mutating func parseString() throws -> String {
      pos += 1  // opening quote
      var scalars = String.UnicodeScalarView()
      var chunkStart = pos
      func flush(_ end: Int) {
        scalars.append(contentsOf: String(decoding: bytes[chunkStart..<end], as: UTF8.self).unicodeScalars)
      }
      var escaped = false
      while pos < bytes.count {
        let c = bytes[pos]
        if c == UInt8(ascii: "\""), !escaped {
          // No escape: the text between the quotes as it is, decoded once.
          let text = String(decoding: bytes[chunkStart..<pos], as: UTF8.self)
          pos += 1
          return text
        }
        if c == UInt8(ascii: "\"") {
          flush(pos)
          pos += 1
          return String(scalars)
        }
        if c == UInt8(ascii: "\\") {
          escaped = true
          flush(pos)
          pos += 1
          guard pos < bytes.count else { break }
          let e = bytes[pos]
          pos += 1
          switch e {
          case UInt8(ascii: "n"): scalars.append("\n")
          case UInt8(ascii: "t"): scalars.append("\t")
          case UInt8(ascii: "r"): scalars.append("\r")
          case UInt8(ascii: "b"): scalars.append("\u{08}")
          case UInt8(ascii: "f"): scalars.append("\u{0C}")
          case UInt8(ascii: "u"):
            var code = try hex4()
            if (0xD800..<0xDC00).contains(code), pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"),
              bytes[pos + 1] == UInt8(ascii: "u")
            {
              pos += 2
              let low = try hex4()
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
          default: scalars.append(Unicode.Scalar(e))
          }
          chunkStart = pos
          continue
        }
        if c < 0x20 { throw error("control character in string") }
        pos += 1
      }
      throw error("unterminated string")
    }

    mutating func hex4() throws -> UInt32 {
      guard pos + 4 <= bytes.count,
        let v = UInt32(String(decoding: bytes[pos..<pos + 4], as: UTF8.self), radix: 16)
      else { throw error("bad \\u escape") }
      pos += 4
      return v
    }
  }
}
