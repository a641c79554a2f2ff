import Foundation
import KnowledgeGraph
import ShellCore

/// The provenance flags every sourced write shares (`fact add`, `fact correct`, `link`,
/// `create`), declared once, and the one rule that reads them: a write names a source that
/// exists and quotes it, or says `--unsourced` and is stored as unverified.
enum Sourcing {
  static let source: Param<String?> = .option(
    "source", .text, "the key of the source that states it, or the address it was added with")
  static let quote: Param<String?> = .option("quote", .text, "the exact words of the source")
  static let asOf: Param<String?> = .option("as-of", .date, "when it held")
  static let unsourced = Param.toggle(
    "unsourced", "write it without a source (its status is then unverified)")

  static var specs: [ParameterSpec] { [source.spec, quote.spec, asOf.spec, unsourced.spec] }

  /// The source, quote, date and status, or the refusal that names the missing field.
  /// - Parameter quoteRequired: false where a quote is welcome but optional (`link`).
  static func provenance(_ call: Call, _ session: Session, command: String, quoteRequired: Bool = true) throws
    -> Provenance
  {
    let quote = call[Self.quote].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    guard var source = call[Self.source] else {
      guard call[Self.unsourced] else {
        throw KgshError(
          .usage, "\(command): --source is required",
          hint: "add --source ID --quote TEXT (source add ID first), or --unsourced to write it as unverified"
        )
      }
      return Provenance(quote: quote, asOf: call[Self.asOf], status: "unverified")
    }
    if call[Self.unsourced] {
      throw KgshError(
        .usage, "\(command): --unsourced contradicts --source \(source)", hint: "drop one of the two")
    }
    if try session.store.source(key: source) == nil {
      // A source cited by its address (`--source https://...`) is the one added with that --url.
      let isAddress = SourceAddCommand.isReadableAddress(source)
      guard isAddress, let added = try session.store.source(url: source) else {
        throw KgshError(
          .notFound, "\(command): no source \(source)",
          hint: isAddress
            ? "add it first: source add \(SourceAddCommand.id(forAddress: source)) --url \(source) --title '...'"
            : "add it first: source add \(source) --title '...'")
      }
      source = added.key
    }
    if quoteRequired, quote == nil {
      throw KgshError(
        .usage, "\(command): --quote is required with --source",
        hint: "add --quote with the exact words of \(source) that state it")
    }
    return Provenance(source: source, quote: quote, asOf: call[Self.asOf], status: "user")
  }

  /// A short stable id derived from what a statement says (see `ChangeKeys`).
  static func key(_ prefix: String, _ parts: [String]) -> String { ChangeKeys.derive(prefix, parts) }
}
