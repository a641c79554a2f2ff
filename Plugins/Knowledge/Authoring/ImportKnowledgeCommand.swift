import KnowledgeGraph
import ShellCore

/// `import knowledge DIR|FILE... [--strict]`: sources, entities, facts and edges in the formats
/// of Knowledge/ (TSV, CSV or JSON), recorded in the change log in one transaction.
struct ImportKnowledgeCommand: Command {
  static let paths = Param<[String]>.arguments(
    "path", .file, "folders of sources/entities/facts/edges files, or such files (one or more)")
  static let strict = Param.toggle("strict", "import nothing when any row is rejected")
  static let explain = Param.toggle("explain", "list the unchanged rows too")
  let signature = Signature(
    "import knowledge",
    summary: "Read sources, entities, facts and edges (TSV, CSV, JSON) into the change log",
    parameters: [paths.spec, strict.spec, explain.spec],
    help: """
      A folder is read in the order sources, entities, facts, edges (files named so, .tsv, .csv \
      or .json); one JSON file may hold all four as {"sources": [...], ...}. Columns as in \
      Knowledge/FORMAT.md, or as the commands name them (a fact's entity, an edge's from and to); \
      an entity is its key or the name of one entity (Tencent, 腾讯); a fact without a type has its value read as fact add reads it (HK$4.3 bn, 2019年6月). \
      A row that is new is added, a changed one recorded as a correction, \
      an equal one left alone; a bad row is rejected with its line and reason and the good rows \
      are committed (the command then fails); --strict imports nothing when a row is bad. \
      Several folders or files are read as one: all their sources first, then all entities, \
      facts and edges, in one transaction, so rows may name entities from another folder.
      """,
    examples: [
      Example(
        "export knowledge /tmp/kgsh-round --layer all; import knowledge /tmp/kgsh-round",
        "a round trip: nothing new"),
      Example(
        "export knowledge /tmp/kgsh-a --layer all; export knowledge /tmp/kgsh-b --layer all; import knowledge /tmp/kgsh-a /tmp/kgsh-b",
        "two folders in one transaction"),
    ],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let tables = try KnowledgeImport.read(paths: call[Self.paths])
    let outcomes = try KnowledgeImport.apply(tables, to: session.store, strict: call[Self.strict])
    func count(_ r: KnowledgeImport.Outcome.Result) -> Int { outcomes.filter { $0.result == r }.count }
    let rejected = count(.rejected)
    let shown = outcomes.filter { call[Self.explain] || $0.result != .unchanged }
    var notes = [
      "\(count(.added)) added, \(count(.changed)) changed, \(count(.unchanged)) unchanged, \(rejected) rejected"
    ]
    if rejected > 0 {
      notes.append(
        call[Self.strict]
          ? "nothing was imported (--strict)"
          : rejected == outcomes.count
            ? "every row was rejected: nothing was imported" : "the other rows were imported")
    }
    let table = Table(
      columns: ["where", "id", "result", "detail"],
      rows: shown.map {
        [.string($0.location), .string($0.id), .string($0.result.rawValue), .string($0.detail)]
      },
      notes: notes)
    if rejected > 0 {
      try session.reportThenFail(
        .table(table),
        KgshError(
          .invalidValue, "import knowledge: \(rejected.counted("row")) rejected",
          hint: "fix the rows listed above and import again"))
    }
    return .table(table)
  }
}
