import Foundation
import KnowledgeGraph

/// The temporal functions: constructors, `truncate`, epoch conversions and the duration helpers.
enum TemporalFunctions {
  static let names: Set<String> = {
    var out: Set<String> = [
      "duration", "duration.between", "duration.inmonths", "duration.indays",
      "duration.inseconds", "datetime.fromepoch", "datetime.fromepochmillis",
    ]
    for kind in ["date", "localtime", "time", "localdatetime", "datetime"] {
      out.insert(kind)
      for suffix in ["truncate", "statement", "transaction", "realtime"] { out.insert(kind + "." + suffix) }
    }
    return out
  }()

  /// The value of a temporal function call; nil when `name` is not one of them (or, for
  /// `toString`, when the argument is not temporal).
  static func call(_ name: String, _ args: [QValue]) throws -> QValue? {
    if name == "tostring" || name == "tostringornull", args.count == 1, case .temporal(let t) = args[0] {
      return .string(t.text)
    }
    guard names.contains(name) else { return nil }
    let parts = name.split(separator: ".").map(String.init)
    let arity = { (n: ClosedRange<Int>) throws in
      guard n.contains(args.count) else {
        throw KgshError.semantic(
          "\(name)() takes \(n.lowerBound) to \(n.upperBound) arguments, got \(args.count)",
          code: "InvalidNumberOfArguments")
      }
    }
    if let kind = TemporalKind(rawValue: parts[0]) {
      return try instantFunction(kind, parts.count == 1 ? nil : parts[1], args, arity)
    }
    if parts.count == 1 {
      try arity(1...1)
      switch args[0] {
      case .null: return .null
      case .string(let s): return .temporal(.duration(try TemporalParser.duration(s)))
      case .map(let m): return .temporal(.duration(try durationFromMap(m)))
      case .temporal(.duration): return args[0]
      default:
        throw KgshError.runtime("duration() cannot take a \(args[0].typeName)", code: "InvalidArgumentType")
      }
    }
    try arity(2...2)
    if args.contains(where: \.isNull) { return .null }
    guard case .temporal(let a) = args[0], case .temporal(let b) = args[1] else {
      throw KgshError.runtime("\(name)() takes two temporal values", code: "InvalidArgumentType")
    }
    let unit: DurationBetween.Unit =
      switch parts[1] {
      case "inmonths": .months
      case "indays": .days
      case "inseconds": .seconds
      default: .all
      }
    return .temporal(.duration(try DurationBetween.between(a, b, unit)))
  }

  /// `date(...)`, `datetime.truncate(...)`, `datetime.fromepoch(...)`, `date.statement()`
  /// and the other functions of one kind of instant; `member` is what follows the dot.
  private static func instantFunction(
    _ kind: TemporalKind, _ member: String?, _ args: [QValue], _ arity: (ClosedRange<Int>) throws -> Void
  ) throws -> QValue {
    guard let member else {
      try arity(0...1)
      return args.isEmpty
        ? .temporal(try TemporalBuild.now(kind)) : try TemporalBuild.construct(kind, args[0])
    }
    switch member {
    case "truncate":
      try arity(2...3)
      return try TemporalBuild.truncate(kind, args[0], args[1], args.count == 3 ? args[2] : nil)
    case "fromepoch":
      try arity(2...2)
      if args.contains(where: \.isNull) { return .null }
      return .temporal(try TemporalBuild.fromEpoch(seconds: try int(args[0]), nanos: try int(args[1])))
    case "fromepochmillis":
      try arity(1...1)
      if args[0].isNull { return .null }
      let ms = try int(args[0])
      return .temporal(try TemporalBuild.epochInstant(["epochMillis": .int(ms)])!)
    default:
      try arity(0...1)
      if args.first?.isNull == true { return .null }
      if case .string(let z)? = args.first {
        let now = try TemporalBuild.now(.datetime)
        return try TemporalBuild.construct(kind, .map(["datetime": .temporal(now), "timezone": .string(z)]))
      }
      return .temporal(try TemporalBuild.now(kind))
    }
  }

  static func int(_ v: QValue) throws -> Int64 {
    switch v {
    case .int(let i): return i
    case .float(let f) where f.isFinite && abs(f) < 9.2e18: return Int64(f)
    default:
      throw KgshError.runtime(
        "expected an integer, got \(v.typeNameWithArticle)", code: "InvalidArgumentType")
    }
  }

  static func durationFromMap(_ m: [String: QValue]) throws -> CypherDuration {
    let known = [
      "years", "quarters", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds",
      "microseconds", "nanoseconds",
    ]
    var v: [String: Double] = [:]
    for (key, value) in m {
      let k = key.lowercased()
      guard known.contains(k) else {
        throw KgshError.runtime("duration() has no field '\(key)'", code: "InvalidArgumentValue")
      }
      if value.isNull { continue }
      guard let n = value.number else {
        throw KgshError.runtime("duration field \(key) must be a number", code: "InvalidArgumentType")
      }
      v[k] = n
    }
    func f(_ k: String) -> Double { v[k] ?? 0 }
    return try CypherDuration.approximate(
      months: f("years") * 12 + f("quarters") * 3 + f("months"), days: f("weeks") * 7 + f("days"),
      seconds: f("hours") * 3600 + f("minutes") * 60 + f("seconds"),
      nanos: f("milliseconds") * 1e6 + f("microseconds") * 1e3 + f("nanoseconds"))
  }
}
