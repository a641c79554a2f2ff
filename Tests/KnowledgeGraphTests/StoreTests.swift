import Foundation
import XCTest

@testable import KnowledgeGraph

final class StoreTests: XCTestCase {
  func temp(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgtest-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
  }

  /// A card's relations are the node's edges, read without properties or quotes: the same
  /// edges in the same order, with type, source and the other end's key and name.
  func testRelationsAreTheEdgesACardNeeds() throws {
    let store = try KnowledgeStore.inMemory()
    let (hub, others) = try store.write { w -> (Int64, [Int64]) in
      let hub = try w.upsertNode(key: "hub", name: "Hub", labels: ["Company"])
      let a = try w.upsertNode(key: "a", name: "智谱 AI", labels: ["Company", "Group"])
      let b = try w.upsertNode(key: "b", name: "Beta", labels: [])
      try w.addEdge(
        hub, "MEMBER_OF", a, props: ["share": .int(3)], provenance: Provenance(source: "s1", quote: "q"))
      try w.addEdge(hub, "INVESTS_IN", b)
      try w.addEdge(hub, "INVESTS_IN", a, provenance: Provenance(source: "s2"))
      try w.addEdge(b, "COMPETES_WITH", hub, provenance: Provenance(source: "s1"))
      try w.addEdge(hub, "KNOWS", hub)
      return (hub, [a, b])
    }
    let edges = try store.edges(of: hub)
    let expected =
      edges.outgoing.map { (true, $0.0, $0.1) } + edges.incoming.map { (false, $0.0, $0.1) }
    let relations = try store.relations(of: hub)
    XCTAssertEqual(relations.count, 6, "five edges, the loop seen from both ends")
    XCTAssertEqual(relations.count, expected.count)
    for (r, (outgoing, edge, node)) in zip(relations, expected) {
      XCTAssertEqual(r.outgoing, outgoing)
      XCTAssertEqual(r.type, edge.type)
      XCTAssertEqual(r.source, edge.provenance.source)
      XCTAssertEqual(r.other, node.ref)
    }
    XCTAssertEqual(Set(relations.map(\.other.id)), Set(others + [hub]))
  }

  func testNonSQLiteFileIsRefusedAndUnchanged() throws {
    let path = temp("notes.txt")
    let bytes = Data("hello, this is not a database\n".utf8)
    XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: bytes))
    XCTAssertThrowsError(try KnowledgeStore.open(path: path)) { error in
      XCTAssertTrue("\(error)".contains("not a SQLite database"), "\(error)")
    }
    XCTAssertEqual(FileManager.default.contents(atPath: path), bytes)
  }

  /// A new knowledge base in a folder that is not there: the message names the folder.
  func testANewFileInAMissingFolderNamesTheFolder() throws {
    let folder = (temp("x") as NSString).deletingLastPathComponent + "/not-made"
    XCTAssertThrowsError(try KnowledgeStore.open(path: folder + "/kb.sqlite")) { error in
      XCTAssertEqual(
        KgshError.describe(error),
        "cannot create \(folder)/kb.sqlite: there is no folder \(folder); create it first, or write somewhere else"
      )
    }
    let file = temp("plain.txt")
    XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data()))
    XCTAssertThrowsError(try KnowledgeStore.open(path: file + "/kb.sqlite")) { error in
      XCTAssertTrue(KgshError.describe(error).contains(": \(file) is not a folder"), "\(error)")
    }
  }

  func testNewerSchemaIsRefused() throws {
    let path = temp("kb.sqlite")
    let store = try KnowledgeStore.open(path: path)
    try store.write { w in try w.execute("INSERT INTO grdb_migrations(identifier) VALUES ('v999-future')") }
    XCTAssertThrowsError(try KnowledgeStore.open(path: path)) { error in
      XCTAssertTrue("\(error)".contains("newer kgsh"), "\(error)")
    }
  }

  func testReadOnlyRefusesWrites() throws {
    let path = temp("kb.sqlite")
    _ = try KnowledgeStore.open(path: path)
    let ro = try KnowledgeStore.open(path: path, readOnly: true)
    XCTAssertThrowsError(try ro.write { w in try w.upsertNode(key: "a", name: "A", labels: []) }) { error in
      XCTAssertTrue("\(error)".contains("read-only"), "\(error)")
    }
  }

  func testResolutionFoldsScriptCaseAndPunctuation() throws {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      let id = try w.upsertNode(key: "zhipu", name: "Zhipu AI", labels: ["Company"])
      for alias in ["智谱", "Z.ai", "Zhipu"] { try w.addAlias(id, alias) }
      try w.upsertNode(key: "glm-4.5", name: "GLM-4.5", labels: ["Model"])
    }
    for typed in ["智谱", "智譜", "Zhipu", "zhipu ai", "z.ai", "ＺＨＩＰＵ", "zhipu"] {
      guard case .found(let node) = try store.resolve(typed) else {
        return XCTFail("\(typed) did not resolve")
      }
      XCTAssertEqual(node.key, "zhipu", typed)
    }
    guard case .notFound(let suggestions) = try store.resolve("Zhipuu") else {
      return XCTFail("should not resolve")
    }
    XCTAssertEqual(suggestions.first, "Zhipu AI")
    // A number is inside many names (GLM-4.6, a dated model id): none is offered for it.
    for number in ["2025", "4", "4.6"] {
      guard case .notFound(let offered) = try store.resolve(number) else {
        return XCTFail("\(number) should not resolve")
      }
      XCTAssertEqual(offered, [], number)
    }
  }

  func testAmbiguousNameListsCandidates() throws {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      let a = try w.upsertNode(key: "pro-a", name: "Pro A", labels: [])
      let b = try w.upsertNode(key: "pro-b", name: "Pro B", labels: [])
      try w.addAlias(a, "Pro")
      try w.addAlias(b, "Pro")
    }
    guard case .ambiguous(let nodes) = try store.resolve("pro") else { return XCTFail("expected ambiguity") }
    XCTAssertEqual(Set(nodes.map(\.key)), ["pro-a", "pro-b"])
  }

  func testSearchFindsChineseOfOneToThreeCharacters() throws {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      let id = try w.upsertNode(key: "moonshot", name: "Moonshot AI", labels: ["Company"])
      try w.addAlias(id, "月之暗面")
    }
    for q in ["月", "月之", "之暗面", "moon"] {
      XCTAssertEqual(try store.search(q).first?.node.key, "moonshot", q)
    }
  }

  /// Simplified and traditional spellings match each other; the one shown as matched is
  /// the one spelled as typed, whichever was added first.
  func testSearchShowsTheSpellingTyped() throws {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      let id = try w.upsertNode(key: "zp", name: "ZP", labels: ["Company"])
      for alias in ["智譜", "智谱", "智譜華章", "智谱华章"] { try w.addAlias(id, alias) }
    }
    for (query, shown) in [("智谱", "智谱"), ("智譜", "智譜"), ("智谱华", "智谱华章"), ("智譜華", "智譜華章")] {
      let hit = try XCTUnwrap(try store.search(query).first, query)
      XCTAssertEqual(hit.node.key, "zp", query)
      XCTAssertEqual(hit.matched, shown, query)
    }
  }

  /// A name of several words matched inside is shown whole (the first word, `GLM`, was
  /// shown), and a name before a key that also matches.
  func testSearchShowsTheWholeNameThatMatched() throws {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      let id = try w.upsertNode(key: "glm-coding-plan", name: "GLM Coding Plan", labels: ["Plan"])
      for alias in ["glm-coding-plan", "GLM Coding Plan", "GLM编程套餐"] { try w.addAlias(id, alias) }
    }
    for (query, shown) in [
      ("coding plan", "GLM Coding Plan"), ("coding", "GLM Coding Plan"), ("编程", "GLM编程套餐"),
    ] {
      XCTAssertEqual(try XCTUnwrap(try store.search(query).first, query).matched, shown, query)
    }
  }

  func testJSONRoundTripKeepsTypes() throws {
    let value: Value = .map([
      "i": .int(42), "d": .double(1.5), "b": .bool(true), "s": .string("智谱 \"q\"\n"), "n": .null,
      "l": .list([.int(1), .string("x")]),
    ])
    XCTAssertEqual(try JSON.decode(JSON.encode(value)), value)
    XCTAssertThrowsError(try JSON.decode("{\"a\": }"))
    XCTAssertThrowsError(try JSON.decode(String(repeating: "[", count: 10_000)))
  }

  func testAdjacencyMatchesEdges() throws {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      let a = try w.upsertNode(key: "a", name: "A", labels: [])
      let b = try w.upsertNode(key: "b", name: "B", labels: [])
      let c = try w.upsertNode(key: "c", name: "C", labels: [])
      try w.addEdge(a, "X", b)
      try w.addEdge(a, "Y", c)
      try w.addEdge(c, "X", a)
      try w.addEdge(b, "X", b)
    }
    let adj = try store.graphIndex()
    XCTAssertEqual(adj.edgeCount, 4)
    let a = try XCTUnwrap(adj.index(of: try XCTUnwrap(store.node(key: "a")).id))
    XCTAssertEqual(adj.outDegree(a), 2)
    XCTAssertEqual(adj.inDegree(a), 1)
    try store.write { w in try w.addEdge(try w.nodeID(key: "b")!, "X", try w.nodeID(key: "a")!) }
    XCTAssertEqual(try store.graphIndex().inDegree(a), 2, "the cache is rebuilt after a write")
  }

  func testReadOnlySQLRefusesWritesAndAttach() throws {
    let store = try KnowledgeStore.inMemory()
    XCTAssertEqual(try store.readOnlyQuery("select 1 + 1 as two").rows, [[.int(2)]])
    for bad in [
      "delete from node", "insert into meta values ('a','b')", "attach database 'x' as y", "drop table node",
    ] {
      XCTAssertThrowsError(try store.readOnlyQuery(bad), bad)
    }
    XCTAssertThrowsError(try store.readOnlyQuery("selec 1")) { XCTAssertTrue("\($0)".contains("SQL error")) }
  }

  /// A table or column SQLite does not know is answered with the nearest one there is.
  func testAnUnknownTableOrColumnSuggestsTheNearest() throws {
    let store = try KnowledgeStore.inMemory()
    func message(_ sql: String) -> String {
      do {
        _ = try store.readOnlyQuery(sql)
        return "no error"
      } catch { return KgshError.describe(error) }
    }
    let tables = "help sql lists the tables and their columns"
    XCTAssertEqual(
      message("select * from nodes"), "SQL error: no such table: nodes; did you mean node? \(tables)")
    XCTAssertEqual(
      message("select n.nme from node n"), "SQL error: no such column: n.nme; did you mean name? \(tables)")
    XCTAssertEqual(message("select * from qqq"), "SQL error: no such table: qqq; \(tables)")
    XCTAssertEqual(
      message("selec 1"), "SQL error: near \"selec\": syntax error; check the statement; \(tables)")
  }
}

/// The sql command's locks, damaged files and files that are not files.
final class StoreSafetyTests: XCTestCase {
  func temp(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgsafe-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
  }

  func testSQLCannotWriteAttachOrLoadExtensionsOnFileAndMemoryStores() throws {
    let file = try KnowledgeStore.open(path: temp("kb.sqlite"))
    for store in [file, try KnowledgeStore.inMemory()] {
      for sql in [
        "DELETE FROM node", "DROP TABLE node", "INSERT INTO meta(key, value) VALUES ('a', 'b')",
        "ATTACH DATABASE '/tmp/x.db' AS x", "attach '/tmp/x.db' as x", "SELECT load_extension('/tmp/x')",
        "VACUUM INTO '/tmp/evil.db'", "PRAGMA journal_mode = DELETE", "CREATE TABLE t(x)",
      ] {
        XCTAssertThrowsError(try store.readOnlyQuery(sql), sql)
      }
      // A pragma the statement check lets through cannot unlock writes for later statements.
      _ = try? store.readOnlyQuery("PRAGMA query_only = 0")
      XCTAssertThrowsError(try store.readOnlyQuery("DELETE FROM node"))
      XCTAssertEqual(try store.readOnlyQuery("SELECT count(*) FROM node").rows.count, 1)
      // A setting is refused (SQLite counts it read-only, and on the connection an in-memory
      // store writes through it would switch the schema's checks off); reading one is not.
      for sql in [
        "PRAGMA ignore_check_constraints = 1", "pragma main.cache_size(10)", " PRAGMA foreign_keys=OFF",
        "-- note\n/* a */ PRAGMA ignore_check_constraints = 1",
      ] {
        XCTAssertThrowsError(try store.readOnlyQuery(sql), sql) { error in
          XCTAssertTrue(
            KgshError.describe(error).hasPrefix("the sql command cannot change settings: PRAGMA "), sql)
        }
      }
      XCTAssertEqual(try store.readOnlyQuery("PRAGMA ignore_check_constraints").rows, [[.int(0)]])
      XCTAssertFalse(try store.readOnlyQuery("PRAGMA table_info(node)").rows.isEmpty)
      XCTAssertFalse(try store.readOnlyQuery("pragma main.index_list('node')").rows.isEmpty)
    }
  }

  func testValuesAreBoundNotSpliced() throws {
    let store = try KnowledgeStore.inMemory()
    let evil = "x'); DROP TABLE node; --"
    try store.write { w in try w.upsertNode(key: evil, name: evil, labels: ["T"]) }
    if case .found(let node) = try store.resolve(evil) {
      XCTAssertEqual(node.name, evil)
    } else {
      XCTFail("the name with SQL in it was not found by itself")
    }
    XCTAssertEqual(try store.nodeCount(), 1)
  }

  func testNotRegularFilesAreRefused() {
    for path in ["/dev/zero", "/", "/nonexistent/file"] {
      XCTAssertThrowsError(try TextFile.read(path), path)
    }
    XCTAssertEqual(try TextFile.read("/dev/null"), "")
  }

  /// A script or knowledge file that is not UTF-8 is refused at its line, not read with
  /// replacement characters.
  func testAFileThatIsNotUTF8IsRefusedAtItsLine() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kgu-\(UUID().uuidString).kgsh")
      .path
    defer { try? FileManager.default.removeItem(atPath: path) }
    // "echo ok\nshow 智谱" with the name in GBK.
    _ = FileManager.default.createFile(
      atPath: path, contents: Data(Array("echo ok\nshow ".utf8) + [0xD6, 0xC7, 0xC6, 0xD7, 0x0A]))
    XCTAssertThrowsError(try TextFile.read(path)) { error in
      XCTAssertEqual(
        "\(error)",
        "\(path):2: the text is not UTF-8; save the file as UTF-8 (it may be GBK or Latin-1); nothing was read"
      )
    }
    _ = FileManager.default.createFile(atPath: path, contents: Data("echo ok\nshow 智谱\n".utf8))
    XCTAssertEqual(try TextFile.read(path), "echo ok\nshow 智谱\n")
  }

  /// A file the user names is written whole, or refused with the reason: no such folder, a
  /// folder where the file should be, a file where its folder should be.
  func testWritingAUserNamedFileSaysWhyItCannot() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgw-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try TextFile.write("one", to: dir + "/a.txt", command: "save")
    try TextFile.write("two", to: dir + "/a.txt", command: "save")
    XCTAssertEqual(try TextFile.read(dir + "/a.txt"), "two")
    let cases = [
      (dir + "/missing/b.txt", "save: cannot write \(dir)/missing/b.txt: there is no folder \(dir)/missing"),
      (dir, "save: cannot write \(dir): it is a folder"),
      (dir + "/a.txt/c.txt", "save: cannot write \(dir)/a.txt/c.txt: \(dir)/a.txt is not a folder"),
    ]
    for (path, message) in cases {
      XCTAssertThrowsError(try TextFile.write("x", to: path, command: "save")) { error in
        XCTAssertEqual((error as? KgshError)?.message, message)
      }
    }
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: dir), ["a.txt"], "nothing else written")
  }

  /// Foundation's file errors read as the path and the reason, never as
  /// "Error Domain=NSCocoaErrorDomain Code=516 ..." (a type's dump).
  func testFoundationFileErrorsAreDescribedInWords() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kge-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let file = dir + "/a.txt"
    try TextFile.write("one", to: file, command: "save")
    XCTAssertThrowsError(
      try FileManager.default.createDirectory(atPath: file, withIntermediateDirectories: true)
    ) { error in
      XCTAssertEqual(KgshError.describe(error), "\(file): file exists")
    }
    XCTAssertThrowsError(try String(contentsOfFile: dir + "/none.txt", encoding: .utf8)) { error in
      let text = KgshError.describe(error)
      XCTAssertTrue(text.hasPrefix("\(dir)/none.txt: no such file or"), text)
    }
    XCTAssertEqual(KgshError.describe(POSIXError(.EACCES)), "permission denied")
    XCTAssertThrowsError(try TextFile.makeFolder(file, command: "export knowledge")) { error in
      XCTAssertEqual(
        (error as? KgshError)?.description,
        "export knowledge: cannot write into \(file): it is a file, not a folder; name a folder, new or existing"
      )
    }
    XCTAssertEqual(try TextFile.makeFolder(dir + "/x/y", command: "export knowledge"), dir + "/x/y")
    XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/x/y"))
  }

  func testTruncatedFileIsRefusedAndUnchanged() throws {
    let path = temp("kb.sqlite")
    let store = try KnowledgeStore.open(path: path)
    try store.write { w in
      for i in 0..<3000 { try w.upsertNode(key: "k\(i)", name: "Node number \(i)", labels: ["T"]) }
    }
    store.close()
    let whole = try Data(contentsOf: URL(fileURLWithPath: path))
    let cut = whole.prefix(whole.count / 2 + 100)
    try cut.write(to: URL(fileURLWithPath: path))
    XCTAssertThrowsError(try KnowledgeStore.open(path: path)) { error in
      XCTAssertTrue("\(error)".contains("damaged") && "\(error)".contains("--recover"), "\(error)")
    }
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), cut)
  }
}

extension StoreTests {
  /// A query's `{name: ...}` lookup matches keys, display names and folded aliases; an
  /// entity found several ways comes back once, and the ids are in ascending order.
  func testQueryNodeIDsMatchKeyNameOrAliasOnce() throws {
    let store = try KnowledgeStore.inMemory()
    let (zhipu, other, pro) = try store.write { w -> (Int64, Int64, Int64) in
      let pro = try w.upsertNode(key: "pro", name: "Pro Plan", labels: [])
      let zhipu = try w.upsertNode(key: "Zhipu", name: "Zhipu", labels: ["Company"])
      try w.addAlias(zhipu, "ZHIPU")
      let other = try w.upsertNode(key: "zhipu-2", name: "Zhipu Two", labels: [])
      try w.addAlias(other, "zhipu")
      return (zhipu, other, pro)
    }
    // "Zhipu" is one entity's key, name and alias, and another's alias.
    XCTAssertEqual(try store.queryNodeIDs(keyOrName: "Zhipu"), [zhipu, other].sorted())
    XCTAssertEqual(try store.queryNodeIDs(keyOrName: "pro"), [pro])
    XCTAssertEqual(try store.queryNodeIDs(keyOrName: "Pro Plan"), [pro])
    XCTAssertEqual(try store.queryNodeIDs(keyOrName: "nobody"), [])
  }
}
