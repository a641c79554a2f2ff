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
  static let qualifier: Param<String?> = .option(
    "qualifier", .choice(qualifiers), "when the value is not exact (else read from the VALUE's words)")
  let signature = Signature(
    "fact add", summary: "Add a sourced fact about an entity (recorded in the change log)",
    parameters: [
      entity.spec, predicate.spec, value.spec, qualifier.spec,
    ] + Sourcing.specs,
    help: """
      VALUE is kept as written and also stored in normal form: money with its currency \
      (HK$4.3 bn, ¥20/month, US$17, "1.2 billion yuan", 43億港元, 2000萬), percentages (73.1%), numbers, \
      with a word of unit ("800 people", 800人), and dates (2026-01, 2026-01-08); anything else is text. \
      A word that says the amount is not exact ("about 900", 约7000万美元, 400人左右, "over US$1 bn") is \
      read as its --qualifier. A fact needs --source (added first with \
      source add) and --quote, or --unsourced, which marks it unverified.
      """,
    examples: [
      Example(
        "fact add Zhipu ipo_raise 'HK$4.3 bn' --source article --quote '募資43億港元' --as-of 2026-01-08",
        "a sourced amount, stored as 4300000000 HKD with its original text")
    ],
    writes: true,
    misplacedFlags: PastedValue.misplacedFlags)

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
    let provenance = try Sourcing.provenance(call, session, command: "fact add")
    let parsed = try PastedValue.checked(text, command: "fact add")
    // `about 900`, `约7000万美元`: the word in the value is the qualifier, unless one is given.
    let qualifier = call[Self.qualifier] ?? parsed.qualifier
    let key = Self.key(node.key, predicate, parsed, provenance)
    if try !session.store.facts(key: key).isEmpty {
      throw KgshError(
        .invalidValue, "fact add: \(node.name) already has this \(predicate) from the same source, as \(key)",
        hint: "see it with facts \(node.key) --predicate \(predicate)")
    }
    // A predicate no fact had yet is said to be new, with the nearest one (a typo would
    // otherwise start a predicate of its own).
    let note = Authoring.newName("predicate", predicate, among: try session.store.predicates())
    let draft = FactDraft(
      key: key, nodeID: node.id, predicate: predicate, valueType: parsed.type, value: parsed.value,
      unit: parsed.unit, currency: parsed.currency, qualifier: qualifier, provenance: provenance)
    let record = try session.store.write { w in
      try w.record(
        ChangeDraft(
          kind: .assert, targetType: .fact, target: key, entity: node.key,
          payload: Self.payload(draft, original: text, entity: node.key)))
    }
    let stored = try session.store.facts(key: key).first
    let fields: [(String, Value)] = [
      ("fact", .string(key)), ("entity", .entity(node.ref)), ("predicate", .string(predicate)),
      ("value", stored.map(FactText.value) ?? .string(parsed.value)), ("type", .string(parsed.type)),
      ("unit", parsed.type == "percent" ? .string("%") : FactText.text(parsed.unit)),
      ("original", .string(text)),
      ("qualifier", FactText.text(qualifier)), ("as_of", FactText.date(provenance.asOf)),
      ("source", FactText.text(provenance.source)), ("quote", FactText.text(provenance.quote)),
      ("status", FactText.text(provenance.status)),
      ("author", .string(record.author)),
    ]
    let notes = [
      note, try Self.typeNote(parsed, text, node, predicate, session),
      try Self.disagreement(key, node, call, session),
    ]
    .compactMap { $0 }
    guard !notes.isEmpty else { return .record(fields) }
    return .sections([("", .record(fields))] + notes.map { ("", .message($0)) })
  }

  /// When the new fact gives a predicate a value no fact of the same date has (`employees
  /// 130` after `employees 120`, both undated): all are kept and shown as sources that
  /// disagree; say so, and (for one earlier fact) the correction that would have replaced it.
  static func disagreement(_ key: String, _ node: Node, _ call: Call, _ session: Session) throws -> String? {
    let predicate = call[Self.predicate]
    guard let side = FactText.conflicts(try session.store.facts(of: node.id))[predicate],
      let added = side.first(where: { $0.key == key })
    else { return nil }
    // The same claim: date, currency and unit (a restatement in another currency is not one).
    let others = side.filter {
      $0.key != key && $0.key != nil && $0.provenance.asOf == added.provenance.asOf
        && $0.currency == added.currency && $0.unit == added.unit
    }
    guard let first = others.first?.key, !others.contains(where: { $0.rawValue == added.rawValue }) else {
      return nil
    }
    var values: [(String, [String])] = []  // each value once, with its facts' ids
    for fact in others {
      let text = ValueFormat.human(FactText.value(fact))
      if let i = values.firstIndex(where: { $0.0 == text }) {
        values[i].1.append(fact.key!)
      } else {
        values.append((text, [fact.key!]))
      }
    }
    let listed = values.map { "\($0.0) (\($0.1.joinedText(", ")))" }.joinedText(", ")
    let when = added.provenance.asOf.map { "for \($0)" } ?? "without a date"
    let kept =
      "\(node.name) already had \(predicate) \(listed) \(when): \(others.count == 1 ? "both" : "all") are kept, "
      + "as sources that disagree (show \(Shell.quoteIfNeeded(node.key)) --section conflicts)"
    guard others.count == 1 else { return kept + "; fact correct FACT-ID VALUE replaces one of them" }
    let correct =
      "fact correct " + [first, call[Self.value]].map(Shell.quoteIfNeeded).joinedText(" ")
      + (added.provenance.source.map { " --source " + Shell.quoteIfNeeded($0) } ?? "")
      + (added.provenance.quote.map { " --quote " + Shell.quoteIfNeeded($0) } ?? "")
    return kept + "; to replace it instead: undo, then \(correct)"
  }

  /// When a value is kept as text while the entity's other facts of the predicate are
  /// numbers, money or dates (`employees abc` after `employees 120`): say so, with one of them.
  static func typeNote(
    _ parsed: PastedValue, _ text: String, _ node: Node, _ predicate: String, _ session: Session
  ) throws -> String? {
    guard parsed.type == "text" else { return nil }
    let typed = try session.store.facts(of: node.id, predicate: predicate).first { $0.valueType != "text" }
    guard let typed else { return nil }
    let kind = ["money": "money", "percent": "a percentage", "date": "a date"][typed.valueType] ?? "a number"
    return
      "'\(text)' is kept as text, while \(node.name)'s \(predicate) is \(kind) elsewhere "
      + "(\(ValueFormat.human(FactText.value(typed)))): if the source gives \(kind), undo and add it as one"
  }

  /// The fact's id, derived from what it states (entity, predicate, value, date, source), so the
  /// same statement gets the same id on every machine and is not added twice.
  static func key(_ entity: String, _ predicate: String, _ v: PastedValue, _ p: Provenance) -> String {
    Sourcing.key(
      "UF-",
      [entity, predicate, v.type, v.value, v.currency ?? "", v.unit ?? "", p.asOf ?? "", p.source ?? ""])
  }

  static func payload(_ d: FactDraft, original: String, entity: String) -> Value {
    var map: [String: Value] = [
      "key": .string(d.key ?? ""), "entity": .string(entity), "predicate": .string(d.predicate),
      "type": .string(d.valueType),
      "value": .string(d.value), "original": .string(original),
    ]
    let optional: [(String, String?)] = [
      ("currency", d.currency), ("unit", d.unit), ("qualifier", d.qualifier), ("as_of", d.provenance.asOf),
      ("source", d.provenance.source), ("quote", d.provenance.quote), ("status", d.provenance.status),
      ("note", d.note),
    ]
    for (name, value) in optional { if let value { map[name] = .string(value) } }
    return .map(map)
  }
}
