import KnowledgeGraph
import ShellCore

/// `export knowledge DIR [--layer user|all] [--since DATE]`: the knowledge base in the
/// formats of Knowledge/, for review in git and for `import knowledge` elsewhere.
struct ExportKnowledgeCommand: Command {
  static let dir = Param<String>.argument("dir", .file, "the folder to write (created when missing)")
  static let layer = Param.option(
    "layer", .choice(["user", "all"]), default: "user",
    "user: what people added, imported or corrected; all: everything"
  )
  static let since: Param<String?> = .option("since", .date, "only what changed on or after this date")
  let signature = Signature(
    "export knowledge", summary: "Write sources, entities, facts and edges as Knowledge/ TSV files",
    parameters: [dir.spec, layer.spec, since.spec],
    help: """
      Writes sources.tsv, entities.tsv, facts.tsv and edges.tsv (Knowledge/FORMAT.md), replacing \
      files of those names in DIR. A folder exported with --layer all builds a knowledge base \
      that answers every command the same (import knowledge DIR into an empty one); rows exported \
      with --layer user can be appended to Knowledge/ to make them built-in.
      """,
    examples: [
      Example("export knowledge /tmp/kgsh-export --layer all", "everything, as reviewable TSV files")
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let dir = call[Self.dir]
    let written = try KnowledgeExport.write(
      session.store, to: dir, .init(userOnly: call[Self.layer] == "user", since: call[Self.since]))
    var notes = ["written to \(dir)"]
    if written.counts.allSatisfy({ $0.rows == 0 }) {
      let since = call[Self.since].map { " since \($0)" } ?? ""
      switch (call[Self.layer] == "user", call[Self.since] == nil) {
      case (true, _):
        notes.append("nothing people added\(since) yet: --layer all writes the built-in knowledge too")
      case (false, false): notes.append("nothing changed\(since); leave out --since for everything")
      case (false, true): notes.append("the knowledge base is empty")
      }
    }
    if let first = written.flattened.first {
      // TSV fields hold no tab or line break (Knowledge/FORMAT.md): say which were changed.
      notes.append(
        "\(written.flattened.count.counted("field")) held tabs or line breaks, written as spaces (first: \(first))"
      )
    }
    return .table(
      Table(
        columns: ["file", "rows"], rows: written.counts.map { [.string($0.file), .int(Int64($0.rows))] },
        notes: notes))
  }
}
