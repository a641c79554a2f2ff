import Foundation
import KnowledgeGraph
import ShellCore

/// `export FORMAT [FILE]`: the last subgraph (or the whole graph) as DOT, Mermaid, JSON,
/// GraphML, or SVG/PNG through Graphviz.
struct ExportCommand: Command {
  static let formats = ["dot", "mermaid", "json", "graphml", "svg", "png"]
  static let graphviz = "/usr/bin/dot"

  /// The format, or a file whose extension names it (`export graph.svg`).
  static let format = Param<String>.argument(
    "format", .text, "dot, mermaid, json, graphml, svg or png; or a FILE whose extension says which"
  ).completing(.values(ExportCommand.formats))
  /// File extensions and the formats they name.
  static let extensions = [
    "dot": "dot", "gv": "dot", "mmd": "mermaid", "mermaid": "mermaid", "json": "json", "graphml": "graphml",
    "svg": "svg", "png": "png",
  ]
  static let file: Param<String?> = .optionalArgument(
    "file", .file, "where to write (default or -: print; png needs a file)")

  let signature = Signature(
    "export",
    summary: "Write the last subgraph (or the whole graph) as dot, mermaid, json, graphml, svg or png",
    parameters: [format.spec, file.spec],
    help: "svg and png need Graphviz (apt-get install graphviz). Select what to export with subgraph first.",
    examples: [
      Example("subgraph Zhipu; export dot", "Zhipu AI's neighbourhood as Graphviz DOT", expect: "digraph"),
      Example("subgraph Zhipu; export mermaid", "the same as a Mermaid flowchart", expect: "flowchart LR"),
      Example(
        "subgraph Zhipu; export /tmp/zhipu.graphml", "a file's extension names the format",
        expect: "(graphml"),
    ])

  /// The format and file of `export FORMAT [FILE]`, or of `export FILE` with the format
  /// from the file's extension.
  static func target(_ first: String, _ file: String?) throws -> (format: String, file: String?) {
    if let format = formats.first(where: { $0 == first.lowercased() }) {
      // svg into graph.png would be a file no viewer opens.
      if let file, let named = extensions[(file as NSString).pathExtension.lowercased()], named != format {
        throw KgshError(
          .invalidValue, "export: \(file) names the \(named) format, not \(format)",
          hint:
            "export \(format) to a .\(format == "mermaid" ? "mmd" : format) file, or write export \(named) \(file)"
        )
      }
      return (format, file)
    }
    let ext = (first as NSString).pathExtension.lowercased()
    if file == nil, let format = extensions[ext] { return (format, first) }
    throw KgshError.invalidValue(
      "export", "FORMAT", expected: "one of \(formats.joinedText(", ")) or a file ending in one of them",
      got: first,
      hint: ext.isEmpty || extensions[ext] != nil
        ? "e.g. export svg graph.svg, or export graph.svg"
        : "a .\(ext) file names no graph format; use .dot, .mmd, .json, .graphml, .svg or .png")
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    let (format, file) = try Self.target(call[Self.format], call[Self.file])
    // `export svg Zhipu` wrote the whole graph to a file named Zhipu.
    if let file, file != "-", (file as NSString).pathExtension.isEmpty, !file.contains("/"),
      !FileManager.default.fileExists(atPath: file), let node = try? session.resolve(file)
    {
      let ext = format == "mermaid" ? "mmd" : format
      throw KgshError(
        .usage, "export: FILE is where to write, and '\(file)' names the entity \(node.name)",
        hint: "to export its neighbourhood, select it first: subgraph \(Shell.quoteIfNeeded(file)); "
          + "export \(format) \(node.key).\(ext)")
    }
    if format == "png" && (file == nil || file == "-") {
      throw KgshError(.usage, "export: png needs a FILE", hint: "export png graph.png")
    }
    if (format == "svg" || format == "png") && !FileManager.default.isExecutableFile(atPath: Self.graphviz) {
      throw KgshError(
        .unsupported, "export \(format) needs Graphviz, which is not installed",
        hint: "install it with apt-get install graphviz")
    }
    let graph = try ExportGraph.load(session)
    let data: Data
    switch format {
    case "mermaid": data = Data(graph.mermaid().utf8)
    case "json": data = Data(graph.json().utf8)
    case "graphml": data = Data(graph.graphml().utf8)
    case "dot": data = Data(graph.dot().utf8)
    default: data = try Self.render(graph.dot(), as: format)
    }
    guard let file, file != "-" else { return .message(String(decoding: data, as: UTF8.self)) }
    try TextFile.write(data, to: file, command: "export")
    // The count says why it is fewer than stats shows: one edge stands for each set of parallel ones.
    let folded =
      graph.folded == 0
      ? ""
      : "; \(graph.folded) more \(graph.folded == 1 ? "edge repeats" : "edges repeat") a relation shown, with the same type and ends"
    return .message(
      "wrote \(graph.nodes.count.counted("node")) and \(graph.edges.count.counted("edge")) to \(file) (\(format)\(folded))"
    )
  }

  /// Runs Graphviz on DOT text.
  static func render(_ dot: String, as format: String) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: graphviz)
    process.arguments = ["-T\(format)"]
    let input = Pipe(), output = Pipe(), errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Write on another thread so a large graph cannot dead-lock on full pipes.
    let text = Data(dot.utf8)
    let writer = Thread {
      input.fileHandleForWriting.write(text)
      try? input.fileHandleForWriting.close()
    }
    writer.start()
    var result = Data()
    let errText = ErrorBox()
    let reader = Thread { errText.data = errors.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    result = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw KgshError(
        .failed, "export: Graphviz failed: \(String(decoding: errText.data, as: UTF8.self).prefix(300))")
    }
    return result
  }

  final class ErrorBox: @unchecked Sendable { var data = Data() }
}

/// The nodes and edges to export, with names and labels.
struct ExportGraph {
  var nodes: [Node]
  var edges: [(src: Int64, type: String, dst: Int64)]
  /// Parallel edges that `edges` holds once.
  var folded: Int
  /// The node ids the selection was made around, drawn bold and filled in pictures.
  var seeds: Set<Int64> = []

  static func load(_ session: Session) throws -> ExportGraph {
    let adj = try session.store.graphIndex()
    var sub = session.extensions[Subgraph.key] as? Subgraph
    if sub?.generation != session.store.generation { sub = nil }
    let selected =
      sub
      ?? Subgraph.induced(
        by: (0..<adj.nodeCount).map { Int32($0) }, in: adj, types: nil, generation: session.store.generation)
    var nodes: [Node] = []
    for (k, id) in selected.nodeIDs.enumerated() {
      if k % 4096 == 0 { try session.checkInterrupt() }
      if let n = try session.store.node(id: id) { nodes.append(n) }
    }
    return ExportGraph(nodes: nodes, edges: selected.edges, folded: selected.folded, seeds: selected.seeds)
  }

  static func quoted(_ s: String) -> String {
    "\""
      + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n") + "\""
  }

  static func xml(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }

  func dot() -> String {
    var s = "digraph kgsh {\n  graph [rankdir=LR, fontname=\"Noto Sans CJK SC\"];\n"
    s += "  node [shape=box, style=rounded, fontname=\"Noto Sans CJK SC\"];\n"
    s += "  edge [fontname=\"Noto Sans CJK SC\", fontsize=10];\n"
    for n in nodes {
      let seed = seeds.contains(n.id) ? ", style=\"rounded,bold,filled\", fillcolor=\"#e8f0fe\"" : ""
      s += "  n\(n.id) [label=\(Self.quoted(n.name)), tooltip=\(Self.quoted(n.key))\(seed)];\n"
    }
    for e in edges { s += "  n\(e.src) -> n\(e.dst) [label=\(Self.quoted(e.type))];\n" }
    return s + "}"
  }

  func mermaid() -> String {
    var s = "flowchart LR\n"
    for n in nodes { s += "  n\(n.id)[\"\(Self.mermaidText(n.name))\"]\n" }
    for e in edges {
      // A type of letters, digits and _ (nearly all) as is; any other in quotes, coded.
      let plain = e.type.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
      let label = plain ? e.type : "\"\(Self.mermaidText(e.type))\""
      s += "  n\(e.src) -->|\(label)| n\(e.dst)\n"
    }
    let marked = nodes.filter { seeds.contains($0.id) }.map { "n\($0.id)" }
    if !marked.isEmpty {
      s += "  classDef seed fill:#e8f0fe,stroke-width:2px\n  class \(marked.joinedText(",")) seed\n"
    }
    return s
  }

  /// A label as Mermaid shows it literally: its entity codes for the characters it would read
  /// as markup (`<b>` is bold in an HTML label) or as the end of the label, and no line breaks.
  static func mermaidText(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "&": out += "#amp;"
      case "\"": out += "#quot;"
      case "<": out += "#lt;"
      case ">": out += "#gt;"
      case "#": out += "#35;"
      case "\n", "\r", "\r\n": out += " "
      default: out.append(c)
      }
    }
    return out
  }

  func json() -> String {
    let nodeValues: [Value] = nodes.map { n in
      .map([
        "id": .int(n.id), "key": .string(n.key), "name": .string(n.name),
        "labels": .list(n.labels.map { .string($0) }),
      ])
    }
    let edgeValues: [Value] = edges.map { e in
      .map(["source": .int(e.src), "type": .string(e.type), "target": .int(e.dst)])
    }
    return JSON.encode(.map(["nodes": .list(nodeValues), "edges": .list(edgeValues)]))
  }

  func graphml() -> String {
    var s = """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="name" for="node" attr.name="name" attr.type="string"/>
        <key id="key" for="node" attr.name="key" attr.type="string"/>
        <key id="labels" for="node" attr.name="labels" attr.type="string"/>
        <key id="type" for="edge" attr.name="type" attr.type="string"/>
        <graph id="kgsh" edgedefault="directed">

      """
    for n in nodes {
      s += "    <node id=\"n\(n.id)\"><data key=\"name\">\(Self.xml(n.name))</data>"
      s += "<data key=\"key\">\(Self.xml(n.key))</data>"
      s += "<data key=\"labels\">\(Self.xml(n.labels.joinedText(",")))</data></node>\n"
    }
    for (k, e) in edges.enumerated() {
      s += "    <edge id=\"e\(k)\" source=\"n\(e.src)\" target=\"n\(e.dst)\">"
      s += "<data key=\"type\">\(Self.xml(e.type))</data></edge>\n"
    }
    return s + "  </graph>\n</graphml>"
  }
}
