import Foundation
import KnowledgeGraph
import QueryPlugin
import ShellCore
import ShellTesting
import XCTest

@testable import KnowledgePlugin

/// `export knowledge` and `import knowledge`: a knowledge base built from an export answers
/// every command the same; bad rows are rejected with their line and reason.
final class KnowledgeRoundTripTests: XCTestCase {
  var dir = ""

  override func setUp() {
    setenv("KGSH_AUTHOR", "ada", 1)
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("kexport-\(UUID().uuidString)").path
  }

  override func tearDown() {
    unsetenv("KGSH_AUTHOR")
    try? FileManager.default.removeItem(atPath: dir)
  }

  func shell(_ store: KnowledgeStore) throws -> TestShell {
    try TestShell(plugins: [KnowledgePlugin.plugin, AuthoringPlugin.plugin], store: store)
  }

  func answer(_ t: TestShell, _ line: String) -> String {
    let start = t.output.count
    XCTAssertTrue(t.run(line + " --format json"), "\(line): \(t.errors)")
    return String(t.output.dropFirst(start))
  }

  /// A folder of what people added names built-in entities and sources it does not hold:
  /// `check-knowledge DIR` says so as notes (import knowledge finds them in the knowledge
  /// base), where it reported errors; a key nobody has is still an error.
  func testCheckOfAnExportedUserLayerKnowsTheKnowledgeBasesKeys() throws {
    let a = try TestShell(
      plugins: [KnowledgePlugin.plugin, AuthoringPlugin.plugin],
      store: try AuthoringTests.sharedBase().copyInMemory())
    XCTAssertTrue(
      a.run("link Tencent COMPETES_WITH MiniMax --source article --quote 'IPO,無論對于智譜和MiniMax'"), a.errors)
    XCTAssertTrue(a.run("export knowledge '\(dir)'"), a.errors)
    XCTAssertTrue(a.run("check-knowledge '\(dir)' --format tsv"), a.errors)
    let problems = a.output.split(separator: "\n").filter {
      $0.hasPrefix("edges.tsv\t") || $0.hasPrefix("sources")
    }
    XCTAssertFalse(problems.contains { $0.contains("\terror\t") }, "\(problems)")
    XCTAssertTrue(
      problems.contains {
        $0.contains("\tnote\tentity minimax is not in entities.tsv but is in the knowledge base")
      },
      "\(problems)")
    XCTAssertTrue(
      problems.contains {
        $0.contains("\tnote\tsource article is not in sources.tsv but is in the knowledge base")
      },
      "\(problems)")
    // Checked alone (as Knowledge/ would be), the same folder has errors.
    XCTAssertFalse(try KnowledgeCheck.run(directory: dir, article: nil).errors.isEmpty)
  }

  func testAnExportBuildsAKnowledgeBaseThatAnswersTheSame() throws {
    let a = try shell(try AuthoringTests.sharedBase().copyInMemory())
    for line in [
      "source add s1 --title 'Notice' --kind filing --published 2026-02-01",
      "entity add kuaishou --label Company --name Kuaishou --alias 快手",
      "fact add kuaishou revenue 'RMB 133 bn' --source s1 --quote 'revenue of RMB 133 bn' --as-of 2025",
      "link kuaishou INVESTS_IN Zhipu --source s1 --quote 'Kuaishou invested in Zhipu'",
      "fact correct F0001 2026-01-09 --source s1 --quote 'listed on 9 January'",
      "fact retract F0002 --reason 'duplicate'",
    ] {
      XCTAssertTrue(a.run(line), "\(line): \(a.errors)")
    }
    XCTAssertTrue(a.run("export knowledge '\(dir)' --layer all"), a.errors)
    let check = try KnowledgeCheck.run(directory: dir, article: nil)
    XCTAssertEqual(check.errors.map(\.problem), [], "an export passes check-knowledge")
    let b = try shell(try KnowledgeStore.inMemory())
    XCTAssertTrue(b.run("import knowledge '\(dir)'"), b.errors)
    XCTAssertTrue(b.output.contains("0 rejected"), b.output)
    for line in [
      "show Zhipu", "show 快手", "facts Zhipu", "facts kuaishou", "relations Zhipu", "relations kuaishou",
      "cite F0001",
      "timeline Zhipu", "find GLM", "labels", "list Company", "show MiniMax --section conflicts",
    ] {
      XCTAssertEqual(answer(b, line), answer(a, line), line)
    }
    XCTAssertTrue(b.run("import knowledge '\(dir)'"), b.errors)
    XCTAssertTrue(b.output.contains("0 added, 0 changed"), "a second import finds nothing new: \(b.output)")
  }

  /// Nodes and relationships a Cypher CREATE added (keys `_c-…`) go out with --layer user
  /// and come back in (the import refused their keys).
  func testWhatCypherCreatedComesBackIn() throws {
    let plugins = [KnowledgePlugin.plugin, AuthoringPlugin.plugin, QueryPlugin.plugin]
    let a = try TestShell(plugins: plugins, store: try AuthoringTests.sharedBase().copyInMemory())
    XCTAssertTrue(
      a.run(
        "create (:Gadget {name: 'Widget', weight: 3})-[:MADE_BY {since: 2024}]->"
          + "(:Maker {name: 'Acme Works', code: '042', tag: '42', note: 'a; b=c'})"), a.errors)
    XCTAssertTrue(a.run("export knowledge '\(dir)'"), a.errors)
    let entities = try String(contentsOfFile: dir + "/entities.tsv", encoding: .utf8)
    XCTAssertTrue(entities.hasPrefix("key\tlabels\tname\taliases\tdescription\tprops\n"), entities)
    XCTAssertTrue(entities.contains("\tname=Widget;weight=3\n"), entities)
    // Text that reads as a number, or holds ';' or '=', keeps its value as a JSON object.
    XCTAssertTrue(
      entities.contains("\t" + #"{"code":"042","name":"Acme Works","note":"a; b=c","tag":"42"}"#), entities)
    // Knowledge/'s own rules still apply to it (a curated file needs slugs, sources and the
    // vocabulary): check-knowledge says what to fix before it is appended there.
    XCTAssertTrue(
      try KnowledgeCheck.run(directory: dir, article: nil).errors.map(\.problem).contains(
        "the row cites no source; every row of Knowledge/ needs one"))
    let b = try TestShell(plugins: plugins, store: try AuthoringTests.sharedBase().copyInMemory())
    XCTAssertTrue(b.run("import knowledge '\(dir)'"), b.errors)
    XCTAssertTrue(b.output.contains(", 0 rejected"), b.output)
    let query =
      "match (g:Gadget)-[r:MADE_BY]->(m) return g.name, g.weight, r.since, m.name, m.code, m.tag, m.note"
    XCTAssertEqual(answer(b, query), answer(a, query))
    XCTAssertTrue(answer(b, query).contains("Acme Works"))
  }

  func testUserLayerAndSince() throws {
    let t = try shell(try AuthoringTests.sharedBase().copyInMemory())
    XCTAssertTrue(t.run("source add s1 --title 'Notice'"), t.errors)
    XCTAssertTrue(t.run("fact add Zhipu staff 800 --source s1 --quote '800 people'"), t.errors)
    XCTAssertTrue(t.run("export knowledge '\(dir)'"), t.errors)
    let facts = try String(contentsOfFile: dir + "/facts.tsv", encoding: .utf8).split(separator: "\n")
    XCTAssertEqual(facts.count, 2, "the header and the one user fact: \(facts)")
    XCTAssertTrue(facts[1].contains("\tzhipu\tstaff\tnumber\t800\t"), String(facts[1]))
    // A built-in fact or entity someone corrected is theirs too, with its new value.
    XCTAssertTrue(t.run("fact correct F0001 2026-01-09 --source s1 --quote 'listed on the 9th'"), t.errors)
    XCTAssertTrue(t.run("entity correct baai --description 'An AI institute'"), t.errors)
    XCTAssertTrue(t.run("export knowledge '\(dir)'"), t.errors)
    let corrected = try String(contentsOfFile: dir + "/facts.tsv", encoding: .utf8)
    XCTAssertTrue(corrected.contains("F0001\tzhipu\tlisting_date\tdate\t2026-01-09\t"), corrected)
    let entities = try String(contentsOfFile: dir + "/entities.tsv", encoding: .utf8).split(separator: "\n")
    XCTAssertEqual(entities.count, 2, "\(entities)")
    XCTAssertTrue(
      entities[1].hasPrefix("baai\t") && entities[1].hasSuffix("\tAn AI institute"), "\(entities)")
    XCTAssertTrue(t.run("export knowledge '\(dir)' --layer all --since 2999-01"), t.errors)
    let none = try String(contentsOfFile: dir + "/sources.tsv", encoding: .utf8).split(separator: "\n")
    XCTAssertEqual(none.count, 1, "nothing changed since 2999")
  }

  /// A file where the folder should be is refused in words (it showed Foundation's
  /// "Error Domain=NSCocoaErrorDomain Code=516"), and nothing is written.
  func testExportIntoAFileIsRefusedInWords() throws {
    let t = try shell(try AuthoringTests.sharedBase().copyInMemory())
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let file = dir + "/taken.csv"
    try "a,b\n".write(toFile: file, atomically: true, encoding: .utf8)
    XCTAssertFalse(t.run("export knowledge '\(file)'"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "export knowledge: cannot write into \(file): it is a file, not a folder; name a folder, new or existing\n"
      ),
      t.errors)
    XCTAssertFalse(t.run("export knowledge '\(file)/sub'"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "export knowledge: cannot create the folder \(file)/sub: \(file)/sub: not a directory; check that its parent is a writable folder\n"
      ), t.errors)
    XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "a,b\n")
  }

  /// An export of nothing says why there is nothing and what writes more.
  func testAnEmptyExportSaysWhy() throws {
    let t = try shell(try AuthoringTests.sharedBase().copyInMemory())
    XCTAssertTrue(t.run("export knowledge '\(dir)/empty'"), t.errors)
    XCTAssertTrue(
      t.output.hasSuffix("nothing people added yet: --layer all writes the built-in knowledge too\n"),
      t.output)
    XCTAssertTrue(t.run("export knowledge '\(dir)/later' --layer all --since 2099-01"), t.errors)
    XCTAssertTrue(
      t.output.hasSuffix("nothing changed since 2099-01; leave out --since for everything\n"), t.output)
  }

  /// A JSON file that does not parse is named, with the place of the mistake and what to do.
  func testAJSONFileThatDoesNotParseIsNamed() throws {
    let t = try shell(try AuthoringTests.sharedBase().copyInMemory())
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let file = dir + "/facts.json"
    try "[{\"entity\": \"zhipu\",\n  \"value\": 1,\n]".write(toFile: file, atomically: true, encoding: .utf8)
    XCTAssertFalse(t.run("import knowledge '\(file)'"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "import knowledge: facts.json: invalid JSON at line 3, column 1: expected a string key; "
          + "fix the file and import it again; nothing was imported\n"), t.errors)
  }

  /// TSV fields hold no tab or line break: the export writes them as spaces and says which.
  func testAFieldWithATabOrLineBreakIsFlattenedAndNamed() throws {
    let t = try shell(try AuthoringTests.sharedBase().copyInMemory())
    XCTAssertTrue(t.run("source add s1 --title 'Notice'"), t.errors)
    XCTAssertTrue(t.run("fact add Zhipu motto \"one\ttwo\nthree\" --source s1 --quote 'said'"), t.errors)
    let before = t.output.count
    XCTAssertTrue(t.run("export knowledge '\(dir)'"), t.errors)
    let said = String(t.output.dropFirst(before))
    XCTAssertTrue(
      said.contains("2 fields held tabs or line breaks, written as spaces (first: facts.tsv UF-"), said)
    XCTAssertTrue(said.contains(" value)"), said)
    let facts = try String(contentsOfFile: dir + "/facts.tsv", encoding: .utf8)
    XCTAssertTrue(facts.contains("\tone two three\t"), facts)
  }

  func testBadRowsAreRejectedWithTheirLineAndReason() throws {
    let t = try shell(try AuthoringTests.sharedBase().copyInMemory())
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try """
    id,subject,predicate,type,value,unit,currency,qualifier,as_of,source,quote,status
    ,zhipu,staff,number,800,,,,2026,article,800人,secondary
    ,nosuch,staff,number,1,,,,,,,unverified
    ,zhipu,Staff,number,1,,,,,,,unverified
    ,zhipu,raise,money,5,,,,,,,unverified
    ,zhipu,staff,number,2,,,,someday,,,unverified
    ,zhipu,staff,number,3,,,,,,,secondary
    ,zhipu,staff,number,4,,,,,nosource,q,secondary
    ,zhipu,staff,number,5,,,,,article,,secondary
    ,zhipu,founded,date,2025-02-30,,,,,,,unverified
    ,zhipu,staff,number,6,,,,2025-13,,,unverified
    """.write(toFile: dir + "/facts.csv", atomically: true, encoding: .utf8)
    let before = try t.session.store.changeCount()
    XCTAssertFalse(t.run("import knowledge '\(dir)/facts.csv' --strict"))
    XCTAssertEqual(try t.session.store.changeCount(), before, "--strict imports nothing")
    XCTAssertFalse(t.run("import knowledge '\(dir)/facts.csv'"))
    for expected in [
      "facts.csv:3", "nosuch is not an entity", "facts.csv:4", "lower_snake_case", "money without a currency",
      "as_of 'someday'", "status is not unverified", "source nosource is not known", "quote is empty",
      "value '2025-02-30': the calendar has no 2025-02-30", "as_of '2025-13': the calendar has no 2025-13",
      "9 rejected",
      "the other rows were imported",
    ] {
      XCTAssertTrue(
        t.output.contains(expected) || t.errors.contains(expected), "\(expected):\n\(t.output)\n\(t.errors)")
    }
    XCTAssertEqual(try t.session.store.changeCount(), before + 1, "the good row is recorded")
    // Halves, quarters and ranges are dates too; a file of only bad rows imports nothing.
    try FileManager.default.createDirectory(atPath: dir + "/periods", withIntermediateDirectories: true)
    try """
    id,subject,predicate,type,value,unit,currency,qualifier,as_of,source,quote,status
    ,zhipu,period_a,date,2025-H1,,,,,,,unverified
    ,zhipu,period_b,date,2024-02-29..2025-06,,,,,,,unverified
    """.write(toFile: dir + "/periods/facts.csv", atomically: true, encoding: .utf8)
    XCTAssertTrue(t.run("import knowledge '\(dir)/periods/facts.csv'"), t.errors)
    try """
    id,subject,predicate,type,value,unit,currency,qualifier,as_of,source,quote,status
    ,zhipu,founded,date,2025-02-30,,,,,,,unverified
    """.write(toFile: dir + "/facts.csv", atomically: true, encoding: .utf8)
    XCTAssertFalse(t.run("import knowledge '\(dir)/facts.csv'"))
    XCTAssertTrue(t.output.contains("every row was rejected: nothing was imported"), t.output)
    XCTAssertFalse(t.run("import knowledge '\(dir)/nothing-here'"))
    XCTAssertTrue(t.errors.contains("no file or folder"), t.errors)
  }

  func testOneJSONFileWithEveryTable() throws {
    let t = try shell(try AuthoringTests.sharedBase().copyInMemory())
    let file = dir + ".json"
    defer { try? FileManager.default.removeItem(atPath: file) }
    try """
    {"sources": [{"id": "s9", "title": "A filing", "kind": "filing"}],
     "entities": [{"key": "acme", "labels": "Company", "name": "Acme", "aliases": "阿克米"}],
     "facts": [{"subject": "acme", "predicate": "staff", "type": "number", "value": "12", "source": "s9",
                "quote": "12 people", "status": "secondary"}],
     "edges": [{"src": "acme", "type": "PARTNERS_WITH", "dst": "zhipu", "source": "s9", "quote": "partners",
                "status": "secondary"}]}
    """.write(toFile: file, atomically: true, encoding: .utf8)
    XCTAssertTrue(t.run("import knowledge '\(file)'"), t.errors)
    XCTAssertTrue(t.output.contains("4 added"), t.output)
    XCTAssertEqual(try t.session.store.changes(about: "acme").map(\.layer).first, .imported)
    guard case .found(let acme) = try t.session.store.resolve("阿克米") else { return XCTFail("alias") }
    XCTAssertEqual(try t.session.store.facts(of: acme.id).first?.rawValue, "12")
  }

  /// A file written with the commands' words: a fact's `entity` is its subject, an edge's
  /// `from`/`to` its ends, and a fact without a type has its value read as fact add reads it
  /// (the text as written kept as the original).
  func testRowsInTheCommandsWordsAndValuesAsWritten() throws {
    let t = try shell(try AuthoringTests.sharedBase().copyInMemory())
    let file = dir + ".json"
    defer { try? FileManager.default.removeItem(atPath: file) }
    try """
    {"sources": [{"id": "s9", "title": "A filing", "kind": "filing"}],
     "entities": [{"key": "acme", "labels": "Company", "name": "Acme"}],
     "facts": [{"entity": "acme", "predicate": "ipo_raise", "value": "HK$4.3 bn", "source": "s9", "quote": "43億港元"},
               {"entity": "acme", "predicate": "founded_date", "value": "2019年6月", "source": "s9", "quote": "2019年6月"}],
     "edges": [{"from": "acme", "type": "PARTNERS_WITH", "to": "zhipu", "source": "s9", "quote": "partners"},
               {"from": "Acme", "type": "COMPETES_WITH", "to": "智谱", "source": "s9", "quote": "rivals"}]}
    """.write(toFile: file, atomically: true, encoding: .utf8)
    XCTAssertTrue(t.run("import knowledge '\(file)'"), t.errors)
    XCTAssertTrue(t.output.contains("6 added"), t.output)
    guard case .found(let acme) = try t.session.store.resolve("acme") else { return XCTFail("acme") }
    let facts = try t.session.store.facts(of: acme.id).sorted { $0.predicate < $1.predicate }
    XCTAssertEqual(facts.map(\.rawValue), ["2019-06", "4300000000"])
    XCTAssertEqual(facts.map(\.currency), [nil, "HKD"])
    // The ends of the second edge are names (Acme, 智谱): each is the one entity it finds.
    XCTAssertEqual(
      try t.session.store.relations(of: acme.id).map { "\($0.type) \($0.other.key)" }.sorted(),
      ["COMPETES_WITH zhipu", "PARTNERS_WITH zhipu"])
    // A type in words is refused with the type it would be.
    try """
    {"edges": [{"from": "acme", "type": "invests in", "to": "zhipu", "source": "s9", "quote": "q"}]}
    """.write(toFile: file, atomically: true, encoding: .utf8)
    XCTAssertFalse(t.run("import knowledge '\(file)'"))
    XCTAssertTrue(t.output.contains("type 'invests in' is not UPPER_SNAKE_CASE; write INVESTS_IN"), t.output)
  }

  /// Two folders that name each other's entities import in one transaction: every source and
  /// entity first, then the facts and edges; with --strict a bad row in either imports neither.
  func testSeveralFoldersAreOneImport() throws {
    let t = try shell(try AuthoringTests.sharedBase().copyInMemory())
    let a = dir + "/a", b = dir + "/b"
    for d in [a, b] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
    // a's fact and edge name acme, an entity that only b adds; b's fact cites a's source.
    try "id\ttitle\tkind\nsa\tA filing\tfiling\n".write(
      toFile: a + "/sources.tsv", atomically: true, encoding: .utf8)
    try
      "id\tsubject\tpredicate\ttype\tvalue\tsource\tquote\tstatus\n\tacme\tstaff\tnumber\t12\tsa\t12 people\tsecondary\n"
      .write(toFile: a + "/facts.tsv", atomically: true, encoding: .utf8)
    try "id\tsrc\ttype\tdst\tsource\tquote\tstatus\n\tacme\tPARTNERS_WITH\tzhipu\tsa\tpartners\tsecondary\n"
      .write(toFile: a + "/edges.tsv", atomically: true, encoding: .utf8)
    try "key\tlabels\tname\taliases\nacme\tCompany\tAcme\t阿克米\n"
      .write(toFile: b + "/entities.tsv", atomically: true, encoding: .utf8)
    try
      "id\tsubject\tpredicate\ttype\tvalue\tsource\tquote\tstatus\n\tacme\tfounded_date\tdate\t2020\tsa\tfounded in 2020\tsecondary\n"
      .write(toFile: b + "/facts.tsv", atomically: true, encoding: .utf8)
    XCTAssertFalse(t.run("import knowledge '\(a)' --strict"), "alone, a names an entity it lacks")
    XCTAssertTrue(t.errors.contains("rejected"), t.errors)
    XCTAssertTrue(t.run("import knowledge '\(a)' '\(b)' --strict"), t.errors)
    XCTAssertTrue(t.output.contains("5 added, 0 changed"), t.output)
    guard case .found(let acme) = try t.session.store.resolve("阿克米") else { return XCTFail("acme") }
    XCTAssertEqual(try t.session.store.facts(of: acme.id).map(\.rawValue).sorted(), ["12", "2020"])
    XCTAssertTrue(t.run("import knowledge '\(b)' '\(a)'"), t.errors)
    XCTAssertTrue(
      t.output.contains("0 added, 0 changed"), "the order of the folders does not matter: \(t.output)")
  }
}
