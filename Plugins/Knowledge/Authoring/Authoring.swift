import Foundation
import KnowledgeGraph
import ShellCore

/// Checks shared by the authoring commands, worded once.
enum Authoring {
  /// Keys are letters, digits and `._:-`, without spaces. `example` words the hint from the
  /// key made of what was typed (`Acme AI` -> `acme-ai`), or from nil when nothing of it fits.
  static func checkKey(
    _ key: String, command: String, field: String,
    example: (String?) -> String = { key in
      key.map { "e.g. \($0)" } ?? "e.g. kuaishou or ernie-4.5"
    }
  ) throws {
    guard key.range(of: #"^[A-Za-z0-9][A-Za-z0-9._:-]*$"#, options: .regularExpression) != nil else {
      throw KgshError.invalidValue(
        command, field, expected: "letters, digits, '.', '_', ':' or '-' without spaces", got: key,
        hint: example(keyLike(key)))
    }
  }

  /// A key made of what was typed (`Acme AI` -> `acme-ai`, by `Slug`), starting and ending
  /// with a letter or digit; nil when none is left.
  static func keyLike(_ text: String) -> String? {
    let key = Slug.make(text, asciiOnly: true).trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
    return key.isEmpty ? nil : key
  }

  /// The labels as the knowledge base spells them (`company` -> `Company`); at least one. With
  /// them, a note for each label the knowledge base did not have yet, with the nearest it has
  /// (`new label Compnay (did you mean Company?)`), as link notes a new relation type.
  static func labels(_ given: [String], _ session: Session, command: String) throws
    -> (labels: [String], notes: [String])
  {
    guard !given.isEmpty else {
      throw KgshError(
        .usage, "\(command): --label is required",
        hint: "say what it is: --label Company (or Model, Person...)")
    }
    let known = try session.store.labelCounts().map(\.label)
    let labels = try given.map { label in
      if let same = known.first(where: { $0.lowercased() == label.lowercased() }) { return same }
      guard label.range(of: #"^[A-Za-z][A-Za-z0-9_]*$"#, options: .regularExpression) != nil else {
        throw KgshError.invalidValue(
          command, "--label", expected: "one word of letters and digits", got: label, hint: "e.g. Company")
      }
      return label.prefix(1).uppercased() + label.dropFirst()
    }
    let notes = labels.compactMap { newName("label", $0, among: known) }
    return (labels, notes)
  }

  /// `new label Compnay (did you mean Company?)`: the note for a name of a vocabulary (label,
  /// predicate, relation type) the knowledge base did not have yet, with the nearest it has;
  /// nil when it had it.
  /// Without a near spelling, the names that start with the same word (`context_window`:
  /// the knowledge base says `context_length`).
  static func newName(_ kind: String, _ name: String, among known: [String]) -> String? {
    if known.contains(name) { return nil }
    if let near = Names.suggestions(for: name, among: known, limit: 1).first {
      return "new \(kind) \(name) (did you mean \(near)?)"
    }
    let head = name.lowercased().split(separator: "_").first ?? ""
    let kin =
      name.contains("_") && head.count >= 4
      ? known.filter { $0.lowercased().split(separator: "_").first == head }.sorted() : []
    switch kin.count {
    case 0: return "new \(kind) \(name)"
    case 1: return "new \(kind) \(name) (did you mean \(kin[0])?)"
    default:
      let listed = kin.count > 3 ? kin.prefix(3).joinedText(", ") + "..." : kin.joinedText(", ")
      return "new \(kind) \(name) (the knowledge base has \(listed))"
    }
  }

  /// Refuses a name that already finds an entity: two entities with one name make every
  /// lookup of it ambiguous.
  /// `offersNew`: the command has --new (entity add), so the hint may suggest it.
  static func refuseTaken(_ name: String, _ session: Session, command: String, offersNew: Bool) throws {
    switch try session.store.resolve(name) {
    case .found(let node):
      let last = offersNew ? ", or add --new if it is another entity" : "; one name cannot find two entities"
      throw KgshError(
        .invalidValue, "\(command): '\(name)' already names \(node.name) (\(node.key))",
        hint: "state facts about it with fact add \(node.key) ..., link it with link" + last)
    case .ambiguous(let nodes):
      throw KgshError(
        .invalidValue, "\(command): '\(name)' already names \(nodes.count) entities",
        hint: offersNew
          ? "pick a more specific name, or add --new if it is yet another one" : "pick a more specific name")
    case .notFound: return
    }
  }
}
