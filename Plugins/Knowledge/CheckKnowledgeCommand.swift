import Foundation
import KnowledgeGraph
import ShellCore

/// `check-knowledge [DIR] [--article FILE]`: checks the authoring files of a knowledge base
/// (Knowledge/*.tsv) against FORMAT.md, one row per problem with where it is and what to do.
struct CheckKnowledgeCommand: Command {
  static let directory: Param<String?> = .optionalArgument(
    "dir", .file, "the folder holding sources.tsv, entities.tsv, facts.tsv, edges.tsv (default: kgsh's own)")
  static let article: Param<String?> = .option(
    "article", .file,
    "the article that `article` quotes must come from (default: DIR/article.txt or the seed)")
  let signature = Signature(
    "check-knowledge", summary: "Check Knowledge/*.tsv: ids, keys, vocabularies, values and quotes",
    parameters: [directory.spec, article.spec],
    help: """
      Each row is one problem: the file, line and field, what is wrong and what to do. Errors \
      make a script or `kgsh -c` exit with status 1; notes (an alias two entities share) do not. \
      Quotes citing the article are compared with its text when the article is found. Run it \
      before committing a change to Knowledge/. Another folder (what export knowledge wrote) may \
      name the open knowledge base's entities and sources: those are notes, as import knowledge \
      finds them there.
      """,
    examples: [
      Example("check-knowledge", "check the knowledge base kgsh was built from", expect: "0 errors")
    ])

  static func canonical(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let directory = call[Self.directory] ?? session.knowledgeDirectory ?? KnowledgeLoader.locate()
    else {
      throw KgshError(
        .notFound, "check-knowledge: no Knowledge/ folder found", hint: "give its path: check-knowledge DIR")
    }
    var articleText: String? = nil
    if let path = call[Self.article] ?? KnowledgeCheck.locateArticle(directory: directory) {
      articleText = try TextFile.read(path, what: "article")
    }
    // A folder other than the knowledge base's own (additions `export knowledge` wrote) may
    // name the knowledge base's entities and sources.
    var elsewhere = KnowledgeCheck.KnownKeys()
    let own = session.knowledgeDirectory ?? KnowledgeLoader.locate()
    if let given = call[Self.directory], Self.canonical(given) != own.map(Self.canonical) {
      func keys(_ sql: String) throws -> Set<String> {
        Set(try session.store.readOnlyQuery(sql).rows.compactMap { $0.first?.plainText })
      }
      elsewhere = KnowledgeCheck.KnownKeys(
        entities: try keys("SELECT key FROM node"), sources: try keys("SELECT key FROM source"))
    }
    let report = try KnowledgeCheck.run(directory: directory, article: articleText, elsewhere: elsewhere)
    let rows: [[Value]] = report.problems.map { p in
      [
        .string(p.file), p.line.map { .int(Int64($0)) } ?? .null, FactText.text(p.field), FactText.text(p.id),
        .string(p.severity.rawValue), .string(p.problem), .string(p.fix),
      ]
    }
    let counts = report.counts.map { "\($0.file) \($0.rows)" }.joinedText(", ")
    var notes = [
      "\(report.errors.count.counted("error")), \((report.problems.count - report.errors.count).counted("note")); rows: \(counts)"
    ]
    if !report.articleChecked {
      notes.append("article quotes not compared: no article found (give --article FILE)")
    }
    // A script or `kgsh -c` (which collect their output in a batch) fails when errors exist.
    if !report.errors.isEmpty, session.jsonBatch != nil { session.shell?.exitStatus = 1 }
    return .table(
      Table(columns: ["file", "line", "field", "id", "severity", "problem", "fix"], rows: rows, notes: notes))
  }
}
