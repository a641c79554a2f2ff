import Foundation
import KnowledgeGraph
import KnowledgePlugin
import ShellCore
import ShellTesting
import XCTest

/// What `import` prints for files that hold little or nothing.
final class ImportCommandTests: XCTestCase {
  let dir = KgshProcess.temporaryHome()

  override func tearDown() { try? FileManager.default.removeItem(at: dir) }

  func file(_ name: String, _ text: String) throws -> String {
    let path = dir.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// A file with a header and no rows imports nothing and says so in one line, with no empty
  /// table of labels; one node without a label is counted in the singular.
  func testHeaderOnlyFilesPrintOneLineAndCountsAgreeInNumber() throws {
    let t = try TestShell(plugins: [KnowledgePlugin.plugin])
    let nodes = try file("n.csv", "id,label,name\n")
    let edges = try file("e.csv", "src,type,dst\n")
    XCTAssertTrue(t.run("import \(nodes) \(edges)"), t.errors)
    XCTAssertTrue(t.output.hasPrefix("imported 0 nodes and 0 edges in "), t.output)
    XCTAssertEqual(t.output.split(separator: "\n").count, 1, t.output)
    let one = try file("one.csv", "id,name\nsolo,Solo\n")
    let before = t.output.count
    XCTAssertTrue(t.run("import \(one)"), t.errors)
    XCTAssertTrue(t.output.dropFirst(before).hasPrefix("imported 1 node and 0 edges in "), t.output)
  }

  /// One file whose header names both ends of an edge is loaded as edges (it was refused
  /// as a nodes file without an id), and the report says how it was read.
  func testOneEdgesFileIsLoadedAsEdges() throws {
    let t = try TestShell(plugins: [KnowledgePlugin.plugin])
    XCTAssertTrue(t.run("import \(try file("n.csv", "id,name\na,Acme\nb,Beta\n"))"), t.errors)
    let edges = try file("e.csv", "source;type;target\na;INVESTS_IN;b\n")
    let before = t.output.count
    XCTAssertTrue(t.run("import \(edges)"), t.errors)
    let printed = String(t.output.dropFirst(before))
    XCTAssertTrue(
      printed.contains(
        "\(edges) was read as an edges file (its header names both ends of each edge)\n"
          + "\(edges) was read with ';' between columns (its header has no comma)\n"
          + "imported 0 nodes and 1 edge in "), printed)
    XCTAssertEqual(
      try t.session.store.relations(of: try XCTUnwrap(t.session.store.node(key: "a")).id).count, 1)
  }

  /// A relation type written in words is stored as `link` writes it, and the table says so.
  func testATypeInWordsIsReportedAsStored() throws {
    let t = try TestShell(plugins: [KnowledgePlugin.plugin])
    let nodes = try file("n.csv", "id,name\na,Acme\nb,Beta\n")
    let edges = try file("e.csv", "src,type,dst\na,invests in,b\n")
    XCTAssertTrue(t.run("import \(nodes) \(edges)"), t.errors)
    XCTAssertTrue(t.output.contains("│ relation │ INVESTS_IN │     1 │"), t.output)
    XCTAssertTrue(
      t.output.contains("\nrelation type 'invests in' was read as INVESTS_IN\nimported 2 nodes"), t.output)
  }

  /// An empty nodes or edges file is refused in one line that names it and the header it
  /// needs; nothing is imported.
  func testAnEmptyFileIsRefusedNamingTheHeaderItNeeds() throws {
    let t = try TestShell(plugins: [KnowledgePlugin.plugin])
    let empty = try file("empty.csv", "")
    let nodes = try file("n.csv", "id,name\na,A\n")
    XCTAssertFalse(t.run("import \(empty)"))
    XCTAssertTrue(t.errors.contains("empty.csv is empty: it has no header row"), t.errors)
    XCTAssertTrue(t.errors.contains("e.g. id,label,name; nothing was imported"), t.errors)
    XCTAssertFalse(t.run("import \(nodes) \(empty)"))
    XCTAssertTrue(t.errors.contains("e.g. src,type,dst; nothing was imported"), t.errors)
    XCTAssertNil(try t.session.store.node(key: "a"), "the nodes of a refused import are not kept")
  }

  /// A path that is not a file says which way it is wrong.
  func testAMissingFileOrAFolderIsNamedAsSuch() throws {
    let t = try TestShell(plugins: [KnowledgePlugin.plugin])
    let missing = dir.appendingPathComponent("nodes.csv").path
    XCTAssertFalse(t.run("import \(missing)"))
    XCTAssertTrue(
      t.errors.hasSuffix("no file named '\(missing)'; give the path of a .csv or .tsv file\n"), t.errors)
    XCTAssertFalse(t.run("import \(dir.path)"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "\(dir.path) is a folder, not a CSV or TSV file; name a file in it; nothing was imported\n"), t.errors
    )
  }
}
