import Foundation
import GraphPlugin
import KnowledgeGraph
import ShellCore
import ShellTesting
import XCTest

@testable import KnowledgePlugin

final class KnowledgeCommandTests: XCTestCase {
  func shell() throws -> TestShell {
    try TestShell(plugins: [KnowledgePlugin.plugin], store: try Repository.defaultStore())
  }

  func testEveryNameReachesTheSameCard() throws {
    var cards: [String] = []
    for name in ["智谱", "智譜", "Zhipu", "z.ai", "zhipu ai", "Knowledge Atlas"] {
      let t = try shell()
      XCTAssertTrue(t.run("show '\(name)' --format json"), t.errors)
      cards.append(t.output)
    }
    XCTAssertEqual(Set(cards).count, 1)
    guard case .map(let card) = try JSON.decode(cards[0]), case .map(let entity)? = card["entity"] else {
      return XCTFail("not a JSON object: \(cards[0])")
    }
    XCTAssertEqual(entity["key"], .string("zhipu"))
    for section in ["facts", "relations", "sources"] { XCTAssertNotNil(card[section], section) }
  }

  /// Neo4j's `SHOW FUNCTIONS` and MySQL's `SHOW TABLES` typed here find no entity, and say where
  /// kgsh lists them.
  func testCypherShowSaysWhereToLook() throws {
    let t = try shell()
    XCTAssertFalse(t.run("SHOW FUNCTIONS"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "show: no entity named 'FUNCTIONS', and kgsh's show is not Cypher's or SQL's SHOW; the functions are listed by help match\n"
      ),
      t.errors)
    let sql = try shell()
    XCTAssertFalse(sql.run("show tables"))
    XCTAssertTrue(
      sql.errors.hasSuffix(
        "; sql .tables lists the tables and their columns; labels and relations list what the graph holds\n"),
      sql.errors)
    let other = try shell()
    XCTAssertFalse(other.run("show Nosuchx"))
    XCTAssertTrue(other.errors.hasSuffix("no entity named 'Nosuchx'; try find Nosuchx\n"), other.errors)
  }

  /// The card's sections as JSON: a table section is a list of row objects.
  func card(_ name: String) throws -> [String: Value] {
    let t = try shell()
    XCTAssertTrue(t.run("show \(name) --format json"), t.errors)
    guard case .map(let card) = try JSON.decode(t.output) else {
      XCTFail("not a JSON object: \(t.output)")
      return [:]
    }
    return card
  }

  func rows(_ section: Value?) -> [[String: Value]] {
    guard case .list(let items)? = section else { return [] }
    return items.compactMap { if case .map(let m) = $0 { m } else { nil } }
  }

  func testShowMarksConflicts() throws {
    let card = try card("MiniMax")
    let facts = rows(card["facts"])
    let founded = try XCTUnwrap(facts.first { $0["predicate"] == .string("founded_date") })
    XCTAssertEqual(founded["conflict"], .bool(true))
    XCTAssertEqual(founded["older_values"], .int(1))
    let listing = try XCTUnwrap(facts.first { $0["predicate"] == .string("listing_date") })
    XCTAssertEqual(listing["conflict"], .bool(false))
    let conflicts = rows(card["conflicts"])
    XCTAssertEqual(
      Set(conflicts.compactMap { $0["predicate"]?.plainText }),
      ["founded_date", "ipo_raise", "market_cap", "round_amount"])
  }

  func testShowGivesTypedFactValues() throws {
    let card = try card("Zhipu")
    let facts = rows(card["facts"])
    func fact(_ predicate: String) throws -> [String: Value] {
      try XCTUnwrap(facts.first { $0["predicate"] == .string(predicate) }, predicate)
    }
    // Money keeps its currency: ¥1.553 bn, not the text "¥1.55 bn".
    let fees = try fact("compute_fees")
    guard case .map(let money)? = fees["value"] else {
      return XCTFail("\(String(describing: fees["value"]))")
    }
    XCTAssertEqual(money["currency"], .string("CNY"))
    XCTAssertEqual(money["amount"]?.number, 1_553_000_000)
    XCTAssertEqual(fees["unit"], .null)
    XCTAssertEqual(fees["as_of"], .string("2024"))
    XCTAssertNil(fees["as of"])
    // A number keeps its unit in its own column, a qualifier in its own.
    let count = try fact("cornerstone_count")
    XCTAssertEqual(count["value"], .int(11))
    XCTAssertEqual(count["unit"], .string("investors"))
    let share = try fact("cornerstone_share_of_offering")
    XCTAssertEqual(share["value"]?.number, 70)
    XCTAssertEqual(share["unit"], .string("%"))
    XCTAssertEqual(share["qualifier"], .string("about"))
    // Labels are a list; relations name their direction.
    guard case .map(let entity)? = card["entity"] else { return XCTFail("no entity section") }
    XCTAssertEqual(entity["labels"], .list([.string("Company"), .string("Lab")]))
    let directions = Set(rows(card["relations"]).compactMap { $0["direction"]?.plainText })
    XCTAssertEqual(directions, ["out", "in"])
  }

  /// `show Zhipu AI` without quotes shows Zhipu AI: the words name one entity together.
  func testANameWithSpacesNeedsNoQuotesWhenItIsTheOnlyArgument() throws {
    let t = try shell()
    XCTAssertTrue(t.run("show Zhipu AI --section entity"), t.errors)
    XCTAssertTrue(t.output.contains("key          zhipu"), t.output)
    XCTAssertTrue(t.run("facts Zhipu AI --predicate listing_date --format csv"), t.errors)
    XCTAssertTrue(t.output.contains("2026-01-08"), t.output)
    XCTAssertFalse(t.run("show Zhipu facts"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "show: unexpected argument 'facts'; did you mean --section facts? usage: show ENTITY [--section entity|facts|group-facts|relations|conflicts|sources] [--limit N]\n"
      ), t.errors)
  }

  /// A word given without its flag is named with the flag that takes it; two names joined by
  /// a word are written side by side; a word no flag takes keeps the quoting advice.
  func testAWordWithoutItsFlagIsNamedWithTheFlag() throws {
    for (line, hint) in [
      ("facts Zhipu revenue", "did you mean --predicate revenue? usage: facts ENTITY"),
      ("timeline Zhipu 2025", "did you mean --from 2025? usage: timeline [ENTITY]"),
      ("neighbors Zhipu 2", "did you mean --depth 2? usage: neighbors ENTITY"),
      ("neighbors Zhipu --depth 2 30", "did you mean --limit 30? usage: neighbors ENTITY"),
      ("neighbors Zhipu out", "did you mean --dir out? usage: neighbors ENTITY"),
      ("relations Zhipu INVESTS_IN", "did you mean --type INVESTS_IN? usage: relations [ENTITY]"),
      ("path Zhipu to MiniMax", "write the two names without 'to': path Zhipu MiniMax"),
      ("path Zhipu AI to Moonshot AI", "write the two names without 'to': path \"Zhipu AI\" \"Moonshot AI\""),
      ("show Zhipu AI Corp", "quote a name with spaces: \"Zhipu AI Corp\"; usage: show ENTITY"),
    ] {
      let t = try TestShell(
        plugins: [KnowledgePlugin.plugin, GraphPlugin.plugin], store: try Repository.defaultStore())
      XCTAssertFalse(t.run(line), line)
      XCTAssertTrue(t.errors.contains("unexpected argument '"), "\(line): \(t.errors)")
      XCTAssertTrue(t.errors.contains("; " + hint), "\(line): \(t.errors)")
      XCTAssertEqual(t.errors.split(separator: "\n").count, 1, t.errors)
    }
  }

  func testUnknownAndTypoNames() throws {
    let t = try shell()
    XCTAssertFalse(t.run("show Zhipuu"))
    XCTAssertTrue(t.errors.contains("did you mean 'Zhipu AI'?"), t.errors)
    // One letter off a name is that name, though a longer alias starts with the typo
    // (`anthropic/claude-sonnet-4` folds to `anthropicclaude...`).
    XCTAssertFalse(t.run("show Anthropicc"))
    XCTAssertTrue(t.errors.hasSuffix("no entity named 'Anthropicc'; did you mean 'Anthropic'?\n"), t.errors)
    // A word many names start with offers three of them (more relations first) and the search
    // that lists all.
    XCTAssertFalse(t.run("show GPT"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "no entity named 'GPT'; did you mean 'GPT-2', 'GPT-5' or 'GPT-1'? find GPT lists every match\n"),
      t.errors)
    // A character off a two-character name (普 for 谱): of the names as near, the entity with
    // more relations first; find, which lists no such spelling, is not offered.
    XCTAssertFalse(t.run("show 智普"))
    XCTAssertTrue(t.errors.contains("no entity named '智普'; did you mean 'Zhipu AI', "), t.errors)
    XCTAssertTrue(t.errors.hasSuffix("Intelligence'?\n"), t.errors)
    // find says the same when it matches nothing.
    XCTAssertTrue(t.run("find Antropic"), t.errors)
    XCTAssertTrue(t.output.hasSuffix("no match for 'Antropic'; did you mean 'Anthropic'?\n"), t.output)
    // A word only quotes contain is no name to guess at: find shows where it appears.
    let u = try shell()
    XCTAssertTrue(u.run("find founded --format csv"), u.errors)
    XCTAssertTrue(u.output.contains("Zhipu AI"), "a quote of Zhipu AI's says founded: \(u.output)")
    XCTAssertFalse(u.run("show founded"))
    XCTAssertTrue(u.errors.hasSuffix("no entity named 'founded'; try find founded\n"), u.errors)
    // A label or a relation type where an entity goes: the commands that take one.
    let w = try shell()
    XCTAssertFalse(w.run("show company"))
    XCTAssertTrue(
      w.errors.hasSuffix(
        "no entity named 'company'; Company is a label: list Company lists its entities, labels Company what is known about them\n"
      ), w.errors)
    XCTAssertFalse(w.run("relations invests_in"))
    XCTAssertTrue(
      w.errors.hasSuffix(
        "INVESTS_IN is a relation type: relations --schema --type INVESTS_IN shows what it connects, "
          + "neighbors ENTITY --rel INVESTS_IN follows it from one entity\n"), w.errors)
    // A source's key where an entity goes: cite and sources are where it is read.
    let v = try shell()
    XCTAssertFalse(v.run("show ref-forfunds-zhipu"))
    XCTAssertTrue(
      v.errors.hasSuffix(
        "no entity named 'ref-forfunds-zhipu'; ref-forfunds-zhipu is a source: cite ref-forfunds-zhipu lists the facts and relations it supports, sources ref-forfunds-zhipu its title\n"
      ), v.errors)
  }

  /// `sources`: every source with how many facts and relations cite it, the most cited first;
  /// the counts agree with what `cite SOURCE` lists.
  func testSourcesCountWhatCitesEachMostCitedFirstAndFilterByText() throws {
    let t = try shell()
    XCTAssertTrue(t.run("sources --format tsv"), t.errors)
    let rows = t.output.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false)
    }
    XCTAssertEqual(
      rows.first?.map(String.init),
      [
        "source", "kind", "title", "publisher", "published", "facts", "relations", "url",
      ])
    let body = rows.dropFirst()
    XCTAssertEqual(
      [[.int(Int64(body.count))]], try t.session.store.readOnlyQuery("SELECT count(*) FROM source").rows)
    let totals = body.map { Int($0[5])! + Int($0[6])! }
    XCTAssertEqual(totals, totals.sorted(by: >), "the most cited first")
    let forfunds = try XCTUnwrap(body.first { $0[0] == "ref-forfunds-zhipu" })
    XCTAssertEqual(Int(forfunds[5]), try t.session.store.facts(citing: "ref-forfunds-zhipu").count)
    XCTAssertEqual(Int(forfunds[6]), try t.session.store.edges(citing: "ref-forfunds-zhipu").count)
    // A text keeps the sources whose key, title, publisher or URL contains it.
    let u = try shell()
    XCTAssertTrue(u.run("sources 36KR --format tsv"), u.errors)
    let keys = u.output.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "\t" } }
    XCTAssertTrue(keys.contains("article") && keys.contains("ls-36kr-figure-c"), u.output)
    XCTAssertLessThan(keys.count, body.count)
    let v = try shell()
    XCTAssertTrue(v.run("sources zzzq"), v.errors)
    XCTAssertTrue(
      v.output.contains("no source's key, title, publisher or URL contains 'zzzq' (of "), v.output)
    XCTAssertFalse(v.output.contains("--section sources"), "zzzq names no entity")
    // The name of an entity: its own sources are on its card.
    XCTAssertTrue(v.run("sources 智谱"), v.errors)
    XCTAssertTrue(
      v.output.hasSuffix(
        "智谱 names Zhipu AI: show zhipu --section sources lists the sources its facts and relations cite\n"),
      v.output)
    // Empty text or label: refused, not an empty table.
    let w = try shell()
    XCTAssertFalse(w.run("sources ''"))
    XCTAssertTrue(
      w.errors.contains("sources: the text to look for is empty; sources alone lists them all"), w.errors)
    let x = try shell()
    XCTAssertFalse(x.run("list ''"))
    XCTAssertTrue(
      x.errors.hasSuffix("the label is empty; give a label, e.g. Company; labels lists them\n"), x.errors)
  }

  /// `cite SOURCE`: every fact that cites the source, with its entity, then every relation.
  func testCiteOfASourceListsTheFactsAndRelationsThatCiteIt() throws {
    let t = try shell()
    XCTAssertTrue(t.run("cite ref-forfunds-zhipu --format csv"), t.errors)
    let lines = t.output.split(separator: "\n")
    XCTAssertEqual(lines.first, "fact,entity,predicate,value,unit,qualifier,quote")
    XCTAssertTrue(lines.contains { $0.hasPrefix("F0169,Zhipu AI,stock_code,02513,") }, t.output)
    XCTAssertTrue(
      lines.contains { $0.hasPrefix("E0155,Zhipu AI,LISTED_ON,Hong Kong Stock Exchange,,,") }, t.output)
    let cited = try t.session.store.facts(citing: "ref-forfunds-zhipu")
    let edges = try t.session.store.edges(citing: "ref-forfunds-zhipu")
    XCTAssertFalse(edges.isEmpty)
    XCTAssertEqual(lines.count - 1, cited.count + edges.count)
    XCTAssertTrue(cited.allSatisfy { $0.provenance.source == "ref-forfunds-zhipu" })
    XCTAssertTrue(edges.allSatisfy { $0.provenance.source == "ref-forfunds-zhipu" })
    XCTAssertEqual(
      lines.filter { $0.hasPrefix("E") }.count, edges.count, "the relations come after the facts")
    XCTAssertTrue(lines.drop { !$0.hasPrefix("E") }.allSatisfy { $0.hasPrefix("E") }, t.output)
    // A fact id, an entity and an unknown word keep their meaning.
    XCTAssertTrue(t.run("cite F0001 --format csv"), t.errors)
    XCTAssertFalse(t.run("cite no-such-source"))
    XCTAssertTrue(t.errors.contains("no entity named 'no-such-source'"), t.errors)
  }

  /// Bad values are rejected by their declared type at binding, worded once per type.
  func testBadValuesAreRejectedByTheirType() throws {
    for (line, message) in [
      ("facts Zhipu --since jan", "facts: --since takes a date like 2025-07 or 2025-07-01, not 'jan'"),
      ("timeline --from 2026-13", "timeline: --from takes a date like 2025-07 or 2025-07-01, not '2026-13'"),
      ("find GLM --limit 0", "find: --limit takes a whole number of at least 1, not '0'"),
      ("list --limit x", "list: --limit takes a whole number of at least 1, not 'x'"),
      ("list Exchang", "no label named 'Exchang'; did you mean 'Exchange'?"),
      (
        "timeline --from 2026-02 --to 2026-01-31",
        "timeline: --from 2026-02 is after --to 2026-01-31; swap them: --from 2026-01-31 --to 2026-02"
      ),
      ("cite F9999", "cite: no fact F9999; facts ENTITY lists the ids of an entity's facts"),
      ("cite UF-0A1B", "cite: no fact UF-0A1B;"),
      ("cite Zhipuu", "no entity named 'Zhipuu'; did you mean 'Zhipu AI'?"),
    ] {
      let t = try shell()
      XCTAssertFalse(t.run(line), line)
      XCTAssertTrue(t.errors.contains(message), "\(line): \(t.errors)")
    }
  }

  func testFindRanksTheRightEntityFirst() throws {
    for (query, key) in [
      ("智谱", "zhipu"), ("MiniMax", "minimax"), ("月之暗面", "moonshot"), ("OpenReutor", "openrouter"),
      ("deepseek", "deepseek"),
    ] {
      let t = try shell()
      XCTAssertTrue(t.run("find \(query) --format csv"), t.errors)
      let first = t.output.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
      XCTAssertTrue(first.contains(",\(key),"), "\(query): \(first)")
    }
  }

  /// A wildcard is text to find, not a pattern: no match says what lists everything.
  func testAWildcardThatMatchesNothingSaysWhatListsEverything() throws {
    let t = try shell()
    XCTAssertTrue(t.run("find *"), t.errors)
    XCTAssertTrue(
      t.output.hasSuffix(
        "no match for '*': find looks for text in names and facts, not a pattern; list shows every entity, "
          + "list LABEL those of one label\n"), t.output)
    XCTAssertTrue(t.run("find xyzzyplugh"), t.errors)
    XCTAssertTrue(t.output.hasSuffix("no match for 'xyzzyplugh'\n"), t.output)
  }

  /// `labels LABEL`: each predicate with how many of the label's entities have facts of it.
  func testLabelsOfOneLabelCountTheirEntitiesPredicates() throws {
    let t = try shell()
    XCTAssertTrue(t.run("labels exchange --format tsv"), t.errors)
    let rows = t.output.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
    var expected: [String: (entities: Int, facts: Int)] = [:]
    for node in try t.session.store.nodes(label: "Exchange", limit: 100) {
      for (predicate, facts) in Dictionary(grouping: try t.session.store.facts(of: node.id), by: \.predicate)
      {
        expected[predicate, default: (0, 0)].entities += 1
        expected[predicate, default: (0, 0)].facts += facts.count
      }
    }
    XCTAssertFalse(rows.isEmpty)
    XCTAssertEqual(rows.count, expected.count)
    for row in rows {
      XCTAssertEqual(Int(row[1]), expected[row[0]]?.entities, row[0])
      XCTAssertEqual(Int(row[2]), expected[row[0]]?.facts, row[0])
    }
    XCTAssertFalse(t.run("labels Nope"))
    XCTAssertTrue(t.errors.contains("no label named 'Nope'"), t.errors)
  }

  /// A label may be written in the plural or as a Chinese word (`list companies`, `list 公司`).
  func testALabelInThePluralOrInChineseIsTheLabel() throws {
    func listed(_ label: String) throws -> String {
      let t = try shell()
      XCTAssertTrue(t.run("list \(label) --limit 500 --format tsv"), "\(label): \(t.errors)")
      return t.output
    }
    let companies = try listed("Company")
    XCTAssertTrue(companies.contains("Zhipu AI"), companies)
    for word in ["companies", "Companies", "公司", "企業"] { XCTAssertEqual(try listed(word), companies, word) }
    XCTAssertEqual(try listed("投資者"), try listed("Investor"))
    XCTAssertEqual(try listed("labs"), try listed("Lab"))
    let t = try shell()
    XCTAssertFalse(t.run("list cats"))
    XCTAssertTrue(t.errors.contains("no label named 'cats'"), t.errors)
  }

  func testTimelineIsOrderedAndFiltered() throws {
    let t = try shell()
    XCTAssertTrue(t.run("timeline --from 2026-01-08 --to 2026-01-09 --format csv"), t.errors)
    let dates = t.output.split(separator: "\n").dropFirst().map { String($0.prefix(10)) }
    XCTAssertEqual(dates, dates.sorted())
    XCTAssertTrue(t.output.contains("Zhipu AI") && t.output.contains("MiniMax"), t.output)
    // MiniMax's listing, which two sources give, is one row with both.
    let u = try shell()
    XCTAssertTrue(u.run("timeline MiniMax --from 2026-01-09 --to 2026-01-09 --format tsv"), u.errors)
    XCTAssertEqual(
      u.output.split(separator: "\n").filter { $0.contains("\tMiniMax\tlisting_date\t") },
      ["2026-01-09\tMiniMax\tlisting_date\t\tarticle, ref-geolive-minimax-ipo"], u.output)
  }

}
