// `sql` and `cite`: read-only SQL, and the quotes behind a relation or a predicate.
import Foundation
import GraphPlugin
import KnowledgeGraph
import ShellCore
import ShellTesting
import XCTest

@testable import KnowledgePlugin

extension KnowledgeCommandTests {
  func testSQLIsReadOnly() throws {
    let t = try shell()
    XCTAssertFalse(t.run("sql delete from node"))
    XCTAssertTrue(t.errors.contains("read-only"), t.errors)
  }

  /// `WHERE name LIKE '%智%'` finds no node: the Chinese names are aliases, and the empty
  /// answer gives the join that reads them (which finds Zhipu AI); a name no alias has either
  /// keeps the plain empty answer.
  func testAnEmptyNameSearchPointsAtTheAliases() throws {
    let t = try shell()
    XCTAssertTrue(t.run("sql select key from kg_entity_v1 where name = '智谱'"), t.errors)
    let join = "SELECT n.name, a.alias FROM node n JOIN alias a ON a.node_id = n.id WHERE a.alias = '智谱'"
    XCTAssertTrue(
      t.output.hasSuffix("no name = '智谱', but 1 alias is (an entity's other names): \(join)\n"), t.output)
    let joined = t.output.count
    XCTAssertTrue(t.run("sql " + join + " --format csv"), t.errors)
    XCTAssertEqual(String(t.output.dropFirst(joined)), "name,alias\nZhipu AI,智谱\n")
    // The operator is name's own, not another column's written before it.
    let other = t.output.count
    XCTAssertTrue(t.run("sql select name from node where key like 'z%' and name = '智谱'"), t.errors)
    XCTAssertTrue(t.output.dropFirst(other).contains("no name = '智谱', but 1 alias is"), t.output)
    let none = t.output.count
    XCTAssertTrue(t.run("sql select name from node where name like '%zzqx%'"), t.errors)
    XCTAssertFalse(t.output.dropFirst(none).contains("alias"), t.output)
  }

  /// sqlite3's `.tables` and `.schema` work; other dot commands and a column of another
  /// table say what to write.
  func testSQLDotCommandsAndAColumnOfAnotherTable() throws {
    let t = try shell()
    XCTAssertTrue(t.run("sql .tables --format tsv"), t.errors)
    let rows = t.output.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
    XCTAssertEqual(rows.first?[0], "kg_entity_v1", "the stable views come first: \(t.output)")
    XCTAssertTrue(
      rows.contains { $0[0] == "fact" && $0[1] == "table" && $0[2].contains("predicate") }, t.output)
    XCTAssertFalse(rows.contains { $0[0].hasPrefix("sqlite_") || $0[0].hasPrefix("search") }, t.output)
    let s = try shell()
    XCTAssertTrue(s.run("sql .schema kg_label_v1 --format tsv"), s.errors)
    XCTAssertTrue(s.output.contains("kg_label_v1\tCREATE VIEW kg_label_v1"), s.output)
    for (line, expected) in [
      ("sql .schema nods", "sql: no table or view named 'nods'; did you mean node?"),
      (
        "sql .mode csv",
        "sql: .mode is a sqlite3 shell command, not SQL; sql knows .tables and .schema [NAME]"
      ),
      (
        "sql select labels from node",
        "no such column: labels; labels is a column of kg_entity_v1, not of the table the statement reads"
      ),
    ] {
      let e = try shell()
      XCTAssertFalse(e.run(line), line)
      XCTAssertTrue(e.errors.contains(expected), e.errors)
    }
  }

  /// `cite E0007`: a relation's source and quote, as a fact's; an unknown relation id is named.
  func testCiteOfARelationGivesItsSourceAndQuote() throws {
    let t = try shell()
    XCTAssertTrue(t.run("cite E0007 --format tsv"), t.errors)
    XCTAssertTrue(t.output.contains("edge\tE0007\n"), t.output)
    XCTAssertTrue(t.output.contains("type\tCOMPETES_WITH\n"), t.output)
    XCTAssertTrue(t.output.contains("source\tarticle\n"), t.output)
    XCTAssertTrue(t.output.contains("quote\tIPO,無論對于智譜和MiniMax\n"), t.output)
    XCTAssertFalse(t.run("cite E9999"))
    XCTAssertTrue(t.errors.contains("cite: no relation E9999; relations ENTITY --explain lists"), t.errors)
  }

  /// `cite ENTITY PREDICATE`: the quotes behind one predicate's facts; two words that name an
  /// entity together stay its name; an unknown predicate is answered with the near ones.
  func testCiteOfAnEntityAndAPredicate() throws {
    let t = try shell()
    XCTAssertTrue(t.run("cite Zhipu listing_date --format tsv"), t.errors)
    let lines = t.output.split(separator: "\n").dropFirst()
    let ids = try t.session.store.facts(of: t.session.resolve("Zhipu").id, predicate: "listing_date")
      .compactMap(\.key)
    XCTAssertEqual(lines.map { String($0.split(separator: "\t")[0]) }, ids)
    let whole = try shell(), named = try shell()
    XCTAssertTrue(whole.run("cite 'Zhipu AI' --format csv"), whole.errors)
    XCTAssertTrue(named.run("cite Zhipu AI --format csv"), named.errors)
    XCTAssertEqual(named.output, whole.output)
    let odd = try shell()
    XCTAssertTrue(odd.run("cite Zhipu margin"), odd.errors)
    XCTAssertTrue(
      odd.output.contains(
        "no 'margin' facts about Zhipu AI; predicates containing it: gross_margin, "
          + "gross_margin_local_deployment, gross_margin_multiple_vs_traditional; try cite zhipu gross_margin"
      ),
      odd.output)
    // "Zhipu listing" is an alias of the IPO event: the two words are that name.
    let event = try shell()
    XCTAssertTrue(event.run("cite Zhipu listing --format csv"), event.errors)
    let ipo = try shell()
    XCTAssertTrue(ipo.run("cite zhipu-ipo --format csv"), ipo.errors)
    XCTAssertEqual(event.output, ipo.output)
  }
}
