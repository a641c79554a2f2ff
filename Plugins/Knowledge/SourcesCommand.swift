import KnowledgeGraph
import ShellCore

/// `sources [TEXT]`: the sources facts and relations cite, the most cited first.
struct SourcesCommand: Command {
  static let text: Param<String?> = .optionalArgument(
    "text", .text, "only sources whose key, title, publisher or URL contains this text")
  static let limit = Param.option("limit", .integer(min: 1), default: 1000, "at most N rows")

  let signature = Signature(
    "sources", summary: "The sources facts and relations cite, with how many of each, the most cited first",
    parameters: [text.spec, limit.spec],
    help: "cite SOURCE lists the facts and relations that cite one; source add records a new one.",
    examples: [
      Example("sources | first 3", "the most cited sources", expect: "article"),
      Example("sources 36kr", "the sources whose key, title, publisher or URL names 36Kr", expect: "article"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var uses = try session.store.sourceUses()
    let all = uses.count
    if let text = call[Self.text] {
      let wanted = Names.normalize(text)
      guard !wanted.isEmpty else {
        throw KgshError.usage(
          "sources: the text to look for is empty; sources alone lists them all", signature)
      }
      uses = uses.filter { use in
        [use.source.key, use.source.title, use.source.publisher, use.source.url].contains {
          $0.map { Names.normalize($0).contains(wanted) } ?? false
        }
      }
    }
    let shown = uses.prefix(call[Self.limit])
    let note =
      if let text = call[Self.text], uses.isEmpty {
        "no source's key, title, publisher or URL contains '\(text)' (of \(all.counted("source"))); "
          + "sources lists them all"
      } else {
        "cite SOURCE lists the facts and relations that cite one"
      }
    var notes = [note]
    // `sources 智谱`: the text is the name of an entity; its own sources are on its card.
    if let text = call[Self.text], case .found(let node)? = try? session.store.resolve(text) {
      notes.append(
        "\(text) names \(node.name): show \(Shell.quoteIfNeeded(node.key)) --section sources lists the sources "
          + "its facts and relations cite")
    }
    var table = Table(
      columns: ["source", "kind", "title", "publisher", "published", "facts", "relations", "url"],
      rows: shown.map { use in
        let s = use.source
        return [
          .string(s.key), FactText.text(s.kind), FactText.text(s.title), FactText.text(s.publisher),
          FactText.date(s.published), .int(Int64(use.facts)), .int(Int64(use.relations)),
          FactText.text(s.url),
        ]
      }, notes: notes,
      limitCut: shown.count < uses.count ? .of(uses.count) : nil)
    table.narrowColumns = ["source", "title", "facts", "relations", "published"]
    return .table(table)
  }
}
