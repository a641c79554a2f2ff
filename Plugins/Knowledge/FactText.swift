import Foundation
import KnowledgeGraph
import ShellCore

/// Facts as typed table cells: the value keeps its type (money with its currency, a number
/// with its unit in its own column, a date, an entity, text); renderers do the formatting.
enum FactText {
  /// The columns of a fact row (`facts`, the conflicts of `show`).
  static let columns = ["fact", "predicate", "value", "unit", "qualifier", "as_of", "source", "status"]
  /// Facts as a table of `columns`. A narrow terminal keeps the fact's id, what it says
  /// and when; the source before the date when `sourced` (where sources disagree).
  static func table(_ facts: [Fact], notes: [String] = [], sourced: Bool = false) -> Table {
    var table = Table(columns: columns, rows: facts.map(row), notes: notes)
    table.narrowColumns =
      ["predicate", "value", "unit", "fact"]
      + (sourced ? ["source", "qualifier", "as_of"] : ["qualifier", "as_of", "source"])
    return table
  }

  /// One fact as a row of `columns`.
  static func row(_ f: Fact) -> [Value] {
    [
      .string(f.key ?? "#\(f.id)"), .string(f.predicate), value(f), unit(f), text(f.qualifier),
      date(f.provenance.asOf), text(f.provenance.source), text(f.provenance.status),
    ]
  }

  /// The typed value: a range `low..high` is a list of its two ends, each typed like the fact.
  static func value(_ f: Fact) -> Value {
    guard ["money", "number", "percent"].contains(f.valueType), FactValue.isRange(f.rawValue) else {
      return f.value
    }
    let ends = FactValue.rangeEnds(f.rawValue).map { end -> Value in
      guard let d = PlainDecimal.parse(end) else {
        return .string(end)
      }
      if f.valueType == "money", let c = f.currency, !c.isEmpty { return .money(Money(d, c)) }
      return Int64(end).map { .int($0) } ?? .decimal(d)
    }
    return .list(ends)
  }

  /// A "1/N of X" claim as the source writes it ("1/6 of Claude Code"): a
  /// `*_cheaper_multiple` fact stores N (unit `x`) with the comparand's key as `vs=KEY` in its
  /// note; `name` turns that key into a display name. Nil for any other fact.
  static func fraction(_ f: Fact, name: (String) -> String?) -> String? {
    guard f.predicate.hasSuffix("_cheaper_multiple"), f.unit == "x", f.valueType == "number" else {
      return nil
    }
    let parts = (f.note ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
    guard let vs = parts.first(where: { $0.hasPrefix("vs=") })?.dropFirst(3), !vs.isEmpty else {
      return "1/\(f.rawValue)"
    }
    return "1/\(f.rawValue) of \(name(String(vs)) ?? String(vs))"
  }

  /// The unit of a number (`%` for a percentage); money carries its currency instead.
  static func unit(_ f: Fact) -> Value {
    if f.valueType == "percent" { return .string("%") }
    guard f.valueType == "number" else { return .null }
    return text(f.unit)
  }

  /// Text, or null when absent or empty.
  static func text(_ s: String?) -> Value {
    guard let s, !s.isEmpty else { return .null }
    return .string(s)
  }

  /// A date or period, or null when absent.
  static func date(_ s: String?) -> Value {
    guard let s, !s.isEmpty else { return .null }
    return .date(s)
  }

  /// Labels as a list (never a joined string).
  static func labels(_ node: Node) -> Value { .list(node.labels.map { .string($0) }) }

  /// Predicates whose facts disagree: same predicate, same as-of, different values.
  /// Predicates whose facts are statements (what someone said, how someone responded): one
  /// entity has many at once, so two of one date are not a disagreement, and a card shows
  /// each instead of the latest.
  static let statementPredicates: Set<String> = [
    "said", "statement", "quote", "response_to_deepseek", "milestone", "announced", "comment",
  ]

  static func conflicts(_ facts: [Fact]) -> [String: [Fact]] {
    /// Values in different currencies or units are restatements, not disagreements.
    struct Claim: Hashable {
      var predicate: String
      var asOf: String
      var currency: String
      var unit: String
    }
    var groups: [Claim: [Int]] = [:]
    groups.reserveCapacity(facts.count)
    for (i, fact) in facts.enumerated() where !statementPredicates.contains(fact.predicate) {
      let claim = Claim(
        predicate: fact.predicate, asOf: fact.provenance.asOf ?? "", currency: fact.currency ?? "",
        unit: fact.unit ?? "")
      groups[claim, default: []].append(i)
    }
    var result: [String: [Fact]] = [:]
    for (claim, members) in groups where members.count > 1 {
      let first = facts[members[0]].rawValue
      guard members.contains(where: { facts[$0].rawValue != first }) else { continue }
      result[claim.predicate, default: []] += members.map { facts[$0] }
    }
    return result.mapValues { $0.sorted { $0.id < $1.id } }
  }
}
