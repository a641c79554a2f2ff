import Foundation

extension Checker {
  /// Names and aliases two entities share: informational, since a shared alias makes the
  /// name ambiguous in `show`.
  mutating func checkAliases() {
    var owners: [String: [(key: String, row: TSVRow)]] = [:]
    for row in entities.rows {
      let names = [row["name"]] + row["aliases"].components(separatedBy: "|").filter { !$0.isEmpty }
      for name in Set(names.map { $0.lowercased() }) { owners[name, default: []].append((row["key"], row)) }
    }
    for (alias, list) in owners.sorted(by: { $0.key < $1.key }) where Set(list.map(\.key)).count > 1 {
      let keys = list.map(\.key).sorted().joinedText(", ")
      report(
        entities, list[0].row, "aliases", "alias '\(alias)' is shared by \(keys)",
        fix: "keep it on one entity unless the name really is ambiguous", severity: .note)
    }
  }

  /// Every Chinese name has its simplified form among the entity's names (FORMAT.md: each
  /// Chinese alias in simplified and traditional form), folding with hanzi-fold.tsv: an
  /// alias typed only in traditional script would not be found by a simplified search.
  mutating func checkSimplifiedAliases() {
    var fold: [Character: Character] = [:]
    for row in self.fold.rows {
      if let t = row["traditional"].first, let s = row["simplified"].first { fold[t] = s }
    }
    for row in entities.rows {
      let names = [row["name"]] + row["aliases"].components(separatedBy: "|").filter { !$0.isEmpty }
      let known = Set(names.map { $0.lowercased() })
      for name in names {
        let simplified = String(name.map { fold[$0] ?? $0 })
        guard !known.contains(simplified.lowercased()) else { continue }
        report(
          entities, row, "aliases", "'\(name)' has no simplified form '\(simplified)' among the names",
          fix: "add \(simplified) to the aliases (each Chinese name in both scripts)")
      }
    }
  }
}
