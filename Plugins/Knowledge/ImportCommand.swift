import Foundation
import KnowledgeGraph
import ShellCore

/// `import NODES.csv [EDGES.csv]`: bulk-loads a graph from CSV or TSV files in one
/// transaction, with a progress bar on a terminal.
struct ImportCommand: Command {
  static let nodes = Param<String>.argument(
    "nodes", .file,
    "nodes file: id,label,name[,property...], or name,label[,...]; an edges file alone, or - before one, loads edges only"
  )
  static let edges: Param<String?> = .optionalArgument(
    "edges", .file, "edges file: src,type,dst[,property...]")
  static let type = Param.option(
    "type", .relationType, default: "RELATED_TO", "relation type for edge rows without a type column")

  let signature = Signature(
    "import",
    summary: "Load nodes and edges from CSV/TSV files in one transaction (all rows or none)",
    parameters: [nodes.spec, edges.spec, type.spec],
    help: """
      Node ids become entity keys; names are searchable and completable like built-in ones; labels \
      may list several separated by ';'; other columns become properties (numbers when written as \
      numbers, 42 or 3.5; codes such as 02513 stay text). A nodes file without an id column is keyed \
      by its names, which must then be new and appear once. Edge ends are ids from the nodes file, \
      keys already in the knowledge base, or the name of one entity (Zhipu AI, 智谱). A bad row stops \
      the import at that line and nothing is changed. Ctrl-C cancels it the same way. A .csv file \
      whose header has semicolons or tabs and no comma is read with them.
      """,
    examples: [
      Example(
        "import Benchmarks/sample/nodes.csv Benchmarks/sample/edges.csv",
        "load the benchmark's sample graph (6 nodes, 7 edges)", expect: "imported 6 nodes and 7 edges")
    ],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    var nodes = call[Self.nodes] == "-" ? nil : call[Self.nodes]
    var edges = call[Self.edges]
    for path in [nodes, edges].compactMap({ $0 }) where !FileManager.default.fileExists(atPath: path) {
      throw KgshError.notFound("file", path, hint: "give the path of a .csv or .tsv file")
    }
    // One file whose header names both ends of an edge (src,type,dst) is an edges file.
    var notes: [String] = []
    if let only = nodes, edges == nil, KnowledgeStore.isEdgesFile(only) {
      (nodes, edges) = (nil, only)
      notes.append("\(only) was read as an edges file (its header names both ends of each edge)")
    }
    for path in [nodes, edges].compactMap({ $0 }) {
      if let separator = (try? CSVReader(path: path))?.unusualSeparator {
        notes.append("\(path) was read with \(separator) between columns (its header has no comma)")
      }
    }
    let started = Date()
    let bar = ProgressBar(session, title: "import")
    defer { bar.finish() }
    let report = try session.store.importGraph(
      nodes: nodes, edges: edges, defaultType: call[Self.type],
      progress: { bar.update($0.phase, done: $0.done, total: $0.total) }, interrupt: session.checkInterrupt)
    // The graph index is built once here, so a big graph's index file is ready for the next
    // process to map: no later query process pays for (or holds the memory of) building it.
    if report.edges > 0 { try session.store.prepareGraphIndex() }
    bar.finish()
    let seconds = Date().timeIntervalSince(started)
    var rows: [[Value]] = []
    for (label, n) in report.labels.sorted(by: { $0.key < $1.key }) {
      rows.append([.string("label"), .string(label), .int(Int64(n))])
    }
    for (type, n) in report.types.sorted(by: { $0.key < $1.key }) {
      rows.append([.string("relation"), .string(type), .int(Int64(n))])
    }
    let done =
      "imported \(report.nodes.counted("node")) and \(report.edges.counted("edge")) in \(FixedPoint.text(seconds, places: 2)) s"
    // No labels or relations to list (e.g. files with a header and no rows): no empty table.
    guard !rows.isEmpty else { return .message((notes + [done]).joinedText("\n")) }
    let renamed = report.renamedTypes.sorted { $0.key < $1.key }.map {
      "relation type '\($0.key)' was read as \($0.value)"
    }
    return .table(Table(columns: ["kind", "name", "count"], rows: rows, notes: notes + renamed + [done]))
  }
}
