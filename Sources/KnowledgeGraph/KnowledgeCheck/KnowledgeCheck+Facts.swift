import Foundation

extension Checker {
  /// Fact rules: unique ids, known subject and source, vocabularies, a lower_snake
  /// predicate, a quote (the article's words for article facts), and a value whose syntax
  /// fits its type and whose number appears in the quote.
  mutating func checkFacts() {
    _ = checkUnique(facts, "id", what: "fact id")
    for row in facts.rows {
      if !entityKeys.contains(row["subject"]) {
        missingEntity(
          facts, row, "subject", fix: "use an entity key from entities.tsv, or add the entity there first")
      }
      checkVocabulary(row, "type", KnowledgeCheck.types)
      checkVocabulary(row, "qualifier", KnowledgeCheck.qualifiers)
      checkSourceAndStatus(facts, row)
      if !Self.matches(row["predicate"], "[a-z][a-z0-9_]*") {
        report(
          facts, row, "predicate", "predicate \(row["predicate"]) is not lower_snake_case",
          fix: "use lowercase words joined by '_', reusing an existing predicate where one fits")
      }
      if row["quote"].isEmpty {
        report(facts, row, "quote", "the quote is empty", fix: "quote the source's exact words for the claim")
      }
      checkArticleQuote(facts, row, length: true)
      checkValue(row)
      checkCurrency(row)
    }
  }

  mutating func checkVocabulary(_ row: TSVRow, _ column: String, _ allowed: Set<String>) {
    guard !allowed.contains(row[column]) else { return }
    let listed = allowed.sorted().map { $0.isEmpty ? "(empty)" : $0 }.joinedText(", ")
    report(
      facts, row, column, "\(column) '\(row[column])' is not in the vocabulary", fix: "use one of: \(listed)")
  }

  /// The value's syntax for its type; numbers must be readable in the quote.
  mutating func checkValue(_ row: TSVRow) {
    let value = row["value"]
    switch row["type"] {
    case "entity" where !entityKeys.contains(value):
      missingEntity(facts, row, "value", fix: "use an entity key from entities.tsv as the value")
    case "number", "money", "percent":
      let readings = QuoteNumbers.readings(row["quote"])
      for part in FactValue.rangeEnds(value) {
        guard Self.matches(part, "-?[0-9]+(\\.[0-9]+)?"), let number = Double(part) else {
          report(
            facts, row, "value", "'\(value)' is not a plain number",
            fix: "write digits fully scaled (24380000000 for 243.8億), a range as low..high")
          continue
        }
        if !readings.contains(where: { QuoteNumbers.close(number, $0) }) {
          report(
            facts, row, "value", "\(part) cannot be read in the quote '\(row["quote"])'",
            fix: "quote the words that state the number, or store a Chinese-numeral claim as text")
        }
      }
    case "date" where Dates.valid(value) == nil:
      report(
        facts, row, "value", "'\(value)' is not a date",
        fix: "write YYYY, YYYY-MM or YYYY-MM-DD, a day the calendar has")
    case "bool" where value != "true" && value != "false":
      report(facts, row, "value", "'\(value)' is not a bool", fix: "write true or false")
    default:
      break
    }
  }

  mutating func checkCurrency(_ row: TSVRow) {
    let currency = row["currency"]
    if !currency.isEmpty, !KnowledgeCheck.currencies.contains(currency) {
      report(
        facts, row, "currency", "currency '\(currency)' is not a currency code kgsh knows",
        fix: "use one of \(KnowledgeCheck.currencies.sorted().joinedText(", "))")
    }
    if row["type"] == "money", currency.isEmpty {
      report(
        facts, row, "currency", "a money fact has no currency", fix: "add its code, e.g. CNY, USD or EUR")
    }
  }
}
