import KnowledgeGraph
import ShellCore

/// `source add ID --title T [--url U] [--publisher P] [--published DATE] [--kind K]`: a new
/// source that facts can cite, recorded in the change log with its author.
struct SourceAddCommand: Command {
  static let kinds = ["news", "web", "doc", "filing", "other"]
  static let id = Param<String>.argument("id", .text, "the new source's key, e.g. reuters-2026-01-08")
  static let title: Param<String?> = .option(
    "title", .text, "the title of the article or document (required)")
  static let url: Param<String?> = .option(
    "url", .text, "where it can be read: a web address (https://...) or a file: URL")
  static let publisher: Param<String?> = .option("publisher", .text, "who published it")
  static let published: Param<String?> = .option("published", .date, "when it was published")
  static let kind = Param.option("kind", .choice(kinds), default: "other", "what kind of document it is")
  let signature = Signature(
    "source add", summary: "Add a source that facts can cite (recorded in the change log)",

    parameters: [id.spec, title.spec, url.spec, publisher.spec, published.spec, kind.spec],
    help: "A source is never overwritten: an ID that exists already is refused. See also: fact add.",
    examples: [
      Example(
        "source add hkex-2026-01 --title 'Zhipu listing notice' --publisher HKEX --published 2026-01-08 --kind filing",
        "add a filing that facts can cite")
    ],
    writes: true,
    misplacedFlags: [
      "quote":
        "a source has no quote of its own: each fact quotes it (fact add ENTITY PREDICATE VALUE --source ID --quote '...')"
    ])

  /// An http(s) address with a host, or a file: URL (a typo such as `htps://` or a bare
  /// `www.example.com` is caught before it is recorded for good).
  static func isReadableAddress(_ text: String) -> Bool {
    let lower = text.lowercased()
    if lower.hasPrefix("file:") { return lower.count > "file:".count }
    for scheme in ["http://", "https://"] where lower.hasPrefix(scheme) {
      let host = lower.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
      return !host.isEmpty && !host.contains(" ")
    }
    return false
  }

  /// A short ID for a source read at `address`: the site's name and the page's last part
  /// (`https://www.reuters.com/tech/zhipu-ipo-2026-01-08/` gives `reuters-zhipu-ipo-2026-01-08`,
  /// `https://example.com/news/1` gives `example-news-1`).
  static func id(forAddress address: String) -> String {
    let rest = address.range(of: "://").map { address[$0.upperBound...] } ?? Substring(address)
    let parts = rest.split(whereSeparator: { "/?#".contains($0) }).map(String.init)
    var labels = (parts.first ?? "").lowercased().split(separator: ".").map(String.init)
    if labels.first == "www" { labels.removeFirst() }
    // The name before the domain's ending: bbc in news.bbc.co.uk, example in example.com.
    let endings: Set<String> = ["co", "com", "org", "net", "gov", "ac", "edu"]
    var site = labels.count >= 2 ? labels[labels.count - 2] : labels.first ?? ""
    if labels.count >= 3, endings.contains(site) { site = labels[labels.count - 3] }
    var page = Array(parts.dropFirst().prefix { !$0.contains("=") })
    if var last = page.last, let dot = last.lastIndex(of: "."),
      ["html", "htm", "shtml", "stm", "pdf", "php", "asp", "aspx", "jsp"].contains(
        last[dot...].dropFirst().lowercased())
    {
      last = String(last[..<dot])
      page[page.count - 1] = last
    }
    // A page named by a number or a short word keeps the part before it (news-1, not 1).
    var words = page.suffix(1)
    if let last = page.last, last.count < 6 || last.allSatisfy(\.isNumber), page.count >= 2 {
      words = page.suffix(2)
    }
    let made = Authoring.keyLike(([site] + words).joined(separator: "-")) ?? "reuters-2026-01-08"
    var short = made.prefix(48)
    while short.last == "-" || short.last == "." { short.removeLast() }
    return String(short)
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    let key = call[Self.id]
    try Authoring.checkKey(key, command: "source add", field: "ID") { made in
      // A web address typed as the ID: a short ID made of it, the address in --url.
      if key.contains("://"), call[Self.url] == nil {
        return "the address goes in --url: source add \(Self.id(forAddress: key)) --url \(key) --title '...'"
      }
      return "e.g. source add \(made ?? "reuters-2026-01-08") --title '...'"
    }
    guard let title = call[Self.title], !title.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw KgshError(
        .usage, "source add: --title is required", hint: "add --title 'the article or document title'")
    }
    if let url = call[Self.url], !Self.isReadableAddress(url) {
      throw KgshError.invalidValue(
        "source add", "--url", expected: "a web address like https://example.com/page, or a file: URL",
        got: url,
        hint: url.contains(".") && !url.contains(":") && !url.contains(" ")
          ? "did you mean https://\(url)?" : nil)
    }
    if try session.store.source(key: key) != nil {
      throw KgshError(
        .invalidValue, "source add: source \(key) already exists",
        hint: "pick another ID, or cite \(key) as it is with fact add --source \(key)")
    }
    let source = Source(
      key: key, kind: call[Self.kind], title: title, publisher: call[Self.publisher], url: call[Self.url],
      published: call[Self.published])
    let record = try session.store.write { w in
      try w.record(
        ChangeDraft(kind: .assert, targetType: .source, target: key, payload: Self.payload(source)))
    }
    return .record(
      Self.fields(source) + [("author", .string(record.author))])
  }

  static func payload(_ s: Source) -> Value {
    var map: [String: Value] = ["key": .string(s.key)]
    for (name, value) in [
      ("title", s.title), ("kind", s.kind), ("publisher", s.publisher), ("url", s.url),
      ("published", s.published),
    ] {
      if let value { map[name] = .string(value) }
    }
    return .map(map)
  }

  static func fields(_ s: Source) -> [(String, Value)] {
    [
      ("source", .string(s.key)), ("title", FactText.text(s.title)), ("kind", FactText.text(s.kind)),
      ("publisher", FactText.text(s.publisher)), ("published", FactText.date(s.published)),
      ("url", FactText.text(s.url)),
    ]
  }
}
