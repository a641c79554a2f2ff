import KnowledgeGraph
import KnowledgePlugin
import QueryPlugin
import ShellCore
import ShellTesting
import XCTest

/// Natural questions get answers, or an empty result that says why and what to try.
final class AnswersTests: XCTestCase {
  func shell() throws -> TestShell {
    try TestShell(
      plugins: [KnowledgePlugin.plugin, QueryPlugin.plugin], store: try Repository.defaultStore())
  }

  func testTimelineOfAFamilyIncludesItsMembers() throws {
    let t = try shell()
    XCTAssertTrue(t.run("timeline GLM --format csv"), t.errors)
    for (date, model) in [("2025-07-28", "GLM-4.5"), ("2025-09", "GLM-4.6"), ("2025-12", "GLM-4.7")] {
      XCTAssertTrue(t.output.contains("\(date),\(model),release_date"), t.output)
    }
  }

  /// --label keeps the events of entities with that label (the label's case is forgiven).
  func testTimelineOfOneLabel() throws {
    let t = try shell()
    XCTAssertTrue(t.run("timeline --label model --format csv"), t.errors)
    let rows = t.output.split(separator: "\n").dropFirst()
    XCTAssertGreaterThan(rows.count, 20, t.output)
    XCTAssertTrue(rows.allSatisfy { $0.contains(",release_date,") }, t.output)
    XCTAssertFalse(t.output.contains("Zhipu AI,"), t.output)
    let z = try shell()
    XCTAssertTrue(z.run("timeline Zhipu --label Model"), z.errors)
    XCTAssertTrue(z.output.contains("no dated events of Zhipu AI labelled Model"), z.output)
  }

  /// `timeline 2025`: a date where a name goes says where dates go, not a name that shares a digit.
  func testADateInPlaceOfTheEntitySaysWhereDatesGo() throws {
    let t = try shell()
    XCTAssertFalse(t.run("timeline 2025"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "timeline: no entity named '2025'; a date goes after --from and --to: timeline --from 2025 --to 2025\n"
      ),
      t.errors)
    let u = try shell()
    XCTAssertFalse(u.run("timeline Zhipuu"))
    XCTAssertTrue(u.errors.contains("did you mean 'Zhipu AI'?"), u.errors)
  }

  func testEmptyTimelineSaysWhy() throws {
    let t = try shell()
    XCTAssertTrue(t.run("timeline GLM --to 2001"), t.errors)
    XCTAssertTrue(t.output.contains("dated events of GLM model family or its"), t.output)
    XCTAssertTrue(t.output.contains("widen --from/--to"), t.output)
  }

  func testEmptyFactsSuggestPredicatesContainingTheText() throws {
    let t = try shell()
    XCTAssertTrue(t.run("facts Zhipu --predicate ipo"), t.errors)
    XCTAssertTrue(t.output.contains("no 'ipo' facts about Zhipu AI; predicates containing it:"), t.output)
    XCTAssertTrue(t.output.contains("ipo_raise"), t.output)
    XCTAssertTrue(t.output.contains("try facts zhipu --predicate ipo_"), t.output)
    // A Chinese word names the predicates called after it in English, the word itself first.
    let before = t.output.count
    XCTAssertTrue(t.run("facts 智谱 --predicate 估值"), t.errors)
    XCTAssertTrue(
      t.output.dropFirst(before).hasSuffix(
        "no '估值' facts about Zhipu AI; predicates for 估值 (valuation): valuation, post_money_valuation, "
          + "market_cap_multiple_of_prior_valuation; try facts zhipu --predicate valuation\n"), t.output)
  }

  func testUnknownLabelTypeAndPropertyWarnOnStderrAndStillRun() throws {
    let t = try shell()
    XCTAssertTrue(t.run("match (n:Compnay)-[:INVESTS_INN]->(m) return n.nam"), t.errors)
    XCTAssertTrue(
      t.errors.contains("warning: the knowledge base has no label Compnay; did you mean Company"), t.errors)
    XCTAssertTrue(t.errors.contains("no relationship type INVESTS_INN; did you mean INVESTS_IN"), t.errors)
    XCTAssertTrue(t.errors.contains("no property key nam; did you mean name"), t.errors)
    XCTAssertTrue(t.output.contains("n.nam"), t.output)
    // In a label expression, in WHERE inside a pattern, and `r:T` read as a type.
    let more = try shell()
    XCTAssertTrue(
      more.run("match (n:Compnay|Lab WHERE n.foundd > 1)-[r]->() where r:FOUNDD|CEO_OF return count(n)"),
      more.errors)
    XCTAssertTrue(more.errors.contains("no label Compnay; did you mean Company"), more.errors)
    XCTAssertTrue(more.errors.contains("no property key foundd"), more.errors)
    XCTAssertTrue(more.errors.contains("no relationship type FOUNDD; did you mean FOUNDED"), more.errors)
    // Chinese words for a label or a type are offered as what the graph calls them.
    let chinese = try shell()
    XCTAssertTrue(chinese.run("match (a:公司)-[:投资]->(b) return count(*)"), chinese.errors)
    XCTAssertTrue(chinese.errors.contains("no label 公司; did you mean Company?"), chinese.errors)
    XCTAssertTrue(
      chinese.errors.contains("no relationship type 投资; did you mean INVESTS_IN?"), chinese.errors)
    XCTAssertFalse(more.errors.contains("label FOUNDD") || more.errors.contains("CEO_OF"), more.errors)
    // Labels and types asked for as properties, as SQL reads columns: the functions that give them.
    let columns = try shell()
    XCTAssertTrue(columns.run("match (a)-[r:INVESTS_IN]->() return a.labels, r.type limit 1"), columns.errors)
    XCTAssertTrue(
      columns.errors.contains("no property key labels; labels(n) gives a node's labels\n"), columns.errors)
    XCTAssertTrue(
      columns.errors.contains("no property key type; type(r) gives a relationship's type\n"), columns.errors)
  }

  /// A path and a relationship a query returns read as arrows between the entities' names.
  func testPathsAndRelationshipsReadAsArrows() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run("match p = (:Model {name: 'GLM-4.7'})-[r:SUCCEEDS]->() return p, r"), t.errors)
    XCTAssertTrue(
      t.output.contains("│ GLM-4.7 -[SUCCEEDS]-> GLM-4.6 │ GLM-4.7 -[SUCCEEDS]-> GLM-4.6 │"), t.output)
  }

  func testComparingTextWithADateWarnsAndSaysHowToConvert() throws {
    let t = try shell()
    // founded_date is text ("2019", "2021-12"): compared with a date it is null, so a WHERE
    // keeps only the few full dates stored as dates, without a word.
    XCTAssertTrue(t.run("match (n) where n.founded_date > date('2020-01-01') return n.name"), t.errors)
    XCTAssertFalse(t.output.contains("MiniMax"), t.output)
    let warning = try XCTUnwrap(
      t.errors.split(separator: "\n").map(String.init).first { $0.contains("comparisons of a String") })
    XCTAssertTrue(warning.hasPrefix("warning: "), warning)
    XCTAssertTrue(warning.contains(" comparisons of a String with a Date were null"), warning)
    XCTAssertTrue(
      warning.hasSuffix(
        "founded_date holds text; convert it with date(), which reads partial dates like 2019 and 2021-12"),
      warning)
    // The hint works: MiniMax (2021-12) is now in.
    let before = t.errors.count
    XCTAssertTrue(t.run("match (n) where date(n.founded_date) > date('2020-01-01') return n.name"), t.errors)
    XCTAssertTrue(t.output.contains("MiniMax"), t.output)
    XCTAssertFalse(t.errors.dropFirst(before).contains("warning"), t.errors)
    // An amount is a map: compared with a number, the hint names its amount.
    XCTAssertTrue(t.run("match (n) where n.revenue > 5 return n.name"), t.errors)
    XCTAssertTrue(
      t.errors.contains(
        "of a Map with an Integer were null (Cypher orders only values of one type); "
          + "an amount reads as a map of amount and currency: compare revenue.amount"), t.errors)
  }

  func testPropertyKeysAreKeptUntilTheNextWrite() throws {
    let t = try shell()
    XCTAssertTrue(t.run("match (n:Company) return n.crew_size limit 1"), t.errors)
    XCTAssertTrue(t.errors.contains("no property key crew_size"), t.errors)
    // A write (here a Cypher SET) makes the key known; the cached list must not hide it.
    XCTAssertTrue(t.run("match (n:Company {name: 'Zhipu AI'}) set n.crew_size = 800"), t.errors)
    let before = t.errors.count
    XCTAssertTrue(
      t.run("match (n:Company) where n.crew_size is not null return n.name, n.crew_size"), t.errors)
    XCTAssertFalse(t.errors.dropFirst(before).contains("crew_size"), t.errors)
    XCTAssertTrue(t.output.contains("800"), t.output)
  }

  func testKnownNamesDoNotWarn() throws {
    let t = try shell()
    XCTAssertTrue(t.run("match (n:Company {name: 'Zhipu AI'}) return n.listing_date, n.aliases"), t.errors)
    XCTAssertEqual(t.errors, "")
    XCTAssertTrue(t.output.contains("2026-01-08"), t.output)
  }

  func testAnAliasInAPropertyMapPointsAtTheEntity() throws {
    let t = try shell()
    XCTAssertTrue(t.run("match (c {name: '智谱'}) return c.name"), t.errors)
    XCTAssertTrue(t.output.contains("'智谱' is an alias of Zhipu AI"), t.output)
    XCTAssertTrue(t.output.contains("show 智谱"), t.output)
  }

  /// The same note for a name compared in WHERE, given as a parameter, or one of an IN list
  /// whose other names matched.
  func testAnAliasInWhereOrAParameterPointsAtTheEntity() throws {
    let t = try shell()
    t.session.variables["who"] = .string("智谱")
    for (i, line) in [
      "match (c) where c.name = '智谱' return c.name",
      "match (c) where c.name = $who and c.key is not null return c.name",
      "match (c) where c.name in ['智谱', 'MiniMax'] return c.name",
    ].enumerated() {
      let before = t.output.count
      XCTAssertTrue(t.run(line), t.errors)
      let printed = String(t.output.dropFirst(before))
      XCTAssertTrue(printed.contains("'智谱' is an alias of Zhipu AI"), "\(line):\n\(printed)")
      XCTAssertEqual(printed.contains("MiniMax"), i == 2, printed)
    }
    let before = t.output.count
    XCTAssertTrue(t.run("match (c) where c.name = 'MiniMax' return c.name"), t.errors)
    XCTAssertFalse(t.output.dropFirst(before).contains("alias"), "a name is not an alias")
    // Part of a name that only aliases have: the WHERE that looks at them, which finds it.
    let searched = t.output.count
    XCTAssertTrue(t.run("match (c:Company) where c.name contains '智' return c.name"), t.errors)
    XCTAssertTrue(
      t.output.dropFirst(searched).hasSuffix(
        "└────────┘\nno name CONTAINS '智'; an entity's other names are its aliases: "
          + "WHERE any(a IN c.aliases WHERE a CONTAINS '智') looks at them too\n"), t.output)
    let aliased = t.output.count
    XCTAssertTrue(
      t.run("match (c:Company) where any(a IN c.aliases WHERE a CONTAINS '智') return c.name"), t.errors)
    XCTAssertTrue(t.output.dropFirst(aliased).contains("Zhipu AI"), t.output)
    // A name that does contain the text, with another condition that keeps no row: no note.
    let other = t.output.count
    XCTAssertTrue(
      t.run("match (c:Company) where c.name contains 'Zhi' and c.key = 'none' return c.name"), t.errors)
    XCTAssertFalse(t.output.dropFirst(other).contains("aliases"), t.output)
  }

  func testInvestorsAreCountedOnce() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run(
        "match (i)-[:INVESTS_IN]->(c:Company) where c.name = 'Zhipu AI' return count(distinct i) as n"
      ), t.errors)
    XCTAssertTrue(t.output.contains("│ 32 │"), t.output)
  }
}

extension AnswersTests {
  /// `ORDER BY x DESC` puts the rows without x first (Cypher's null is above every value):
  /// a top 3 of models by context length showed three empty rows without a word.
  func testADescendingOrderLedByNullsSaysHowToPutThemLast() throws {
    let t = try shell()
    let query = "match (n:Model) return n.name, n.context_length order by n.context_length desc"
    XCTAssertTrue(t.run(query + " limit 3"), t.errors)
    XCTAssertTrue(
      t.output.hasSuffix(
        "rows without n.context_length come first: Cypher sorts null above every value; "
          + "ORDER BY n.context_length DESC NULLS LAST puts them last\n"), t.output)
    let last = t.output.count
    XCTAssertTrue(t.run(query + " nulls last limit 3"), t.errors)
    let printed = String(t.output.dropFirst(last))
    XCTAssertTrue(printed.contains("1,050,000"), printed)
    XCTAssertFalse(printed.contains("come first"), printed)
  }
  func testARelationIsListedOnceWithItsSourcesTogether() throws {
    let t = try shell()
    XCTAssertTrue(t.run("show Zhipu --format csv"), t.errors)
    let alibaba = t.output.split(separator: "\n").filter { $0.hasPrefix("in,INVESTS_IN,Alibaba,") }
    XCTAssertEqual(alibaba.count, 1, t.output)
    XCTAssertTrue(alibaba.first?.contains("ref-scmp-3238698, ref-investorsking-zhipu") ?? false, "\(alibaba)")
  }
}
