import Foundation
import KnowledgeGraph
import ShellCore

/// `fact add ENTITY PREDICATE VALUE --source ID --quote TEXT [--as-of DATE] [--qualifier Q]`:
/// a sourced fact, written with its change record in one transaction.
struct FactAddCommand: Command {
  static let qualifiers = ["over", "nearly", "about", "under", "at-least", "at-most", "estimate"]
  static let entity = Param<String>.argument("entity", .entity, "the entity the fact is about")
  static let predicate = Param<String>.argument("predicate", .predicate, "what is stated, e.g. ipo_raise")
  static let value = Param<String>.argument(
    "value", .text, "the value as written: HK$4.3 bn, 73.1%, 5億, 2026-01")
  static let source: Param<String?> = .option("source", .text, "the key of the source that states it")
  static let quote: Param<String?> = .option("quote", .text, "the exact words of the source")
  static let asOf: Param<String?> = .option("as-of", .date, "when the value held")
  static let qualifier: Param<String?> = .option(
    "qualifier", .choice(qualifiers), "when the value is not exact")
  static let unsourced = Param.toggle("unsourced", "add it without a source (its status is then unverified)")
  let signature = Signature(
    "fact add", summary: "Add a sourced fact about an entity (recorded in the change log)",
    parameters: [
      entity.spec, predicate.spec, value.spec, source.spec, quote.spec, asOf.spec, qualifier.spec,
      unsourced.spec,
    ],
    help: """
      VALUE is kept as written and also stored in normal form: money with its currency \
      (HK$4.3 bn, ¥20/month, US$17, 5億, 2000萬), percentages (73.1%), numbers and dates \
      (2026-01, 2026-01-08); anything else is text. A fact needs --source (added first with \
      source add) and --quote, or --unsourced, which marks it unverified.
      """,
    examples: [
      Example(
        "fact add Zhipu ipo_raise 'HK$4.3 bn' --source article --quote '募資43億港元' --as-of 2026-01-08",
        "a sourced amount, stored as 4300000000 HKD with its original text")
    ],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let node = try session.resolve(call[Self.entity])
    let predicate = call[Self.predicate]
    guard predicate.range(of: #"^[a-z][a-z0-9_]*$"#, options: .regularExpression) != nil else {
      throw KgshError.invalidValue(
        "fact add", "PREDICATE", expected: "lowercase words joined by '_'", got: predicate,
        hint: "e.g. ipo_raise or founded_date")
    }
    let text = call[Self.value]
    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw KgshError(.usage, "fact add: VALUE is empty", hint: "give the value as the source writes it")
    }
    let provenance = try Self.provenance(call, session)
    let parsed = PastedValue.parse(text)
    let key = Self.key(node.key, predicate, parsed, provenance)
    if try !session.store.facts(key: key).isEmpty {
      throw KgshError(
        .invalidValue, "fact add: \(node.name) already has this \(predicate) from the same source, as \(key)",
        hint: "see it with facts \(node.key) --predicate \(predicate)")
    }
    let draft = FactDraft(
      key: key, nodeID: node.id, predicate: predicate, valueType: parsed.type, value: parsed.value,
      unit: parsed.unit, currency: parsed.currency, qualifier: call[Self.qualifier], provenance: provenance)
    let record = try session.store.write { w in
      let id = try w.addFact(draft, layer: .user)
      try w.run("UPDATE fact SET original = ? WHERE id = ?", [.string(text), .int(id)])
      return try w.appendChange(
        ChangeDraft(
          kind: .assert, targetType: .fact, target: key, entity: node.key,
          payload: Self.payload(draft, original: text, entity: node.key)))
    }
    let stored = try session.store.facts(key: key).first
    return .record([
      ("fact", .string(key)), ("entity", .entity(node.ref)), ("predicate", .string(predicate)),
      ("value", stored.map(FactText.value) ?? .string(parsed.value)), ("type", .string(parsed.type)),
      ("unit", parsed.type == "percent" ? .string("%") : FactText.text(parsed.unit)),
      ("original", .string(text)),
      ("qualifier", FactText.text(call[Self.qualifier])), ("as_of", FactText.date(provenance.asOf)),
      ("source", FactText.text(provenance.source)), ("status", FactText.text(provenance.status)),
      ("author", .string(record.author)),
    ])
  }

  /// The source, quote and status, or the refusal that says which field is missing.
  static func provenance(_ call: Call, _ session: Session) throws -> Provenance {
    let quote = call[Self.quote].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    guard let source = call[Self.source] else {
      guard call[Self.unsourced] else {
        throw KgshError(
          .usage, "fact add: --source is required",
          hint: "add --source ID --quote TEXT (source add ID first), or --unsourced to add it as unverified")
      }
      return Provenance(quote: quote, asOf: call[Self.asOf], status: "unverified")
    }
    if call[Self.unsourced] {
      throw KgshError(
        .usage, "fact add: --unsourced contradicts --source \(source)", hint: "drop one of the two")
    }
    guard try session.store.source(key: source) != nil else {
      throw KgshError(
        .notFound, "fact add: no source \(source)",
        hint: "add it first: source add \(source) --title '...'")
    }
    guard let quote else {
      throw KgshError(
        .usage, "fact add: --quote is required with --source",
        hint: "add --quote with the exact words of \(source) that state the fact")
    }
    return Provenance(source: source, quote: quote, asOf: call[Self.asOf], status: "user")
  }

  /// The fact's id, derived from what it states (entity, predicate, value, date, source), so the
  /// same statement gets the same id on every machine and is not added twice.
  static func key(_ entity: String, _ predicate: String, _ v: PastedValue, _ p: Provenance) -> String {
    let text = [
      entity, predicate, v.type, v.value, v.currency ?? "", v.unit ?? "", p.asOf ?? "", p.source ?? "",
    ]
    .joined(separator: "\u{1F}")
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return "UF-" + String(String(hash, radix: 16).leftPadded(to: 16).prefix(12)).uppercased()
  }

  static func payload(_ d: FactDraft, original: String, entity: String) -> Value {
    var map: [String: Value] = [
      "entity": .string(entity), "predicate": .string(d.predicate), "type": .string(d.valueType),
      "value": .string(d.value), "original": .string(original),
    ]
    let optional: [(String, String?)] = [
      ("currency", d.currency), ("unit", d.unit), ("qualifier", d.qualifier), ("as_of", d.provenance.asOf),
      ("source", d.provenance.source), ("quote", d.provenance.quote), ("status", d.provenance.status),
    ]
    for (name, value) in optional { if let value { map[name] = .string(value) } }
    return .map(map)
  }
}

extension String {
  fileprivate func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
