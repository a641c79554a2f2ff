import Foundation
import KnowledgeGraph

/// One running aggregate (count, collect, sum, avg, min, max, stdev, percentiles).
struct Aggregator {
  let name: String
  let distinct: Bool
  var seen: Set<QValue> = []
  var count: Int64 = 0
  var intSum: Int64 = 0
  var floatSum: Double = 0
  var sawFloat = false
  var values: [QValue] = []
  var best: QValue = .null
  var percentile: Double?

  init(name: String, distinct: Bool) {
    self.name = name
    self.distinct = distinct
  }

  mutating func add(_ v: QValue, extra: QValue? = nil) throws {
    if name == "count*" {
      count += 1
      return
    }
    if v.isNull { return }
    if distinct {
      guard seen.insert(v.groupKey).inserted else { return }
    }
    switch name {
    case "count": count += 1
    case "collect": values.append(v)
    case "sum", "avg", "stdev", "stdevp", "percentilecont", "percentiledisc":
      switch v {
      case .int(let i):
        let (s, overflow) = intSum.addingReportingOverflow(i)
        if overflow { throw KgshError.runtime("integer overflow in \(name)()", code: "IntegerOverflow") }
        intSum = s
        floatSum += Double(i)
      case .float(let f):
        sawFloat = true
        floatSum += f
      default:
        throw KgshError.runtime(
          "\(name)() needs numbers, got \(v.typeNameWithArticle)", code: "InvalidArgumentType")
      }
      count += 1
      if name.hasPrefix("stdev") || name.hasPrefix("percentile") { values.append(v) }
      if let extra, name.hasPrefix("percentile") {
        guard let p = extra.number, p >= 0, p <= 1 else {
          throw KgshError.runtime("percentile must be between 0.0 and 1.0", code: "NumberOutOfRange")
        }
        percentile = p
      }
    case "min":
      if best.isNull || QValue.order(v, best) == .orderedAscending { best = v }
    case "max":
      if best.isNull || QValue.order(v, best) == .orderedDescending { best = v }
    default: break
    }
  }

  var result: QValue {
    switch name {
    case "count", "count*": return .int(count)
    case "collect": return .list(values)
    case "sum": return sawFloat ? .float(floatSum) : .int(intSum)
    case "avg": return count == 0 ? .null : .float(floatSum / Double(count))
    case "min", "max": return best
    case "stdev", "stdevp":
      let n = Double(values.count)
      let denominator = name == "stdev" ? n - 1 : n
      guard denominator > 0 else { return .float(0) }
      let mean = values.compactMap(\.number).reduce(0, +) / n
      let ss = values.compactMap(\.number).reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      return .float((ss / denominator).squareRoot())
    default:
      let sorted = values.compactMap(\.number).sorted()
      guard !sorted.isEmpty, let p = percentile else { return .null }
      if name == "percentiledisc" {
        let index = max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1)
        let picked = values.sorted { QValue.order($0, $1) == .orderedAscending }[index]
        return picked
      }
      let position = p * Double(sorted.count - 1)
      let lo = Int(position.rounded(.down)), hi = Int(position.rounded(.up))
      return .float(sorted[lo] + (sorted[hi] - sorted[lo]) * (position - Double(lo)))
    }
  }
}

extension Expr {
  /// Replaces every aggregate call with a variable ` aggN`, appending the calls to `found`.
  func extractingAggregates(_ found: inout [Expr]) throws -> Expr {
    switch self {
    case .countStar:
      found.append(self)
      return .variable(" agg\(found.count - 1)", SourcePosition(line: 0, column: 0))
    case .function(let name, _, let args, let pos) where Expr.aggregateNames.contains(name.lowercased()):
      for a in args where a.containsAggregate {
        throw KgshError.semantic("aggregate functions cannot be nested", code: "NestedAggregation", at: pos)
      }
      var random = false
      for a in args {
        a.visit { if case .function(let n, _, _, _) = $0, n.lowercased() == "rand" { random = true } }
      }
      if random {
        throw KgshError.semantic(
          "an aggregate cannot take rand(), whose value changes on every row", code: "NonConstantExpression",
          at: pos)
      }
      found.append(self)
      return .variable(" agg\(found.count - 1)", pos)
    default:
      return try mapChildren { try $0.extractingAggregates(&found) }
    }
  }

  /// A copy with `transform` applied to each direct sub-expression.
  func mapChildren(_ t: (Expr) throws -> Expr) throws -> Expr {
    switch self {
    case .literal, .parameter, .variable, .countStar, .pattern, .subquery: return self
    case .patternComprehension(let p, let pred, let m):
      return .patternComprehension(p, predicate: try pred.map(t), map: try t(m))
    case .property(let e, let k): return .property(try t(e), k)
    case .list(let items): return .list(try items.map(t))
    case .map(let entries): return .map(try entries.map { ($0.0, try t($0.1)) })
    case .unary(let op, let e): return .unary(op, try t(e))
    case .binary(let op, let l, let r): return .binary(op, try t(l), try t(r))
    case .isNull(let e, let n): return .isNull(try t(e), negated: n)
    case .hasLabels(let e, let l): return .hasLabels(try t(e), l)
    case .isType(let e, let type, let n): return .isType(try t(e), type, negated: n)
    case .function(let n, let d, let args, let p):
      return .function(name: n, distinct: d, args: try args.map(t), p)
    case .index(let a, let b): return .index(try t(a), try t(b))
    case .slice(let e, let a, let b): return .slice(try t(e), try a.map(t), try b.map(t))
    case .caseExpr(let s, let whens, let o):
      return .caseExpr(
        subject: try s.map(t), whens: try whens.map { (try t($0.0), try t($0.1)) }, otherwise: try o.map(t))
    case .listComprehension(let v, let l, let p, let m):
      return .listComprehension(variable: v, list: try t(l), predicate: try p.map(t), map: try m.map(t))
    case .quantifier(let k, let v, let l, let p):
      return .quantifier(kind: k, variable: v, list: try t(l), predicate: try t(p))
    case .reduce(let a, let i, let v, let l, let s):
      return .reduce(accumulator: a, initial: try t(i), variable: v, list: try t(l), step: try t(s))
    }
  }
}
