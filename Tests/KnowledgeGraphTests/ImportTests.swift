import Foundation
import GRDB
import XCTest

@testable import KnowledgeGraph

final class ImportTests: FileTestCase {

  func counts(_ store: KnowledgeStore) throws -> [Int] {
    try store.read { db in
      try ["node", "edge", "alias", "node_label", "search"].map {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1
      }
    }
  }

  func testImportsNodesEdgesLabelsPropertiesAndNames() throws {
    let store = try KnowledgeStore.inMemory()
    let nodes = file(
      "nodes.csv",
      "id,label,name,founded,score\na,Company;Listed,\"Zhipu, Inc.\",2019,1.5\nb,Investor,Hillhouse,,\nc,,,,\n"
    )
    let edges = file("edges.csv", "src,type,dst,round\nb,invests_in,a,B\na,competes_with,c,\nc,,a,\n")
    let report = try store.importGraph(nodes: nodes, edges: edges)
    XCTAssertEqual(report.nodes, 3)
    XCTAssertEqual(report.edges, 3)
    XCTAssertEqual(report.labels, ["Company": 1, "Listed": 1, "Investor": 1])
    XCTAssertEqual(report.types, ["invests_in": 1, "competes_with": 1, "RELATED_TO": 1])
    guard case .found(let zhipu) = try store.resolve("zhipu inc") else { return XCTFail("not found by name") }
    XCTAssertEqual(zhipu.key, "a")
    XCTAssertEqual(zhipu.labels, ["Company", "Listed"])
    XCTAssertEqual(zhipu.props["founded"], .int(2019))
    XCTAssertEqual(zhipu.props["score"], .double(1.5))
    XCTAssertEqual(try store.node(key: "c")?.name, "c", "a node without a name is named by its id")
    XCTAssertEqual(try store.nodes(namePrefix: "zhi", limit: 10).nodes.map(\.key), ["a"])
    let adj = try store.graphIndex()
    XCTAssertEqual(adj.edgeCount, 3)
    XCTAssertEqual(try store.search("Hillhouse").first?.node.key, "b")
  }

  func testCodesWithLeadingZerosAreImportedAsTheTextTheyAre() throws {
    let store = try KnowledgeStore.inMemory()
    let nodes = file("nodes.csv", "id,name,zip,code,share\na,Acme,01234,+86,12.50\n")
    _ = try store.importGraph(nodes: nodes, edges: nil)
    let acme = try XCTUnwrap(store.node(key: "a"))
    XCTAssertEqual(acme.props["zip"], .string("01234"))
    XCTAssertEqual(acme.props["code"], .string("+86"))
    XCTAssertEqual(acme.props["share"], .double(12.5))
  }

  func testTSVWithByteOrderMarkAndCRLF() throws {
    let store = try KnowledgeStore.inMemory()
    let nodes = file("n.tsv", "\u{FEFF}id\tname\r\nx\t智谱\r\ny\tMiniMax\r\n")
    let edges = file("e.tsv", "src\tdst\r\nx\ty\r\n")
    let report = try store.importGraph(nodes: nodes, edges: edges, defaultType: "LINKS")
    XCTAssertEqual([report.nodes, report.edges], [2, 1])
    guard case .found(let n) = try store.resolve("智譜") else { return XCTFail("traditional form not folded") }
    XCTAssertEqual(n.key, "x")
    XCTAssertEqual(report.types, ["LINKS": 1])
  }

  /// A .csv whose header has semicolons (or tabs) and no comma is read with them, as a
  /// spreadsheet set to a decimal comma saves it; a comma in the header keeps commas.
  func testACSVWithSemicolonsOrTabsIsReadWithThem() throws {
    let store = try KnowledgeStore.inMemory()
    let nodes = file("semi.csv", "\u{FEFF}id;name;\"note; with a semicolon\"\nx;\"Acme, Inc.\";1,5\n")
    let edges = file("tabs.csv", "src\ttype\tdst\nx\tLINKS\tx\n")
    let report = try store.importGraph(nodes: nodes, edges: edges)
    XCTAssertEqual([report.nodes, report.edges], [1, 1])
    let acme = try XCTUnwrap(store.node(key: "x"))
    XCTAssertEqual(acme.name, "Acme, Inc.")
    XCTAssertEqual(acme.props["note; with a semicolon"], .string("1,5"))
    XCTAssertEqual(try CSVReader(path: nodes).unusualSeparator, "';'")
    XCTAssertEqual(try CSVReader(path: edges).unusualSeparator, "tabs")
    XCTAssertNil(try CSVReader(path: file("c.csv", "id,name;x\n")).unusualSeparator)
  }

  /// A list of names is a nodes file too: the names are the keys, and edges name their ends
  /// by those names or by the name of an entity already stored.
  func testANodesFileWithoutIdsIsKeyedByItsNames() throws {
    let store = try KnowledgeStore.inMemory()
    _ = try store.importGraph(nodes: file("base.csv", "id,name\nzp,Zhipu AI\n"), edges: nil)
    let report = try store.importGraph(
      nodes: file("n.csv", "name,label,founded\nAcme AI,Company,2021\nAcme-1,Model,\n"),
      edges: file("e.csv", "src,type,dst\nAcme AI,DEVELOPS,Acme-1\nzhipu ai,COMPETES_WITH,ACME AI\n"))
    XCTAssertEqual([report.nodes, report.edges], [2, 2])
    guard case .found(let acme) = try store.resolve("acme ai") else { return XCTFail("name not stored") }
    XCTAssertEqual(acme.key, "Acme AI")
    XCTAssertEqual(acme.labels, ["Company"])
    let ends = try store.read {
      try Row.fetchAll(
        $0,
        sql: """
          SELECT s.key, t.name, d.key FROM edge e JOIN node s ON s.id = e.src JOIN node d ON d.id = e.dst
          JOIN edge_type t ON t.id = e.type ORDER BY s.key
          """
      ).map { "\($0[0] as String) \($0[1] as String) \($0[2] as String)" }
    }
    XCTAssertEqual(ends, ["Acme AI DEVELOPS Acme-1", "zp COMPETES_WITH Acme AI"])
    // Importing the same names again would make each name stand for two entities.
    XCTAssertThrowsError(try store.importGraph(nodes: file("n.csv", "name\nAcme-1\n"), edges: nil)) {
      XCTAssertTrue(
        "\($0)".contains(
          "n.csv:2: 'Acme-1' already names an entity of the knowledge base (an earlier import?)"), "\($0)")
    }
  }

  /// A type written in words is the type `link` would write; one the knowledge base has in
  /// other capitals takes its spelling; each reading is reported, other types are kept.
  func testRelationTypesInWordsOrOtherCapitalsAreTheKnowledgeBasesTypes() throws {
    let store = try KnowledgeStore.inMemory()
    _ = try store.importGraph(
      nodes: file("base.csv", "id,name\na,Acme\nb,Beta\n"),
      edges: file("base-e.csv", "src,type,dst\na,INVESTS_IN,b\n"))
    let report = try store.importGraph(
      nodes: nil,
      edges: file("e.csv", "src,type,dst\nb,invests in,a\nb,invests_in,a\na,partners-with,b\na,knows,b\n"))
    XCTAssertEqual(report.types, ["INVESTS_IN": 2, "PARTNERS_WITH": 1, "knows": 1])
    XCTAssertEqual(
      report.renamedTypes,
      ["invests in": "INVESTS_IN", "invests_in": "INVESTS_IN", "partners-with": "PARTNERS_WITH"])
    XCTAssertEqual(
      try store.read { try String.fetchAll($0, sql: "SELECT name FROM edge_type ORDER BY name") },
      ["INVESTS_IN", "PARTNERS_WITH", "knows"])
  }

  func testABadRowNamesItsLineAndChangesNothing() throws {
    let store = try KnowledgeStore.inMemory()
    _ = try store.importGraph(nodes: file("base.csv", "id,name\nold,Old\n"), edges: nil)
    let before = try counts(store)
    let cases: [(nodes: String, edges: String?, message: String)] = [
      ("id,name\na,A\nb,B\n", "src,type,dst\na,t,b\nb,t,zzz\n", "e.csv:3: no node with id or name 'zzz'"),
      ("id,name\na,A\na,Again\n", nil, "n.csv:3: id 'a' appears twice (first on line 2)"),
      ("id,name\nold,Clash\n", nil, "n.csv:2: id 'old' is already a key in the knowledge base"),
      ("label,size\nB,1\n", nil, "n.csv:1: the header needs an id or a name column"),
      (
        "name,label\nA,B\nB,B\nA,C\n", nil,
        "n.csv:4: name 'A' appears twice (first on line 2); add an id column"
      ),
      ("name\nOld\n", nil, "n.csv:2: 'Old' already names an entity of the knowledge base (key old)"),
      ("name\nold\n", nil, "n.csv:2: 'old' already names an entity"),
      ("id,name\nx,X\n", "src,dst\nx,Nobody\n", "e.csv:2: no node with id or name 'Nobody'"),
      ("id,name\na,A,extra\n", nil, "n.csv:2: expected 2 fields, found 3"),
      ("id,name\na,\"unterminated\n", nil, "a quoted field is never closed"),
      ("id,name\na,A\n", "from,to\na,nowhere\n", "no node with id or name 'nowhere'"),
      ("id,name\na,A\n", "x,y\na,a\n", "the header needs src and dst columns"),
      ("id|name|label\na|A|B\n", nil, "the columns look separated by '|': a .csv file takes commas"),
      ("src,type,dst\na,t,b\n", nil, "this looks like an edges file: import - "),
      (
        "id,name\na,A\n", "id,name\nb,B\n",
        "this looks like a nodes file: import NODES EDGES takes the nodes file first"
      ),
      ("", nil, "n.csv is empty: it has no header row"),
      ("\n\n", nil, "n.csv is empty: it has no header row"),
      ("id,name\na,A\n", "", "e.csv is empty: it has no header row"),
    ]
    for c in cases {
      XCTAssertThrowsError(
        try store.importGraph(nodes: file("n.csv", c.nodes), edges: c.edges.map { file("e.csv", $0) })
      ) { error in
        XCTAssertTrue("\(error)".contains(c.message), "\(error) should contain \(c.message)")
      }
      XCTAssertEqual(try counts(store), before, "a failed import must change nothing: \(c.message)")
    }
    XCTAssertEqual(
      try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'index'") },
      try KnowledgeStore.inMemory().read {
        try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'index'")
      }, "indexes dropped for speed come back")
  }

  /// A file that is not UTF-8 is refused at the line it goes wrong, instead of importing
  /// names with replacement characters in them.
  func testTextThatIsNotUTF8IsRefusedAndNothingIsImported() throws {
    let store = try KnowledgeStore.inMemory()
    let before = try counts(store)
    func bytes(_ name: String, _ data: [UInt8]) -> String {
      let path = dir + "/" + name
      _ = FileManager.default.createFile(atPath: path, contents: Data(data))
      return path
    }
    // "id,name\na,Zürich" in Latin-1, then "智谱" in GBK: neither is UTF-8.
    let latin1 = bytes("latin1.csv", Array("id,name\na,Z".utf8) + [0xFC] + Array("rich\n".utf8))
    let gbk = bytes("gbk.csv", Array("id,name\nb,".utf8) + [0xD6, 0xC7, 0xC6, 0xD7] + [0x0A])
    let utf16 = bytes("utf16.csv", [0xFF, 0xFE] + Array("id,name\n".utf8).flatMap { [$0, 0] })
    let cases = [
      (
        latin1,
        "latin1.csv:2: the text is not UTF-8; save the file as UTF-8 (it may be GBK or Latin-1); nothing was read"
      ),
      (gbk, "gbk.csv:2: the text is not UTF-8"),
      (
        utf16,
        "utf16.csv is UTF-16 text, and kgsh reads UTF-8; save it as UTF-8 (Excel: CSV UTF-8); nothing was read"
      ),
    ]
    for (path, message) in cases {
      XCTAssertThrowsError(try store.importGraph(nodes: path, edges: nil)) { error in
        XCTAssertTrue("\(error)".contains(message), "\(error) should contain \(message)")
      }
    }
    XCTAssertEqual(try counts(store), before)
    // A quoted field is checked too, and UTF-8 (with its byte order mark) still imports.
    XCTAssertThrowsError(
      try store.importGraph(
        nodes: bytes("q.csv", Array("id,name\nc,\"Z".utf8) + [0xFC, 0x22, 0x0A]), edges: nil))
    let report = try store.importGraph(nodes: file("ok.csv", "\u{FEFF}id,name\nd,Zürich 智谱\n"), edges: nil)
    XCTAssertEqual(report.nodes, 1)
  }

  func testEdgesMayPointAtExistingKeysAndAnInterruptRollsBack() throws {
    let store = try KnowledgeStore.inMemory()
    _ = try store.importGraph(nodes: file("a.csv", "id,name\np,P\nq,Q\n"), edges: nil)
    let report = try store.importGraph(
      nodes: nil, edges: file("e.csv", "src,type,dst\np,knows,q\nq,knows,p\n"))
    XCTAssertEqual(report.edges, 2)
    let before = try counts(store)
    var rows = "id,name\n"
    for i in 0..<20_000 { rows += "n\(i),Node \(i)\n" }
    var calls = 0
    XCTAssertThrowsError(
      try store.importGraph(
        nodes: file("big.csv", rows), edges: nil,
        interrupt: {
          calls += 1
          if calls == 2 { throw KgshError.interrupted }
        })
    ) { XCTAssertTrue("\($0)".contains("interrupted"), "\($0)") }
    XCTAssertEqual(try counts(store), before)
  }

  func testLargeImportRebuildsTheIndexesItDropped() throws {
    let store = try KnowledgeStore.inMemory()
    var nodes = "id,label,name\n"
    var edges = "src,type,dst\n"
    for i in 0..<3_000 { nodes += "k\(i),Thing,Thing \(i)\n" }
    for i in 0..<100_000 { edges += "k\(i % 3_000),next,k\((i * 7 + 1) % 3_000)\n" }
    let report = try store.importGraph(nodes: file("n.csv", nodes), edges: file("e.csv", edges))
    XCTAssertEqual(report.edges, 100_000)
    let plan = try store.read {
      try Row.fetchAll($0, sql: "EXPLAIN QUERY PLAN SELECT dst FROM edge WHERE src = 5 AND type = 1").map {
        $0["detail"] as String
      }
    }
    XCTAssertTrue(plan.joined().contains("edge_out"), "\(plan)")
    XCTAssertEqual(try store.graphIndex().edgeCount, 100_000)
    // The key index holds keyed edges only (imported ones have none), and lookups by key use it.
    let keyIndex = try store.read {
      try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'edge_key'")
    }
    XCTAssertEqual(keyIndex, "CREATE INDEX edge_key ON edge(key) WHERE key IS NOT NULL")
    let byKey = try store.read {
      try Row.fetchAll($0, sql: "EXPLAIN QUERY PLAN SELECT id FROM edge WHERE key = ?", arguments: ["UE-1"])
        .map {
          $0["detail"] as String
        }
    }
    XCTAssertTrue(byKey.joined().contains("edge_key"), "\(byKey)")
  }
}

/// Node ids by import key: small canonical decimals by array slot, every other key by name,
/// and the two never confused ("7" and "07" are different keys).
final class ImportKeyMapTests: XCTestCase {
  func testDecimalKeysAndOtherKeysAreKeptApart() {
    var map = ImportKeyMap()
    map["7"] = 70
    map["07"] = 700
    map["k7"] = 7000
    map["99999999"] = 9  // beyond the array: a dictionary entry
    XCTAssertEqual(map["7"], 70)
    XCTAssertEqual(map["07"], 700)
    XCTAssertEqual(map["k7"], 7000)
    XCTAssertEqual(map["99999999"], 9)
    XCTAssertNil(map["6"])
    XCTAssertNil(map["8"])
    XCTAssertNil(map[""])
    XCTAssertEqual(ImportKeyMap.slot("0"), 0)
    XCTAssertEqual(ImportKeyMap.slot("4194303"), 4_194_303)
    for notDecimal in ["", "00", "-1", "+1", "1.0", " 1", "4194304", "١٢"] {
      XCTAssertNil(ImportKeyMap.slot(notDecimal), notDecimal)
    }
  }
}

/// A bulk import into a file runs in SQLite's rollback journal (each page written once) and
/// leaves the file in write-ahead-log mode as before; a file left in rollback mode by a killed
/// import is switched back at the next open.
final class BulkImportJournalTests: FileTestCase {

  func bigGraph() -> (String, String) {
    var nodes = "id,label,name\n"
    var edges = "src,type,dst\n"
    for i in 0..<3_000 { nodes += "k\(i),Thing,Thing \(i)\n" }
    for i in 0..<100_000 { edges += "k\(i % 3_000),next,k\((i * 7 + 1) % 3_000)\n" }
    let n = dir + "/n.csv", e = dir + "/e.csv"
    XCTAssertTrue(FileManager.default.createFile(atPath: n, contents: Data(nodes.utf8)))
    XCTAssertTrue(FileManager.default.createFile(atPath: e, contents: Data(edges.utf8)))
    return (n, e)
  }

  func journalMode(_ store: KnowledgeStore) throws -> String? {
    try store.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
  }

  func testABulkImportLeavesTheFileInWriteAheadLogMode() throws {
    let store = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    XCTAssertEqual(try journalMode(store), "wal")
    let (n, e) = bigGraph()
    nonisolated(unsafe) var journaled = false
    let report = try store.importGraph(
      nodes: n, edges: e,
      progress: { p in
        if p.phase == "edges" {
          journaled = FileManager.default.fileExists(atPath: self.dir + "/kb.sqlite-journal")
        }
      })
    XCTAssertEqual(report.edges, 100_000)
    XCTAssertTrue(journaled, "the bulk import did not run in the rollback journal")
    XCTAssertEqual(try journalMode(store), "wal")
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/kb.sqlite-journal"))
    XCTAssertEqual(try store.graphIndex().edgeCount, 100_000)
    store.close()
    let again = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    XCTAssertEqual(try again.nodeCount(), 3_000)
  }

  func testABulkImportWhileAnotherConnectionReadsStillCommitsEverything() throws {
    let store = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    let reader = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    XCTAssertEqual(try reader.nodeCount(), 0)
    let (n, e) = bigGraph()
    XCTAssertEqual(try store.importGraph(nodes: n, edges: e).edges, 100_000)
    XCTAssertEqual(try reader.nodeCount(), 3_000)
    XCTAssertEqual(try journalMode(store), "wal")
  }

  func testAFileLeftInRollbackModeIsBackInWriteAheadLogModeAfterOpen() throws {
    let path = dir + "/kb.sqlite"
    try KnowledgeStore.open(path: path).close()
    let raw = try DatabaseQueue(path: path)
    try raw.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
    try raw.close()
    let store = try KnowledgeStore.open(path: path)
    XCTAssertEqual(try journalMode(store), "wal")
  }
}
