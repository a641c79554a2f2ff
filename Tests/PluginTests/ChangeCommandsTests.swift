import Foundation
import KnowledgeGraph
import PricingPlugin
import ShellCore
import ShellTesting
import XCTest

@testable import KnowledgePlugin
@testable import ScriptingPlugin

/// The authoring commands beyond `fact add`: corrections, retractions, entities, aliases,
/// links, undo, conflicts and `prices remove`. Every one is a change record; what commands
/// show follows the log.
final class ChangeCommandsTests: XCTestCase {
  override func setUp() { setenv("KGSH_AUTHOR", "ada", 1) }
  override func tearDown() { unsetenv("KGSH_AUTHOR") }

  func shell() throws -> TestShell {
    try TestShell(
      plugins: [
        KnowledgePlugin.plugin, AuthoringPlugin.plugin, ScriptingPlugin.plugin, PricingPlugin.plugin,
      ],
      store: try AuthoringTests.sharedBase().copyInMemory())
  }

  func refused(
    _ t: TestShell, _ line: String, _ expected: String, file: StaticString = #filePath, line n: UInt = #line
  ) {
    let before = (try? t.session.store.changeCount()) ?? -1
    XCTAssertFalse(t.run(line), "should be refused: \(line)", file: file, line: n)
    XCTAssertTrue(t.errors.contains(expected), "\(line): \(t.errors)", file: file, line: n)
    XCTAssertFalse(t.errors.contains("KgshError"), t.errors, file: file, line: n)
    XCTAssertEqual(
      try? t.session.store.changeCount(), before, "a refusal records nothing", file: file, line: n)
  }

  func value(_ t: TestShell, _ key: String) throws -> String? {
    try t.session.store.facts(key: key).first?.rawValue
  }

  let source = "source add s1 --title 'Notice' --kind filing"

  func testCorrectReplacesTheValueAndKeepsTheOldOneInHistory() throws {
    let t = try shell()
    XCTAssertTrue(t.run(source), t.errors)
    XCTAssertEqual(try value(t, "F0001"), "2026-01-08")
    XCTAssertTrue(t.run("fact correct F0001 2026-01-09 --source s1 --quote 'listed on 9 January'"), t.errors)
    XCTAssertEqual(try value(t, "F0001"), "2026-01-09")
    let fact = try XCTUnwrap(try t.session.store.facts(key: "F0001").first)
    XCTAssertEqual(fact.provenance.source, "s1")
    XCTAssertEqual(fact.provenance.quote, "listed on 9 January")
    let records = try t.session.store.changes(about: "F0001")
    XCTAssertEqual(records.map(\.kind), [.correct, .assert])
    XCTAssertEqual(
      records[0].payload.fieldMap("previous")["value"], .string("2026-01-08"), "the old value is kept")
  }

  func testCorrectRefusals() throws {
    let t = try shell()
    XCTAssertTrue(t.run(source), t.errors)
    refused(t, "fact correct F9999 1 --source s1 --quote q", "no fact F9999")
    refused(t, "fact correct F0001 2026-01-09", "--source is required")
    refused(t, "fact correct F0001 2026-01-09 --source s1", "--quote is required")
    refused(t, "fact correct F0001 2026-01-09 --source nope --quote q", "no source nope")
    XCTAssertTrue(t.run("fact correct F0001 2026-01-09 --source s1 --quote q"), t.errors)
    refused(t, "fact correct F0001 2026-01-09 --source s1 --quote q", "already says")
  }

  /// An entity and a predicate where a fact id belongs: the refusal names the ids of those
  /// facts with their values, and the line rewritten with the first.
  func testAnEntityWhereAFactIDBelongsNamesItsFacts() throws {
    let t = try shell()
    let founded = try t.session.store.facts(of: try t.session.resolveID("Zhipu"), predicate: "founded_date")
    XCTAssertEqual(founded.count, 1)
    let id = try XCTUnwrap(founded.first?.key)
    refused(
      t, "fact retract Zhipu founded_date --reason moved",
      "fact retract: FACT is a fact id, and 'Zhipu' names the entity Zhipu AI; its founded_date fact is \(id) (2019); "
        + "e.g. fact retract \(id) --reason moved")
    refused(
      t, "fact correct 'Zhipu AI' founded_date 2020 --source s1 --quote q",
      "its founded_date fact is \(id) (2019); e.g. fact correct \(id) 2020 --source s1 --quote q")
    // Without a predicate it can match, the refusal says where the ids are.
    refused(
      t, "fact correct Zhipu 2020 --source s1 --quote q",
      "FACT is a fact id, and 'Zhipu' names the entity Zhipu AI; its fact ids are in the first column of facts \"Zhipu AI\""
    )
    // A word that is neither keeps the plain refusal.
    refused(t, "fact retract nothing_like_it founded_date --reason x", "unexpected argument 'founded_date'")
  }

  /// Entities where a relation id belongs: the refusal names the relations between them with
  /// their ids; relations ENTITY --explain lists them all.
  func testUnlinkGivenTwoEntitiesNamesTheRelationsBetweenThem() throws {
    let t = try shell()
    refused(
      t, "unlink zhipu minimax --reason merged",
      "unlink: EDGE is a relation id, and 'zhipu' names the entity Zhipu AI; its relation with MiniMax is "
        + "E0007 (Zhipu AI -[COMPETES_WITH]-> MiniMax); e.g. unlink E0007 --reason merged")
    refused(
      t, "unlink zhipu DEVELOPS minimax --reason x",
      "it has no DEVELOPS relation with MiniMax; relations \"Zhipu AI\" --explain lists its relations with their ids"
    )
    XCTAssertTrue(t.run("relations minimax --explain --format tsv"), t.errors)
    let row = t.output.split(separator: "\n").first { $0.hasPrefix("E0007\t") }
    XCTAssertEqual(row.map(String.init), "E0007\tin\tCOMPETES_WITH\tZhipu AI\tarticle\t2026-01-08")
    refused(t, "relations --explain", "relations: --explain lists one entity's relations")
  }

  func testRetractHidesTheFactButHistoryKeepsIt() throws {
    let t = try shell()
    refused(t, "fact retract F0001", "--reason is required")
    refused(t, "fact retract F9999 --reason x", "no fact F9999")
    refused(t, "fact retract F9999", "no fact F9999")  // the id before the reason
    XCTAssertTrue(t.run("fact retract F0001 --reason 'wrong day'"), t.errors)
    XCTAssertNil(try value(t, "F0001"))
    let start = t.output.count
    XCTAssertTrue(t.run("facts Zhipu --predicate listing_date"), t.errors)
    XCTAssertTrue(
      t.output.dropFirst(start).hasSuffix(
        "no 'listing_date' facts about Zhipu AI: F0001 (2026-01-08) was retracted (wrong day); history F0001 "
          + "shows its changes, and undo takes a retraction back in the session that made it\n"), t.output)
    refused(t, "fact correct F0001 2026-01-09 --unsourced", "was retracted (wrong day)")
    XCTAssertEqual(try t.session.store.changes(about: "F0001").map(\.kind), [.retract, .assert])
  }

  func testUndoTakesBackEachKindOfChangeNewestFirst() throws {
    let t = try shell()
    refused(t, "undo", "nothing to undo")
    XCTAssertTrue(t.run(source), t.errors)
    XCTAssertTrue(t.run("fact correct F0001 2026-01-09 --source s1 --quote q"), t.errors)
    XCTAssertTrue(t.run("fact retract F0002 --reason r"), t.errors)
    XCTAssertTrue(t.run("undo"), t.errors)
    XCTAssertNotNil(try value(t, "F0002"), "the retraction is undone")
    XCTAssertTrue(t.run("undo"), t.errors)
    XCTAssertEqual(try value(t, "F0001"), "2026-01-08", "the correction is undone")
    XCTAssertEqual(try t.session.store.facts(key: "F0001").first?.provenance.source, "article")
    XCTAssertTrue(t.run("undo"), t.errors)
    XCTAssertNil(try t.session.store.source(key: "s1"), "the source is retracted")
    refused(t, "undo", "nothing to undo")
    let mine = try t.session.store.changes(layers: [.user])
    XCTAssertEqual(mine.count, 6, "three changes and three undos, all recorded")
    XCTAssertEqual(mine.filter { $0.payload.field("undoes") != nil }.count, 3)
  }

  /// A second value for a predicate on the same date is kept beside the first, and the
  /// output says so with the correction that would have replaced it (which then runs);
  /// `conflicts ENTITY` names predicates whose sources disagree, which are not conflicting
  /// corrections.
  func testASecondValueForTheSameDateSaysHowToReplaceInstead() throws {
    let t = try shell()
    XCTAssertTrue(t.run(source), t.errors)
    XCTAssertTrue(t.run("entity add acme --label Company --name Acme"), t.errors)
    XCTAssertTrue(t.run("fact add acme employees 120 --source s1 --quote 'has 120 staff'"), t.errors)
    XCTAssertFalse(t.output.contains("already had"), t.output)
    XCTAssertTrue(t.run("fact add acme employees 130 --source s1 --quote 'now 130 staff'"), t.errors)
    let first = try XCTUnwrap(t.session.store.facts(of: try t.session.resolve("acme").id).first?.key)
    let correct = "fact correct \(first) 130 --source s1 --quote \"now 130 staff\""
    XCTAssertTrue(
      t.output.contains(
        "Acme already had employees 120 (\(first)) without a date: both are kept, as sources that disagree "
          + "(show acme --section conflicts); to replace it instead: undo, then \(correct)\n"), t.output)
    XCTAssertTrue(t.run("conflicts acme"), t.errors)
    XCTAssertTrue(
      t.output.contains("no conflicting corrections\nAcme's sources disagree on employees: show acme"),
      t.output)
    XCTAssertTrue(t.run("undo; history --changes --limit 1 --format csv"), t.errors)
    XCTAssertTrue(t.output.contains(",undo: retracted employees = 130,"), t.output)
    XCTAssertTrue(t.run("\(correct); conflicts acme"), t.errors)
    XCTAssertTrue(
      t.output.hasSuffix("└──────┴────────┴────────┴───────┴────────┴──────┘\nno conflicting corrections\n"),
      t.output)
    XCTAssertEqual(try value(t, first), "130")
  }

  /// An entity without relations says so and how to add one (it was an empty table).
  func testAnEntityWithoutRelationsSaysHowToLinkIt() throws {
    let t = try shell()
    XCTAssertTrue(t.run("entity add acme --label Company --name Acme; relations acme"), t.errors)
    XCTAssertTrue(
      t.output.hasSuffix("Acme has no relations; link acme TYPE ENTITY --source SOURCE adds one\n"), t.output)
    XCTAssertTrue(t.run("relations acme --explain --type INVESTS_IN"), t.errors)
    XCTAssertTrue(
      t.output.hasSuffix(
        "Acme has no INVESTS_IN relations; link acme TYPE ENTITY --source SOURCE adds one\n"), t.output)
  }

  func testTwoAuthorsCorrectingOneFactAreAConflictUntilResolved() throws {
    let t = try shell()
    XCTAssertTrue(t.run(source), t.errors)
    XCTAssertTrue(t.run("fact correct F0001 2026-01-09 --source s1 --quote q"), t.errors)
    XCTAssertTrue(t.run("conflicts"), t.errors)
    XCTAssertTrue(t.output.contains("no conflicting corrections"), t.output)
    setenv("KGSH_AUTHOR", "bo", 1)
    XCTAssertTrue(t.run("fact correct F0001 2026-01-10 --source s1 --quote r"), t.errors)
    XCTAssertEqual(try t.session.store.facts(key: "F0001").first?.provenance.status, "conflict")
    let conflicts = try t.session.store.conflicts()
    XCTAssertEqual(conflicts.map(\.fact), ["F0001"])
    XCTAssertEqual(conflicts.first?.claims.map(\.author), ["ada", "bo"])
    XCTAssertTrue(t.run("conflicts Zhipu"), t.errors)
    XCTAssertTrue(t.output.contains("2026-01-09") && t.output.contains("2026-01-10"), t.output)
    XCTAssertTrue(t.run("fact correct F0001 2026-01-08 --source s1 --quote s --resolve"), t.errors)
    XCTAssertTrue(try t.session.store.conflicts().isEmpty)
    XCTAssertEqual(try t.session.store.facts(key: "F0001").first?.provenance.status, "user")
  }

  func testEntityAddAliasAddLinkAndUnlink() throws {
    let t = try shell()
    XCTAssertTrue(t.run(source), t.errors)
    XCTAssertTrue(
      t.run(
        "entity add kuaishou --label company --label lab --name Kuaishou --alias 快手 --description 'Search and AI'"
      ),
      t.errors)
    let kuaishou = try XCTUnwrap(try t.session.store.node(key: "kuaishou"))
    XCTAssertEqual(kuaishou.labels.sorted(), ["Company", "Lab"], "labels take the knowledge base's spelling")
    XCTAssertFalse(t.output.contains("new label"), t.output)
    // The aliases are the names given beside the name (the name and key find it too).
    XCTAssertTrue(t.output.contains("\naliases  快手\n"), t.output)
    // A label the knowledge base did not have is said to be new, with the nearest it has (a
    // typo made a label of its own without a word).
    XCTAssertTrue(t.run("entity add acme --label Compnay --name Acme"), t.errors)
    XCTAssertTrue(t.output.hasSuffix("author   ada\n\nnew label Compnay (did you mean Company?)\n"), t.output)
    // So is a new predicate.
    XCTAssertTrue(t.run("fact add acme founded_dat 2019 --source s1 --quote q"), t.errors)
    XCTAssertTrue(t.output.hasSuffix("\nnew predicate founded_dat (did you mean founded_date?)\n"), t.output)
    // A predicate that starts with the same word as the one the knowledge base uses.
    XCTAssertTrue(t.run("fact add acme context_window 128000 --source s1 --quote q"), t.errors)
    XCTAssertTrue(
      t.output.hasSuffix("\nnew predicate context_window (did you mean context_length?)\n"), t.output)
    XCTAssertEqual(
      Authoring.newName("predicate", "coding_throughput", among: ["coding_rank", "coding_score", "revenue"]),
      "new predicate coding_throughput (the knowledge base has coding_rank, coding_score)")
    XCTAssertTrue(t.run("fact add acme founded_date 2019 --source s1 --quote q"), t.errors)
    XCTAssertTrue(t.output.hasSuffix("author     ada\n"), t.output)
    guard case .found(let found) = try t.session.store.resolve("快手") else { return XCTFail("快手 unresolved") }
    XCTAssertEqual(found.key, "kuaishou")
    XCTAssertTrue(t.run("alias add kuaishou 'Kuaishou Technology'"), t.errors)
    guard case .found = try t.session.store.resolve("kuaishou technology") else {
      return XCTFail("alias unresolved")
    }
    XCTAssertTrue(
      t.run("link kuaishou invests_in Zhipu --source s1 --quote 'Kuaishou invested' --as-of 2025"), t.errors)
    let edge = try XCTUnwrap(t.session.store.changes(about: "kuaishou").first { $0.targetType == .edge })
    XCTAssertEqual(try t.session.store.snapshot(.edge, edge.target)?.field("type"), "INVESTS_IN")
    XCTAssertFalse(t.output.contains("new relation type"), t.output)
    // A relation type the knowledge base did not have is said to be new, as a label is.
    XCTAssertTrue(t.run("link kuaishou INVEST_IN Zhipu --unsourced"), t.errors)
    XCTAssertTrue(t.output.hasSuffix("\nnew relation type INVEST_IN (did you mean INVESTS_IN?)\n"), t.output)
    // A type in the passive voice of one the knowledge base has: the other way round, with the line.
    XCTAssertTrue(t.run("link Zhipu INVESTED_BY kuaishou --unsourced"), t.errors)
    XCTAssertTrue(
      t.output.hasSuffix(
        "\nnew relation type INVESTED_BY; the knowledge base says it the other way round, INVESTS_IN: "
          + "undo, then link kuaishou INVESTS_IN zhipu with the same source\n"), t.output)
    XCTAssertEqual(LinkCommand.activeType(of: "DEVELOPED_BY", among: ["DEVELOPS", "FOUNDED"]), "DEVELOPS")
    XCTAssertEqual(LinkCommand.activeType(of: "FOUNDED_BY", among: ["DEVELOPS", "FOUNDED"]), "FOUNDED")
    XCTAssertNil(LinkCommand.activeType(of: "OWNED_BY", among: ["DEVELOPS", "FOUNDED"]))
    XCTAssertNil(LinkCommand.activeType(of: "FOUNDED", among: ["DEVELOPS", "FOUNDED"]))
    XCTAssertTrue(t.run("relations kuaishou"), t.errors)
    XCTAssertTrue(t.output.contains("Zhipu AI"), t.output)
    XCTAssertTrue(t.run("unlink \(edge.target) --reason 'misread'"), t.errors)
    XCTAssertNil(try t.session.store.snapshot(.edge, edge.target))
    refused(t, "unlink \(edge.target) --reason again", "already withdrawn (misread)")
  }

  func testSourceURLMustBeAnAddress() throws {
    let t = try shell()
    refused(
      t, "source add s9 --title T --url www.hkex.com.hk/news",
      "source add: --url takes a web address like https://example.com/page, or a file: URL, "
        + "not 'www.hkex.com.hk/news'; did you mean https://www.hkex.com.hk/news?")
    for bad in ["htps://x.com", "https://", "javascript:alert(1)", "notes"] {
      refused(t, "source add s9 --title T --url '\(bad)'", "--url takes a web address")
    }
    for good in ["https://www.hkex.com.hk/news?id=1", "HTTP://X.COM", "file:///srv/docs/notice.pdf"] {
      XCTAssertTrue(t.run("source add s-\(good.count) --title T --url '\(good)'"), t.errors)
    }
  }

  func testEntityAliasAndLinkRefusals() throws {
    let t = try shell()
    XCTAssertTrue(t.run(source), t.errors)
    refused(t, "entity add zhipu --label Company --name Z", "zhipu already exists")
    refused(t, "entity add 'two words' --label Company --name X", "KEY takes")
    XCTAssertTrue(t.errors.hasSuffix("not 'two words'; e.g. entity add two-words\n"), t.errors)
    // A name typed where the key goes: a key made of it, and the name kept as --name.
    refused(
      t, "entity add 'Acme AI (HK)' --label Company", "; e.g. entity add acme-ai-hk --name 'Acme AI (HK)'\n")
    refused(t, "entity add 智谱 --label Company", "not '智谱'; e.g. kuaishou or ernie-4.5\n")
    refused(
      t, "source add 'HKEX notice' --title T",
      "not 'HKEX notice'; e.g. source add hkex-notice --title '...'\n")
    refused(t, "entity add acme --label Company", "--name is required; add --name 'the name cards show'\n")
    // A KEY written like a name: the line with a key made of it and the KEY as the name.
    refused(
      t, "entity add DeepSeek-V4 --label model --alias V4",
      "'DeepSeek-V4' reads as the name; write entity add deepseek-v4 --label model --name DeepSeek-V4 --alias V4\n"
    )
    refused(t, "entity add acme --name Acme", "--label is required")
    refused(t, "entity add acme --label Company --name 智譜", "already names Zhipu AI")
    XCTAssertTrue(t.run("entity add acme --label Company --name 'Acme'"), t.errors)
    refused(t, "alias add acme 智譜", "already names Zhipu AI")
    // alias add has no --new: its refusal must not suggest one.
    XCTAssertFalse(t.errors.split(separator: "\n").last!.contains("--new"), t.errors)
    refused(t, "alias add acme ACME", "already finds Acme")
    refused(t, "link acme INVESTS_IN Zhipu", "--source is required")
    refused(t, "link acme 'invests in' Zhipu --unsourced", "not 'invests in'; write INVESTS_IN\n")
    // A Chinese word that names no relation type is refused; one that does is read as it (below).
    refused(t, "link acme 喜欢 Zhipu --unsourced", "not '喜欢'; e.g. INVESTS_IN\n")
    // The type in words between the names (it read "in Zhipu AI" as one name).
    refused(
      t, "link acme invests in Zhipu AI --unsourced",
      "link: TYPE is one word, and 'invests in' is INVESTS_IN in words; write link acme INVESTS_IN \"Zhipu AI\" --unsourced\n"
    )
    refused(
      t, "link Zhipu INVESTS_IN 智谱 --unsourced",
      "link: both ends are Zhipu AI; a relation joins two different entities")
    refused(t, "link acme INVESTS_IN NoSuchCo --unsourced", "NoSuchCo")
    refused(t, "link acme INVESTS_IN 'No Such Co' --unsourced", "; try find \"No Such Co\"\n")
    // The relation type last, the way some tools write it: the order is named and the line rewritten.
    refused(
      t, "link acme 'Zhipu AI' invests_in --unsourced",
      "link: INVESTS_IN is a relation type, and the TYPE goes between the two entities; "
        + "e.g. link acme INVESTS_IN \"Zhipu AI\"\n")
    XCTAssertTrue(t.run("link acme INVESTS_IN Zhipu --unsourced"), t.errors)
    refused(t, "link acme INVESTS_IN Zhipu --unsourced", "already there")
    refused(t, "link acme 投资 Zhipu --unsourced", "Acme -[INVESTS_IN]-> Zhipu AI is already there")
    refused(t, "unlink E9999 --reason x", "no relation E9999")
    refused(t, "unlink E0001", "--reason is required")
    refused(t, "unlink E9999", "no relation E9999")  // the id before the reason
  }

  func testPricesRemoveIsRecordedAndUndone() throws {
    let t = try shell()
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("rm-\(UUID().uuidString).csv")
      .path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data(
      (PriceImportTests.header + "\nX9,api_per_token,TestCo,Test Model,0.10,0.30,,USD,2026-11,page,verified\n")
        .utf8
    ).write(to: URL(fileURLWithPath: path))
    XCTAssertTrue(t.run("import prices '\(path)'"), t.errors)
    XCTAssertEqual(try t.session.store.changes(about: "X9@2026-11").first?.layer, .imported)
    refused(t, "prices remove X8", "no user price row X8")
    refused(t, "prices remove P001", "built-in row")
    XCTAssertTrue(t.run("prices remove X9"), t.errors)
    XCTAssertFalse(try t.session.store.priceRows().contains { $0.id == "X9" })
    XCTAssertTrue(t.run("undo"), t.errors)
    XCTAssertTrue(try t.session.store.priceRows().contains { $0.id == "X9" }, "undo brings the row back")
  }

  func testReadOnlyRefusesEveryAuthoringCommand() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ro-\(UUID().uuidString).db")
      .path
    defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
    let storage = try XCTUnwrap(PricingPlugin.plugin.storage)
    try KnowledgeStore.open(path: path, extensions: [storage]).close()
    let t = try TestShell(
      plugins: [KnowledgePlugin.plugin, AuthoringPlugin.plugin, PricingPlugin.plugin],
      store: try KnowledgeStore.open(path: path, readOnly: true))
    for line in [
      "entity add a --label Company --name A", "alias add a b", "fact correct F1 1 --unsourced",
      "fact retract F1 --reason r", "link a T b --unsourced", "unlink E1 --reason r", "undo",
      "prices remove X",
    ] {
      XCTAssertFalse(t.run(line), line)
      XCTAssertTrue(t.errors.contains("read-only"), "\(line): \(t.errors)")
    }
  }
}
