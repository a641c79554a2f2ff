import Foundation
import GRDB
import XCTest

@testable import KnowledgeGraph

/// What commands show is derived from the change log: replaying it elsewhere gives the same
/// answers, a rebuild of the built-in layer keeps people's corrections, and a file of the
/// current release gains records for the data it holds.
final class ChangeReplayTests: XCTestCase {
  var dir = ""

  override func setUp() {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  }

  override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

  static let knowledge = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Knowledge").path

  func draft(_ kind: ChangeKind, _ type: ChangeTarget, _ target: String, _ fields: [String: Value])
    -> ChangeDraft
  {
    ChangeDraft(
      kind: kind, targetType: type, target: target, entity: fields["entity"]?.plainText, payload: .map(fields)
    )
  }

  /// A few changes of every kind, as the authoring commands make them.
  func author(_ store: KnowledgeStore) throws -> [(ChangeTarget, String)] {
    try store.write { w in
      try w.record(draft(.assert, .source, "s1", ["key": "s1", "title": "Notice"]))
      try w.record(
        draft(.assert, .entity, "acme", ["key": "acme", "name": "Acme", "labels": .list(["Company"])]))
      try w.record(
        draft(.assert, .entity, "beta", ["key": "beta", "name": "Beta", "labels": .list(["Lab"])]))
      try w.record(draft(.assert, .alias, "acme|阿克米", ["entity": "acme", "alias": "阿克米"]))
      try w.record(
        draft(
          .assert, .fact, "UF-1",
          [
            "key": "UF-1", "entity": "acme", "predicate": "revenue", "type": "money", "value": "5000000000",
            "currency": "USD", "source": "s1", "quote": "US$5 bn", "status": "user", "original": "US$5 bn",
          ]))
      try w.record(
        draft(
          .assert, .fact, "UF-2",
          [
            "key": "UF-2", "entity": "beta", "predicate": "staff", "type": "number", "value": "12",
            "status": "unverified",
          ]))
      try w.record(
        draft(
          .correct, .fact, "UF-1",
          [
            "type": "money", "value": "5200000000", "currency": "USD", "source": "s1",
            "quote": "US$5.2 bn", "status": "user",
          ]))
      try w.record(draft(.retract, .fact, "UF-2", ["reason": "wrong"]))
      try w.record(
        draft(
          .assert, .edge, "UE-1",
          ["key": "UE-1", "src": "acme", "type": "INVESTS_IN", "dst": "beta", "source": "s1"]))
    }
    return [
      (.source, "s1"), (.entity, "acme"), (.entity, "beta"), (.fact, "UF-1"), (.fact, "UF-2"),
      (.edge, "UE-1"),
    ]
  }

  func testReplayingTheLogGivesTheSameKnowledge() throws {
    let a = try KnowledgeStore.inMemory()
    let targets = try author(a)
    let b = try KnowledgeStore.inMemory()
    let records = try a.changes().reversed()
    let merged = try b.write { w in try records.filter { try w.merge($0) }.count }
    XCTAssertEqual(merged, records.count)
    for (type, key) in targets {
      XCTAssertEqual(try b.snapshot(type, key), try a.snapshot(type, key), "\(type) \(key)")
    }
    XCTAssertNil(try b.snapshot(.fact, "UF-2"), "the retraction replays too")
    XCTAssertEqual(try b.snapshot(.fact, "UF-1")?.field("value"), "5200000000")
    let again = try b.write { w in try records.filter { try w.merge($0) }.count }
    XCTAssertEqual(again, 0, "merging the same records twice changes nothing")
    XCTAssertEqual(try b.changeCount(), records.count)
  }

  func testRebuildingTheBuiltinLayerRecordsItsChangesAndKeepsCorrections() throws {
    for file in KnowledgeLoader.files {
      try FileManager.default.copyItem(atPath: Self.knowledge + "/" + file, toPath: dir + "/" + file)
    }
    let store = try KnowledgeStore.inMemory()
    try KnowledgeLoader.ensureBuilt(store, from: dir)
    let first = try store.changes(layers: [.builtin])
    XCTAssertGreaterThan(first.count, 1000)
    XCTAssertTrue(first.allSatisfy { $0.kind == .assert && $0.author == "Knowledge/" })
    try store.write { w in
      try w.record(
        draft(.correct, .fact, "F0001", ["type": "date", "value": "2026-01-09", "status": "user"]))
    }
    // A new release of Knowledge/: F0002 changes, F0003 is gone.
    var lines = try String(contentsOfFile: dir + "/facts.tsv", encoding: .utf8).components(separatedBy: "\n")
    lines.removeAll { $0.hasPrefix("F0003\t") }
    let i = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("F0002\t") })
    lines[i] = lines[i].replacingOccurrences(of: "\thkex\t", with: "\tsse\t")
    try lines.joined(separator: "\n").write(toFile: dir + "/facts.tsv", atomically: true, encoding: .utf8)
    XCTAssertTrue(try KnowledgeLoader.ensureBuilt(store, from: dir))
    let second = try store.changes(layers: [.builtin]).prefix(while: { !first.contains($0) })
    XCTAssertEqual(
      Set(second.map { "\($0.kind.rawValue) \($0.target)" }), ["correct F0002", "retract F0003"])
    XCTAssertEqual(try store.facts(key: "F0002").first?.rawValue, "sse")
    XCTAssertTrue(try store.facts(key: "F0003").isEmpty)
    XCTAssertEqual(try store.facts(key: "F0001").first?.rawValue, "2026-01-09", "the user's correction stays")
    XCTAssertTrue(
      store.sessionChanges.joined().allSatisfy { $0.layer != .builtin }, "undo never undoes a build")
  }

  func testAFileOfTheCurrentReleaseRecordsItsUserData() throws {
    let path = dir + "/v4.sqlite"
    do {
      let queue = try DatabaseQueue(path: path)
      try Schema.migrator.migrate(queue, upTo: "v4-change-log")
      try queue.write { db in
        try db.execute(
          sql: """
            INSERT INTO source(key, title, layer) VALUES ('mine-src', 'My source', 'user');
            INSERT INTO node(key, name, layer) VALUES ('a', 'Alpha', 'user'), ('b', 'Beta', 'user');
            INSERT INTO node_label(label, node_id) VALUES ('Company', 1);
            INSERT INTO alias(norm, node_id, alias, layer)
              VALUES ('alpha', 1, 'Alpha', 'user'), ('a', 1, 'a', 'user'), ('beta', 2, 'Beta', 'user'), ('b', 2, 'b', 'user');
            INSERT INTO edge_type(name) VALUES ('OWNS');
            INSERT INTO edge(src, type, dst, layer) VALUES (1, 1, 2, 'user');
            INSERT INTO fact(key, node_id, predicate, value_type, value, source_id, quote, status, layer)
              VALUES ('UF-OLD', 1, 'staff', 'number', '7', 1, 'seven people', 'user', 'user');
            INSERT INTO price_row(price_id, as_of, category, product, input_per_1m, output_per_1m, currency, source,
              status, layer) VALUES ('X1', '2026-11', 'api_per_token', 'Model X', '0.1', '0.3', 'USD', 'page', 'verified', 'user');
            INSERT INTO fx_rate(from_currency, to_currency, rate, as_of, source, status, is_default, layer)
              VALUES ('USD', 'CNY', '7.1', '2026-03', 'manual', 'user', 1, 'user');
            """)
      }
    }
    let store = try KnowledgeStore.open(path: path)
    XCTAssertTrue(FileManager.default.fileExists(atPath: path + ".bak-v4"), "backed up before the upgrade")
    let records = try store.changes()
    XCTAssertEqual(
      Set(records.map { "\($0.targetType.rawValue) \($0.target)" }),
      [
        "source mine-src", "entity a", "entity b", "fact UF-OLD", "price X1@2026-11", "fx USD/CNY@2026-03",
        "edge \(records.first { $0.targetType == .edge }?.target ?? "?")",
      ])
    let edge = try XCTUnwrap(records.first { $0.targetType == .edge })
    XCTAssertTrue(edge.target.hasPrefix("UE-"), "the created edge got a key")
    XCTAssertEqual(try store.snapshot(.edge, edge.target)?.field("type"), "OWNS")
    XCTAssertEqual(try store.facts(key: "UF-OLD").first?.provenance.quote, "seven people")
    XCTAssertEqual(try store.snapshot(.price, "X1@2026-11")?.field("output_per_1m"), "0.3")
    XCTAssertEqual(records.first { $0.targetType == .fx }?.payload.flag("default"), true)
    // Replaying those records into an empty knowledge base gives the same data.
    let copy = try KnowledgeStore.inMemory()
    try copy.write { w in for r in records.reversed() { try w.merge(r) } }
    for r in records {
      XCTAssertEqual(
        try copy.snapshot(r.targetType, r.target), try store.snapshot(r.targetType, r.target), r.target)
    }
  }
}

extension Value: ExpressibleByStringLiteral {
  public init(stringLiteral text: String) { self = .string(text) }
}
