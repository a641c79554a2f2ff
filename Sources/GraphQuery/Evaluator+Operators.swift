import Foundation
import KnowledgeGraph

/// The binary operators: AND/OR/XOR with three-valued logic, comparisons, string and list
/// predicates, and arithmetic.
extension Evaluator {
  func binary(_ op: BinaryOp, _ le: Expr, _ re: Expr, _ row: Row, _ scope: Scope) throws -> QValue {
    switch op {
    case .and, .or, .xor:
      let l = try truth(try eval(le, row, scope))
      if op == .and, l == .no { return .bool(false) }
      if op == .or, l == .yes { return .bool(true) }
      let r = try truth(try eval(re, row, scope))
      switch op {
      case .and: return (r == .no) ? .bool(false) : (l == .yes && r == .yes ? .bool(true) : .null)
      case .or: return (r == .yes) ? .bool(true) : (l == .no && r == .no ? .bool(false) : .null)
      default:
        if l == .unknown || r == .unknown { return .null }
        return .bool(l != r)
      }
    default: break
    }
    let l = try eval(le, row, scope), r = try eval(re, row, scope)
    let value = try Evaluator.apply(op, l, r, patterns: patterns)
    if case .null = value, [.lt, .gt, .le, .ge].contains(op), !l.isNull, !r.isNull, l.typeName != r.typeName {
      graph.noteIncomparable(l, r, keys: (le.propertyKey, re.propertyKey))
    }
    return value
  }

  static func apply(_ op: BinaryOp, _ l: QValue, _ r: QValue, patterns: RegexCache) throws -> QValue {
    switch op {
    case .eq: return QValue.equals(l, r).value
    case .ne:
      switch QValue.equals(l, r) {
      case .yes: return .bool(false)
      case .no: return .bool(true)
      case .unknown: return .null
      }
    case .lt, .gt, .le, .ge:
      if l.isNull || r.isNull { return .null }
      if case .float(let x) = l, x.isNaN, r.number != nil { return .bool(false) }
      if case .float(let y) = r, y.isNaN, l.number != nil { return .bool(false) }
      guard let c = QValue.compare(l, r) else { return .null }
      switch op {
      case .lt: return .bool(c == .orderedAscending)
      case .gt: return .bool(c == .orderedDescending)
      case .le: return .bool(c != .orderedDescending)
      default: return .bool(c != .orderedAscending)
      }
    case .in:
      if case .null = r { return .null }
      guard case .list(let items) = r else {
        throw KgshError.runtime(
          "IN expects a list, got \(r.typeNameWithArticle)", code: "InvalidArgumentType")
      }
      var sawNull = false
      for item in items {
        switch QValue.equals(l, item) {
        case .yes: return .bool(true)
        case .unknown: sawNull = true
        case .no: break
        }
      }
      return sawNull ? .null : .bool(false)
    case .startsWith, .endsWith, .contains:
      guard case .string(let a) = l, case .string(let b) = r else { return .null }
      switch op {
      case .startsWith: return .bool(a.hasPrefix(b))
      case .endsWith: return .bool(a.hasSuffix(b))
      default: return .bool(b.isEmpty || a.contains(b))
      }
    case .regex:
      guard case .string(let a) = l, case .string(let pattern) = r else { return .null }
      return .bool(try patterns.wholeMatch(a, pattern))
    case .add: return try add(l, r)
    case .concat:
      switch (l, r) {
      case (.null, _), (_, .null): return .null
      case (.string(let a), .string(let b)): return .string(a + b)
      case (.list(let a), .list(let b)): return .list(a + b)
      default:
        throw KgshError(
          .runtime,
          "|| joins two strings or two lists, not \(l.typeNameWithArticle) and \(r.typeNameWithArticle)",
          hint: "convert with toString(), or add a value to a list with +", code: "InvalidArgumentType")
      }
    case .sub, .mul, .div, .mod, .pow: return try arithmetic(op, l, r)
    case .and, .or, .xor: fatalError("handled by binary")
    }
  }

  static func add(_ l: QValue, _ r: QValue) throws -> QValue {
    switch (l, r) {
    case (.null, _), (_, .null): return .null
    case (.list(let a), .list(let b)): return .list(a + b)
    case (.list(let a), _): return .list(a + [r])
    case (_, .list(let b)): return .list([l] + b)
    case (.string(let a), .string(let b)): return .string(a + b)
    case (.string(let a), .int), (.string(let a), .float): return .string(a + Functions.toStringValue(r))
    case (.int, .string(let b)), (.float, .string(let b)): return .string(Functions.toStringValue(l) + b)
    default: return try arithmetic(.add, l, r)
    }
  }

  static func arithmetic(_ op: BinaryOp, _ l: QValue, _ r: QValue) throws -> QValue {
    if let v = try temporalArithmetic(op, l, r) { return v }
    switch (l, r) {
    case (.null, _), (_, .null): return .null
    case (.int(let a), .int(let b)):
      switch op {
      case .add, .sub, .mul:
        let (v, overflow) =
          op == .add
          ? a.addingReportingOverflow(b)
          : (op == .sub ? a.subtractingReportingOverflow(b) : a.multipliedReportingOverflow(by: b))
        if overflow { throw KgshError.runtime("integer overflow", code: "IntegerOverflow") }
        return .int(v)
      case .div:
        if b == 0 { throw KgshError.runtime("division by zero", code: "DivisionByZero") }
        // The one quotient that does not fit: the smallest integer divided by -1.
        let (v, overflow) = a.dividedReportingOverflow(by: b)
        if overflow { throw KgshError.runtime("integer overflow", code: "IntegerOverflow") }
        return .int(v)
      case .mod:
        if b == 0 { throw KgshError.runtime("division by zero", code: "DivisionByZero") }
        return .int(a.remainderReportingOverflow(dividingBy: b).partialValue)
      default: return .float(pow(Double(a), Double(b)))
      }
    default:
      guard let a = l.number, let b = r.number else {
        throw KgshError.runtime(
          "\(op.rawValue) cannot be applied to \(l.typeName) and \(r.typeName)", code: "InvalidArgumentType")
      }
      switch op {
      case .add: return .float(a + b)
      case .sub: return .float(a - b)
      case .mul: return .float(a * b)
      case .div: return .float(a / b)
      case .mod: return .float(fmod(a, b))
      default: return .float(pow(a, b))
      }
    }
  }
}
