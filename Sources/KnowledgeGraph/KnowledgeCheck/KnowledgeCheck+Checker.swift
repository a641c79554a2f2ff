import Foundation

/// Runs the rules over the loaded files, collecting problems in file order.
struct Checker {
  let sources: TSVTable
  let entities: TSVTable
  let facts: TSVTable
  let edges: TSVTable
  let fold: TSVTable
  let article: String?
  var problems: [KnowledgeProblem] = []
  /// Ids known after the sources and entities are checked.
  var sourceIDs: Set<String> = []
  var entityKeys: Set<String> = []
  /// Keys the open knowledge base has besides the folder's (a folder `export knowledge`
  /// wrote names built-in entities and sources it does not hold).
  var elsewhere = KnowledgeCheck.KnownKeys()

  init(
    sources: TSVTable, entities: TSVTable, facts: TSVTable, edges: TSVTable, fold: TSVTable, article: String?
  ) {
    self.sources = sources
    self.entities = entities
    self.facts = facts
    self.edges = edges
    self.fold = fold
    self.article = article
  }

  mutating func checkAll() {
    checkSources()
    checkEntities()
    checkFacts()
    checkEdges()
    checkAliases()
    checkSimplifiedAliases()
    checkFold()
  }

  /// Records a problem with `field` of `row` in `table`.
  mutating func report(
    _ table: TSVTable, _ row: TSVRow, _ field: String?, id: String? = nil, _ problem: String, fix: String,
    severity: KnowledgeProblem.Severity = .error
  ) {
    problems.append(
      KnowledgeProblem(
        table.name, line: row.line, field: field, id: id ?? row[idColumn(table)], problem, fix: fix,
        severity: severity))
  }

  /// An entity key the folder does not define: an error, or a note when the knowledge base
  /// has it (`import knowledge` finds it there).
  mutating func missingEntity(_ table: TSVTable, _ row: TSVRow, _ field: String, fix: String) {
    let key = row[field]
    guard elsewhere.entities.contains(key) else {
      return report(table, row, field, "entity \(key) is not in entities.tsv", fix: fix)
    }
    report(
      table, row, field, "entity \(key) is not in entities.tsv but is in the knowledge base",
      fix: "import knowledge finds it there; add it to entities.tsv for a folder that stands alone",
      severity: .note)
  }

  func idColumn(_ table: TSVTable) -> String {
    switch table.name {
    case "entities.tsv": return "key"
    case "hanzi-fold.tsv": return "traditional"
    default: return "id"
    }
  }

  /// Whether `text` matches `pattern` as a whole.
  static func matches(_ text: String, _ pattern: String) -> Bool {
    text.range(of: "^(?:\(pattern))$", options: .regularExpression) != nil
  }

  /// Reports a repeated value of `column` (ids must be unique so that rows stay addressable).
  mutating func checkUnique(_ table: TSVTable, _ column: String, what: String) -> Set<String> {
    var seen: [String: Int] = [:]
    for row in table.rows {
      let id = row[column]
      if let first = seen[id] {
        report(
          table, row, column, "\(what) \(id) is already defined on line \(first)",
          fix: "give this row a new \(what) (append new rows with the next free one)")
      } else {
        seen[id] = row.line
      }
    }
    return Set(seen.keys)
  }

  mutating func checkSources() {
    sourceIDs = checkUnique(sources, "id", what: "source id")
  }

  mutating func checkEntities() {
    entityKeys = checkUnique(entities, "key", what: "entity key")
    for row in entities.rows {
      if !Self.matches(row["key"], "[a-z0-9][a-z0-9.\\-]*") {
        report(
          entities, row, "key", "key \(row["key"]) is not a lowercase slug",
          fix: "use lowercase letters, digits, '.' and '-' (e.g. glm-4.5)")
      }
      for label in row["labels"].components(separatedBy: ",") where !KnowledgeCheck.labels.contains(label) {
        report(
          entities, row, "labels", "label '\(label)' is not in the vocabulary",
          fix: "use labels from FORMAT.md, comma-separated (e.g. Company,Lab)")
      }
    }
  }

  mutating func checkFold() {
    for row in fold.rows where row["traditional"].count != 1 || row["simplified"].count != 1 {
      report(
        fold, row, row["traditional"].count != 1 ? "traditional" : "simplified",
        "a fold row maps '\(row["traditional"])' to '\(row["simplified"])', not one character to one",
        fix: "give one traditional character and its one simplified form")
    }
  }
}
