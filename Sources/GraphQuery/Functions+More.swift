import Foundation
import KnowledgeGraph

/// Functions of Neo4j 5 and GQL past the openCypher core: `lower`/`upper`, `btrim`,
/// `char_length`, trigonometry, `round` to a precision, list conversions, `valueType`,
/// `nullIf`, `randomUUID` and `timestamp`.
extension Functions {
  static let more: Set<String> = [
    "lower", "upper", "btrim", "char_length", "character_length", "isnan", "asin", "acos", "atan", "atan2",
    "cot", "haversin", "degrees", "radians", "tostringlist", "tointegerlist", "tofloatlist", "tobooleanlist",
    "valuetype", "nullif", "randomuuid", "timestamp",
  ]

  /// `round(x, precision[, mode])` with Java's rounding modes, on the decimal digits the
  /// float prints as (round(2.675, 2) is 2.68, as written).
  static func round(_ f: Double, places: Int64, mode: String) -> QValue? {
    let modes: [String: NSDecimalNumber.RoundingMode] = [
      "HALF_UP": .plain, "HALF_EVEN": .bankers, "UP": .up, "DOWN": .down, "CEILING": .up, "FLOOR": .down,
      "HALF_DOWN": .plain,
    ]
    guard var rounding = modes[mode.uppercased()] else { return nil }
    // Past 2^53 a float holds no fraction; NaN and the infinities stay what they are.
    if !f.isFinite || (places >= 0 && abs(f) >= 9_007_199_254_740_992) { return .float(f) }
    guard var value = Decimal(string: "\(f)") else { return .float(f) }
    let negative = f < 0
    switch mode.uppercased() {
    case "UP": rounding = negative ? .down : .up  // away from zero
    case "DOWN": rounding = negative ? .up : .down  // toward zero
    case "HALF_UP", "HALF_DOWN":
      // Decimal's .plain rounds half away from zero: right for HALF_UP; HALF_DOWN takes the
      // other way at exactly half.
      var probe = value
      var shifted = Decimal()
      NSDecimalMultiplyByPowerOf10(&shifted, &probe, Int16(places), .plain)
      let fraction = (shifted - Decimal(Int64(truncating: shifted as NSNumber))).magnitude
      if mode.uppercased() == "HALF_DOWN", fraction == Decimal(string: "0.5")! {
        rounding = negative ? .up : .down
      }
    default: break
    }
    var out = Decimal()
    NSDecimalRound(&out, &value, Int(places), rounding)
    // Through its digits: the nearest float to the decimal, which doubleValue may miss.
    return .float(Double(out.description) ?? NSDecimalNumber(decimal: out).doubleValue)
  }

  /// GQL's name of a value's type, as valueType() gives it ("INTEGER NOT NULL").
  static func valueTypeName(_ v: QValue) -> String {
    func base(_ v: QValue) -> String {
      switch v {
      case .null: return "NULL"
      case .bool: return "BOOLEAN"
      case .int: return "INTEGER"
      case .float: return "FLOAT"
      case .string: return "STRING"
      case .map: return "MAP"
      case .node: return "NODE"
      case .relationship: return "RELATIONSHIP"
      case .path: return "PATH"
      case .temporal(let t):
        switch t {
        case .date: return "DATE"
        case .localTime: return "LOCAL TIME"
        case .time: return "ZONED TIME"
        case .localDateTime: return "LOCAL DATETIME"
        case .dateTime: return "ZONED DATETIME"
        case .duration: return "DURATION"
        }
      case .list(let items):
        var kinds: [String] = []
        for item in items where !item.isNull {
          let k = valueTypeName(item)
          if !kinds.contains(k) { kinds.append(k) }
        }
        if kinds.isEmpty { return items.isEmpty ? "LIST<NOTHING>" : "LIST<NULL>" }
        let nullable = items.contains(where: \.isNull)
        let inner = kinds.map { nullable ? String($0.dropLast(" NOT NULL".count)) : $0 }
        return "LIST<\(inner.joined(separator: " | "))>"
      }
    }
    return v.isNull ? "NULL" : base(v) + " NOT NULL"
  }
}

extension Evaluator {
  /// One of `Functions.more`, or nil when `name` is not one of them.
  func moreFunction(_ name: String, _ args: [QValue], _ rawName: String, _ pos: SourcePosition) throws
    -> QValue?
  {
    if name == "ltrim" || name == "rtrim", args.count == 2 { return try trimFunction(name, args, rawName) }
    guard Functions.more.contains(name) else { return nil }
    let counts: [String: ClosedRange<Int>] = [
      "btrim": 1...2, "atan2": 2...2, "nullif": 2...2, "randomuuid": 0...0, "timestamp": 0...0,
    ]
    let range = counts[name] ?? 1...1
    guard range.contains(args.count) else {
      throw KgshError.semantic(
        "\(rawName)() takes \(range.lowerBound == range.upperBound ? range.lowerBound.counted("argument") : "\(range.lowerBound) to \(range.upperBound) arguments"), got \(args.count)",
        code: "InvalidNumberOfArguments", at: pos)
    }
    func bad(_ v: QValue) -> KgshError {
      KgshError.runtime("\(rawName)() cannot take \(v.typeNameWithArticle)", code: "InvalidArgumentType")
    }
    switch name {
    case "randomuuid": return .string(UUID().uuidString.lowercased())
    case "timestamp": return .int(Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    case "nullif": return QValue.equals(args[0], args[1]) == .yes ? .null : args[0]
    case "valuetype": return .string(Functions.valueTypeName(args[0]))
    default: break
    }
    if args.contains(where: \.isNull) { return .null }
    return try textOrNumberFunction(name, args, bad, pos)
  }

  /// ltrim(text, characters) and rtrim(text, characters): Neo4j 5's second argument.
  private func trimFunction(_ name: String, _ args: [QValue], _ rawName: String) throws -> QValue {
    if args.contains(where: \.isNull) { return .null }
    guard case .string(let s) = args[0], case .string(let chars) = args[1] else {
      throw KgshError.runtime(
        "\(rawName)() takes two strings, the text and the characters to take off", code: "InvalidArgumentType"
      )
    }
    let strip = Set(chars)
    return .string(
      name == "ltrim"
        ? String(s.drop(while: strip.contains)) : String(s.reversed().drop(while: strip.contains).reversed()))
  }

  /// The text, list and number functions of `Functions.more`, their arguments not null.
  private func textOrNumberFunction(
    _ name: String, _ args: [QValue], _ bad: (QValue) -> KgshError, _ pos: SourcePosition
  ) throws -> QValue {
    let v = args[0]
    switch name {
    case "lower", "upper", "char_length", "character_length":
      guard case .string(let s) = v else { throw bad(v) }
      if name == "lower" { return .string(s.lowercased()) }
      if name == "upper" { return .string(s.uppercased()) }
      return .int(Int64(s.count))
    case "btrim":
      guard case .string(let s) = v else { throw bad(v) }
      var strip: Set<Character> = [" ", "\t"]
      if args.count == 2 {
        guard case .string(let chars) = args[1] else { throw bad(args[1]) }
        strip = Set(chars)
      }
      return .string(String(s.drop(while: strip.contains).reversed().drop(while: strip.contains).reversed()))
    case "tostringlist", "tointegerlist", "tofloatlist", "tobooleanlist":
      guard case .list(let items) = v else { throw bad(v) }
      let each = String(name.dropLast("list".count)) + "OrNull"
      return .list(try items.map { try call(each, distinct: false, [.literal($0)], [], Scope(), pos) })
    case "isnan":
      guard let f = v.number else { throw bad(v) }
      return .bool(f.isNaN)
    default:
      guard let f = v.number else { throw bad(v) }
      switch name {
      case "asin": return .float(Foundation.asin(f))
      case "acos": return .float(Foundation.acos(f))
      case "atan": return .float(Foundation.atan(f))
      case "cot": return .float(1 / Foundation.tan(f))
      case "haversin": return .float((1 - Foundation.cos(f)) / 2)
      case "degrees": return .float(f * 180 / Double.pi)
      case "radians": return .float(f * Double.pi / 180)
      default:
        guard let x = args[1].number else { throw bad(args[1]) }
        return .float(Foundation.atan2(f, x))
      }
    }
  }
}
