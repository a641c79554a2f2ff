import KnowledgeGraph
import ShellCore

/// How facts read in tables: `over ¥500 m`, `73.1%`, `2026-01-08`.
enum FactText {
  static func value(_ fact: Fact) -> String {
    var text: String
    switch fact.valueType {
    case "percent": text = fact.rawValue + "%"
    case "money", "number":
      if fact.rawValue.contains("..") {
        text =
          fact.rawValue.replacingOccurrences(of: "..", with: "–") + (fact.currency.map { " \($0)" } ?? "")
      } else {
        text = ValueFormat.human(fact.value)
      }
      if let unit = fact.unit, !unit.isEmpty, fact.valueType == "number" { text += " \(unit)" }
    default: text = ValueFormat.human(fact.value)
    }
    if let q = fact.qualifier, !q.isEmpty { text = "\(q) \(text)" }
    return text
  }

  /// Predicates whose facts disagree: same predicate, same as-of, different values.
  static func conflicts(_ facts: [Fact]) -> [String: [Fact]] {
    var groups: [String: [Fact]] = [:]
    for fact in facts {
      // Values in different currencies or units are restatements, not disagreements.
      let key = [fact.predicate, fact.provenance.asOf ?? "", fact.currency ?? "", fact.unit ?? ""].joined(
        separator: "|")
      groups[key, default: []].append(fact)
    }
    var result: [String: [Fact]] = [:]
    for (_, group) in groups where Set(group.map(\.rawValue)).count > 1 {
      result[group[0].predicate, default: []] += group
    }
    return result.mapValues { $0.sorted { $0.id < $1.id } }
  }

  static func row(_ f: Fact) -> [Value] {
    [
      .string(f.key ?? "#\(f.id)"), .string(f.predicate), .string(value(f)), .string(f.provenance.asOf ?? ""),
      .string(f.provenance.source ?? ""), .string(f.provenance.status ?? ""),
    ]
  }
  static let columns = ["fact", "predicate", "value", "as of", "source", "status"]
}
