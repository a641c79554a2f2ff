import Foundation

extension Checker {
  /// Edge rules: unique ids, known ends and source, an UPPER_SNAKE type, a known status,
  /// article quotes that are the article's words, no self loops.
  mutating func checkEdges() {
    _ = checkUnique(edges, "id", what: "edge id")
    for row in edges.rows {
      for end in ["src", "dst"] where !entityKeys.contains(row[end]) {
        missingEntity(
          edges, row, end, fix: "use an entity key from entities.tsv, or add the entity there first")
      }
      if !Self.matches(row["type"], "[A-Z][A-Z_]*") {
        report(
          edges, row, "type", "relation type \(row["type"]) is not UPPER_SNAKE_CASE",
          fix: "use a type from FORMAT.md's vocabulary, e.g. INVESTS_IN")
      }
      checkSourceAndStatus(edges, row)
      checkArticleQuote(edges, row, length: false)
      if row["src"] == row["dst"] {
        report(
          edges, row, "dst", "the edge joins \(row["src"]) to itself",
          fix: "an edge relates two different entities; record a fact about one instead")
      }
    }
  }

  /// The row's source is in sources.tsv and its status in the vocabulary.
  mutating func checkSourceAndStatus(_ table: TSVTable, _ row: TSVRow) {
    if row["source"].isEmpty {
      report(
        table, row, "source", "the row cites no source; every row of Knowledge/ needs one",
        fix: "add its source to sources.tsv and put that id in the source column")
    } else if elsewhere.sources.contains(row["source"]) && !sourceIDs.contains(row["source"]) {
      report(
        table, row, "source", "source \(row["source"]) is not in sources.tsv but is in the knowledge base",
        fix: "import knowledge finds it there; add it to sources.tsv for a folder that stands alone",
        severity: .note)
    } else if !sourceIDs.contains(row["source"]) {
      report(
        table, row, "source", "source \(row["source"]) is not in sources.tsv",
        fix: "cite a source id from sources.tsv, or add the source there first")
    }
    if !KnowledgeCheck.statuses.contains(row["status"]) {
      report(
        table, row, "status", "status '\(row["status"])' is not in the vocabulary",
        fix: "use one of: \(KnowledgeCheck.statuses.sorted().joinedText(", "))")
    }
  }

  /// For rows citing the article: the quote is its exact words (and, for facts, 5 to 60
  /// characters long).
  mutating func checkArticleQuote(_ table: TSVTable, _ row: TSVRow, length: Bool) {
    guard row["source"] == KnowledgeCheck.articleSource else { return }
    let quote = row["quote"]
    if let article, !quote.isEmpty, !article.contains(quote) {
      report(
        table, row, "quote", "the quote is not the article's exact words: \(quote)",
        fix: "copy the words from the article as they are (same script and punctuation)")
    }
    let count = quote.unicodeScalars.count
    if length, !(5...60).contains(count) {
      report(
        table, row, "quote", "the quote has \(count) characters",
        fix: "quote 5 to 60 characters of the article around the claim")
    }
  }
}
