import Foundation

/// One thing wrong in a Knowledge/ file: where it is, what is wrong and what to do.
public struct KnowledgeProblem: Hashable, Sendable {
  /// `error` fails the check; `note` is informational (an alias two entities share).
  public enum Severity: String, Sendable { case error, note }

  public var file: String
  /// The 1-based line in the file, or nil for a problem with the whole file.
  public var line: Int?
  /// The column (header name) at fault, or nil for the whole row.
  public var field: String?
  /// The row's id (fact, edge, source or entity key), when it has one.
  public var id: String?
  public var problem: String
  public var fix: String
  public var severity: Severity

  public init(
    _ file: String, line: Int? = nil, field: String? = nil, id: String? = nil, _ problem: String,
    fix: String, severity: Severity = .error
  ) {
    self.file = file
    self.line = line
    self.field = field
    self.id = id
    self.problem = problem
    self.fix = fix
    self.severity = severity
  }
}

/// Checks the knowledge base's authoring files (Knowledge/*.tsv) against the rules of
/// Knowledge/FORMAT.md: headers and column counts, unique ids, known keys, vocabularies,
/// value syntax, and that every article quote is the article's exact words and contains the
/// fact's number.
///
///     let report = try KnowledgeCheck.run(directory: "Knowledge", article: articleText)
///     report.errors.isEmpty // the files may be committed
public enum KnowledgeCheck {
  /// The files checked and their exact headers.
  public static let headers: [(file: String, columns: [String])] = [
    ("sources.tsv", ["id", "kind", "title", "publisher", "url", "published", "reliability", "note"]),
    ("entities.tsv", ["key", "labels", "name", "aliases", "description"]),
    (
      "facts.tsv",
      [
        "id", "subject", "predicate", "type", "value", "unit", "currency", "qualifier", "as_of", "source",
        "quote", "status", "ref", "note",
      ]
    ),
    ("edges.tsv", ["id", "src", "type", "dst", "as_of", "source", "quote", "status", "ref", "props"]),
    ("hanzi-fold.tsv", ["traditional", "simplified"]),
  ]
  public static let labels: Set<String> = [
    "Company", "Lab", "Investor", "Fund", "Person", "Model", "Product", "Plan", "Platform", "Exchange",
    "Country", "Government", "Event", "Ranking", "Organization", "Group",
  ]
  public static let types: Set<String> = [
    "number", "money", "percent", "date", "period", "text", "entity", "bool",
  ]
  public static let qualifiers: Set<String> = [
    "", "over", "nearly", "under", "about", "at-least", "at-most", "estimate",
  ]
  /// `user`: added at the shell with a source and quote, not yet reviewed; `conflict`: two
  /// people corrected it to different values (see `conflicts`).
  public static let statuses: Set<String> = [
    "secondary", "verified", "derived", "unverified", "user", "conflict",
  ]
  /// The ISO codes the shell accepts (ShellCore's `Currencies.codes`; a test keeps them equal),
  /// so a fact entered with `fact add` in euros passes the check too.
  public static let currencies: Set<String> = [
    "CNY", "USD", "HKD", "EUR", "GBP", "JPY", "KRW", "SGD", "TWD", "AUD", "CAD", "CHF", "INR",
  ]
  /// The source id whose quotes must be the article's exact words.
  public static let articleSource = "article"
  /// The seed article, where the project keeps it (used when no article is given).
  public static let defaultArticle = "/work/shared/seeds/000_61a020b1efeb3fe6.txt"

  /// The result of a check: the problems in file order and how many rows each file has.
  public struct Report: Sendable {
    public var problems: [KnowledgeProblem] = []
    public var counts: [(file: String, rows: Int)] = []
    /// Whether article quotes were compared with the article's text.
    public var articleChecked = false
    public var errors: [KnowledgeProblem] { problems.filter { $0.severity == .error } }
  }

  /// Finds the article to check quotes against: `KGSH_ARTICLE`, `DIR/article.txt`, the seed
  /// next to the repository (`DIR/../../shared/seeds/...`), then `defaultArticle`; nil when
  /// none exists.
  public static func locateArticle(directory: String) -> String? {
    var candidates = [directory + "/article.txt"]
    if let env = ProcessInfo.processInfo.environment["KGSH_ARTICLE"], !env.isEmpty {
      candidates.insert(env, at: 0)
    }
    let seed = URL(fileURLWithPath: defaultArticle).lastPathComponent
    candidates.append(directory + "/../../shared/seeds/" + seed)
    candidates.append(defaultArticle)
    return candidates.first { FileManager.default.fileExists(atPath: $0) }
  }

  /// Checks the files in `directory`. With `article` nil, the rules that compare quotes with
  /// the article are skipped (`Report.articleChecked` is false).
  /// - Throws: `KgshError` when `directory` is not a folder.
  /// Entity and source keys known outside the folder checked.
  public struct KnownKeys: Sendable {
    public var entities: Set<String> = []
    public var sources: Set<String> = []
    public init(entities: Set<String> = [], sources: Set<String> = []) {
      self.entities = entities
      self.sources = sources
    }
  }

  /// - Parameter elsewhere: keys the open knowledge base has; a row naming one the folder
  ///   does not define is a note, not an error (a folder of additions names built-in keys).
  public static func run(directory: String, article: String?, elsewhere: KnownKeys = KnownKeys()) throws
    -> Report
  {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw KgshError.notFound("knowledge directory", directory, hint: "give the folder that holds facts.tsv")
    }
    var report = Report()
    var tables: [String: TSVTable] = [:]
    for (file, columns) in headers {
      if file == "hanzi-fold.tsv", !FileManager.default.fileExists(atPath: directory + "/" + file) {
        // A folder made by `export knowledge` has no fold table: use the one kgsh is built with.
        tables[file] = builtinFold
        continue
      }
      let table = load(directory + "/" + file, name: file, columns: columns, into: &report)
      tables[file] = table
      report.counts.append((file, table.rows.count))
    }
    var checker = Checker(
      sources: tables["sources.tsv"]!, entities: tables["entities.tsv"]!, facts: tables["facts.tsv"]!,
      edges: tables["edges.tsv"]!, fold: tables["hanzi-fold.tsv"]!, article: article)
    checker.elsewhere = elsewhere
    checker.checkAll()
    report.problems += checker.problems
    report.articleChecked = article != nil
    return report
  }

  /// The fold table compiled into kgsh, as the rows of hanzi-fold.tsv.
  static var builtinFold: TSVTable {
    let chars = Array(HanziFold.pairs)
    let rows = stride(from: 0, to: chars.count - 1, by: 2).enumerated().map { n, i in
      TSVRow(line: n + 2, cells: ["traditional": String(chars[i]), "simplified": String(chars[i + 1])])
    }
    return TSVTable(name: "hanzi-fold.tsv", rows: rows)
  }

  /// Reads one TSV: its header must be `columns`; comment and blank lines are skipped; a row
  /// with the wrong number of fields is reported and left out.
  static func load(_ path: String, name: String, columns: [String], into report: inout Report) -> TSVTable {
    guard let data = FileManager.default.contents(atPath: path) else {
      report.problems.append(
        KnowledgeProblem(name, "the file is missing or unreadable", fix: "restore \(name) from git"))
      return TSVTable(name: name, rows: [])
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      report.problems.append(
        KnowledgeProblem(
          name, line: TextFile.firstLineNotUTF8(data), "the text is not UTF-8", fix: "save \(name) as UTF-8"))
      return TSVTable(name: name, rows: [])
    }
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    let header = lines.first?.components(separatedBy: "\t") ?? []
    var columns = columns
    // facts.tsv may end with `original`: the value as first written (`HK$4.3 bn`), kept by fact add.
    if name == "facts.tsv", header == columns + ["original"] {
      columns = header
    }
    // entities.tsv may end with `props`: the properties of entities that have them.
    if name == "entities.tsv", header == columns + ["props"] {
      columns = header
    }
    if header != columns {
      report.problems.append(
        KnowledgeProblem(
          name, line: 1, "the header is \(header.joinedText(" ")), not the expected one",
          fix: "make line 1 exactly: \(columns.joinedText(" ")) (tab-separated)"))
    }
    var rows: [TSVRow] = []
    for (index, line) in lines.enumerated().dropFirst() {
      if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      let cells = line.components(separatedBy: "\t")
      guard cells.count == columns.count else {
        report.problems.append(
          KnowledgeProblem(
            name, line: index + 1, id: cells.first, "\(cells.count) fields, the header has \(columns.count)",
            fix: "separate the \(columns.count) fields with single tabs (no tabs inside a field)"))
        continue
      }
      rows.append(TSVRow(line: index + 1, cells: Dictionary(uniqueKeysWithValues: zip(columns, cells))))
    }
    return TSVTable(name: name, rows: rows)
  }
}

/// One data line of a Knowledge/ file with its line number.
struct TSVRow {
  var line: Int
  var cells: [String: String]
  subscript(_ column: String) -> String { cells[column] ?? "" }
}

/// The data lines of one Knowledge/ file.
struct TSVTable {
  var name: String
  var rows: [TSVRow]
}
