import Foundation
import KnowledgeGraph
import KnowledgePlugin
import ShellCore
import ShellTesting
import XCTest

@testable import GraphPlugin

/// subgraph and export: formats, files, folded edges.
extension GraphPluginTests {
  // MARK: subgraph and export

  /// Mermaid shows a name as written: markup, quotes, '#' and line breaks are entity codes or
  /// spaces, so `<b>` is not bold and a quote does not end the label.
  func testMermaidLabelsAreLiteral() {
    XCTAssertEqual(
      ExportGraph.mermaidText("Quote \"Inc\" <b>&#1\nnext"), "Quote #quot;Inc#quot; #lt;b#gt;#amp;#35;1 next")
  }

  func testSubgraphAndExport() throws {
    let t = try shell()
    let sub = run(t, "subgraph Alpha")
    XCTAssertTrue(sub.contains("nodes  4") || sub.contains("4"), sub)
    XCTAssertNotNil(t.session.extensions["graph.subgraph"])
    let json = run(t, "export json")
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    XCTAssertEqual((object["nodes"] as! [Any]).count, 4)
    XCTAssertEqual((object["edges"] as! [Any]).count, 6)
    XCTAssertTrue(run(t, "export mermaid").contains("-->|KNOWS|"))
    let graphml = run(t, "export graphml")
    XCTAssertTrue(graphml.contains("<graphml") && graphml.contains("Gamma"), graphml)
    // The entity the selection was made around is marked in pictures, and only it.
    let dot = run(t, "export dot")
    XCTAssertTrue(dot.contains("fontname=\"Noto Sans CJK SC\""))
    XCTAssertEqual(dot.components(separatedBy: "style=\"rounded,bold,filled\"").count, 2, dot)
    XCTAssertTrue(dot.contains("[label=\"Alpha\", tooltip=\"a\", style=\"rounded,bold,filled\""), dot)
    let mermaid = run(t, "export mermaid")
    XCTAssertTrue(mermaid.contains("classDef seed"), mermaid)
    XCTAssertEqual(
      mermaid.components(separatedBy: "\n").filter { $0.hasPrefix("  class ") }.count, 1, mermaid)
    XCTAssertTrue(failure(t, "export pdf").contains("FORMAT takes one of dot, mermaid"))
    // The shell's --format takes output formats only; a picture format is export's argument.
    XCTAssertTrue(
      failure(t, "export --format svg").contains(
        "export: --format takes an output format, not 'svg'; write svg without --format: it is the "
          + "FORMAT in export FORMAT [FILE]"))
    XCTAssertTrue(failure(t, "export --format=xml").contains("unknown format 'xml'; use one of"))
    // json is both: as --format it is taken for the output, and FORMAT is then missing.
    XCTAssertTrue(
      failure(t, "export --format json").contains(
        "export: missing FORMAT; --format json sets how the output prints; to give json as FORMAT, "
          + "write export json"))
    XCTAssertFalse(failure(t, "show --format json").contains("to give json as"))

    run(t, "subgraph --clear")
    XCTAssertFalse(run(t, "export dot").contains("filled"), "the whole graph has no seeds")
    let whole = try JSONSerialization.jsonObject(with: Data(run(t, "export json").utf8)) as! [String: Any]
    XCTAssertEqual((whole["nodes"] as! [Any]).count, 6)
    XCTAssertEqual((whole["edges"] as! [Any]).count, 7)
    // `-` prints, as no file does; a file in a missing folder is refused, saying so.
    let dash = run(t, "export json -")
    XCTAssertEqual(dash, run(t, "export json"))
    XCTAssertTrue(dash.hasPrefix("{"), dash)
    XCTAssertTrue(failure(t, "export png -").contains("png needs a FILE"))
    let missing = "/tmp/kgsh-no-such-folder-\(UUID().uuidString)"
    XCTAssertTrue(
      failure(t, "export json \(missing)/g.json").contains(
        "export: cannot write \(missing)/g.json: there is no folder \(missing); create it first"))
    XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
  }

  /// `export graph.json` takes the format from the extension; a format and a file that name
  /// two different formats are refused before anything is written.
  func testExportTakesTheFormatFromTheFilesExtension() throws {
    let t = try shell(try smallStore())
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kgsh-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = folder.appendingPathComponent("g.JSON").path
    XCTAssertEqual(run(t, "export \(json)"), "wrote 6 nodes and 7 edges to \(json) (json)\n")
    XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))))
    let gv = folder.appendingPathComponent("g.gv").path
    XCTAssertTrue(run(t, "export \(gv)").hasSuffix("(dot)\n"))
    XCTAssertTrue(try String(contentsOfFile: gv, encoding: .utf8).hasPrefix("digraph"))
    let png = folder.appendingPathComponent("g.png").path
    XCTAssertTrue(
      failure(t, "export svg \(png)").hasSuffix(
        "export: \(png) names the png format, not svg; export svg to a .svg file, or write export png \(png)\n"
      ))
    XCTAssertFalse(FileManager.default.fileExists(atPath: png))
    XCTAssertTrue(
      failure(t, "export \(folder.path)/g.txt").contains(
        "a .txt file names no graph format; use .dot, .mmd, .json, .graphml, .svg or .png"))
    // `export dot Alpha` meant Alpha's neighbourhood; it wrote the whole graph to a file named Alpha.
    XCTAssertEqual(
      failure(t, "export mermaid Alpha"),
      "test:1:1: export: FILE is where to write, and 'Alpha' names the entity Alpha; to export its neighbourhood, "
        + "select it first: subgraph Alpha; export mermaid a.mmd\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: "Alpha"))
  }

  /// A relation stated twice (two sources) is one edge in a picture, and the count says so.
  func testExportSaysHowManyParallelEdgesItFolded() throws {
    let store = try smallStore()
    try store.write { w in
      try w.addEdge(try XCTUnwrap(w.nodeID(key: "a")), "KNOWS", try XCTUnwrap(w.nodeID(key: "b")))
    }
    let t = try shell(store)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kgsh-fold-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: file) }
    XCTAssertEqual(
      run(t, "export json \(file.path)"),
      "wrote 6 nodes and 7 edges to \(file.path) (json; 1 more edge repeats a relation shown, with the same type and ends)\n"
    )
    run(t, "subgraph Epsilon")
    let dot = file.deletingPathExtension().appendingPathExtension("dot")
    defer { try? FileManager.default.removeItem(at: dot) }
    XCTAssertEqual(run(t, "export dot \(dot.path)"), "wrote 2 nodes and 1 edge to \(dot.path) (dot)\n")
  }
}
