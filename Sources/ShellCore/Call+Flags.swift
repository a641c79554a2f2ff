// Flags that are not the command's: names of its arguments, other tools' words, values
// written as flags.
import KnowledgeGraph

extension Call {
  /// Two values of a flag that name one thing: labels, relation types and predicates are
  /// matched in any case (`--rel INVESTS_IN --rel invests_in`).
  static func sameName(_ a: Value?, _ b: Value, _ type: ParameterType) -> Bool {
    switch type {
    case .label, .relationType, .predicate:
      return a?.plainText.lowercased() == b.plainText.lowercased()
    default: return false
    }
  }

  /// Whether `--name` names the positional parameter `spec`: the same word in any case, one
  /// or many of it (`--model` for MODELS, `--entities` for ENTITY).
  static func names(_ name: String, _ spec: ParameterSpec) -> Bool {
    func one(_ w: String) -> String {
      w.hasSuffix("ies") ? w.dropLast(3) + "y" : w.hasSuffix("s") ? String(w.dropLast()) : w
    }
    return one(spec.name.lowercased()) == one(name.lowercased())
  }

  /// The argument `--name` names (`list --label Company`, `show --entity Zhipu`, `cost
  /// --model GLM-4.6`, `path --from A --to B`): its value is read as that argument.
  static func argument(named name: String, _ signature: Signature) -> ParameterSpec? {
    signature.parameters.first { !$0.isOption && names(name, $0) }
  }

  /// The words with the arguments given by name put in their places: each argument in
  /// order takes its named values, or else the next word (a variadic one, the rest).
  static func placing(
    _ named: [String: [(text: String, value: Value)]], among words: [(text: String, value: Value)],
    _ parameters: [ParameterSpec]
  ) -> [(text: String, value: Value)] {
    var rest = words[...]
    var placed: [(text: String, value: Value)] = []
    for spec in parameters where !spec.isOption {
      if let given = named[spec.name] {
        placed += given
      } else if case .positional(_, true) = spec.role {
        placed += rest
        rest = []
      } else if let word = rest.first {
        placed.append(word)
        rest = rest.dropFirst()
      }
    }
    return placed + rest
  }

  /// `sort: unknown flag --desc`, with the nearest flag, or, when the word is a value an
  /// argument takes (`sort count desc`), how to write it.
  static func unknownFlag(_ name: String, _ signature: Signature) -> KgshError {
    if let instead = signature.misplacedFlags[name.lowercased()] {
      return KgshError(.usage, "\(signature.name): unknown flag --\(name)", hint: instead)
    }
    let options = signature.parameters.filter(\.isOption).map(\.name)
    var near = Names.suggestions(for: name, among: options, limit: 1)
    if near.isEmpty, let meant = flagSynonyms[name.lowercased()]?.first(where: options.contains) {
      near = [meant]
    }
    if near.isEmpty, let hint = signature.choiceArgumentHint(name, without: "--") {
      return KgshError(.usage, "\(signature.name): unknown flag --\(name)", hint: hint)
    }
    // `cost --limit 3`: a command without --limit still has its rows cut by a pipeline.
    if near.isEmpty, ["limit", "top", "head", "first", "n"].contains(name.lowercased()),
      !signature.writes
    {
      return KgshError(
        .usage, "\(signature.name): unknown flag --\(name)",
        hint: "\(signature.name) has no --limit; keep the first rows with | first N")
    }
    // `list --label Company`: the flag names one of the command's arguments, which is written
    // without a flag.
    if near.isEmpty, let argument = signature.parameters.first(where: { !$0.isOption && names(name, $0) }) {
      let placeholder = argument.name.uppercased()
      return KgshError(
        .usage, "\(signature.name): unknown flag --\(name)",
        hint: "write the \(placeholder) without --\(name); usage: \(signature.usage)")
    }
    return KgshError.unknownFlag(signature.name, name, suggestions: near, usage: signature.usage)
  }

  /// Words other tools use for kgsh's flags (`--hops` for `--depth`, `--type` for `--rel`), each
  /// with the flags it may mean, nearest first; a command suggests the first it has.
  static let flagSynonyms: [String: [String]] = [
    "hops": ["depth", "max-length"], "hop": ["depth", "max-length"], "max-depth": ["depth", "max-length"],
    "distance": ["depth", "max-length"], "depth": ["max-length"], "length": ["max-length"],
    "type": ["rel", "label", "kind"], "types": ["rel"], "relation": ["rel"], "rel-type": ["rel"],
    "edge": ["rel"], "rel": ["type"],
    "at": ["as-of"], "date": ["as-of", "published"], "asof": ["as-of"], "published-on": ["published"],
    "pubdate": ["published"], "link": ["url"], "href": ["url"], "name": ["title"],
    "top": ["limit"], "max": ["limit", "max-length"],
    "direction": ["dir"], "kind": ["label"],
    "since": ["from"], "from": ["since"], "after": ["since", "from"], "until": ["to"], "before": ["to"],
    "attribute": ["predicate"], "attr": ["predicate"], "property": ["predicate"],
    "provider": ["vendor"], "seller": ["vendor"], "company": ["vendor"],
  ]

  /// `export --format svg`: the shell's `--format` takes only output formats; when the
  /// command has an argument that takes the word (export's FORMAT), say how to write it.
  static func unknownFormat(_ value: String, _ signature: Signature) -> KgshError {
    let error = KgshError.unknownFormat(value, formats: OutputFormat.names)
    guard error.suggestions.isEmpty, let hint = signature.choiceArgumentHint(value, without: "--format")
    else { return error }
    return KgshError(.usage, "\(signature.name): --format takes an output format, not '\(value)'", hint: hint)
  }
}

extension Signature {
  /// The flag that takes a word given without one (`show Zhipu facts`: `--section`, `timeline
  /// Zhipu 2025`: `--from`, `neighbors Zhipu 2`: `--depth`): the first option not yet given whose
  /// type accepts it, a predicate or relation type only when the word is written like one
  /// (`revenue`, `INVESTS_IN`); nil when none does.
  func optionTaking(_ word: String, given: [String: Value]) -> String? {
    let snake = word.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } && word.first?.isLetter == true
    let upper = word.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" } && word.first?.isLetter == true
    for spec in parameters where spec.isOption && given[spec.name] == nil {
      let fits: Bool
      switch spec.type {
      case .choice, .date, .integer, .decimal, .tokenCount, .duration:
        fits = (try? spec.type.parse(word, name: spec.name, command: name)) != nil
      case .predicate: fits = snake
      case .relationType: fits = upper
      default: fits = false
      }
      if fits { return "--" + spec.name }
    }
    return nil
  }

  /// "write desc without --: it is the ORDER in sort COLUMN [ORDER]" when `word` is a value of
  /// one of the command's choice arguments; nil otherwise.
  func choiceArgumentHint(_ word: String, without written: String) -> String? {
    for spec in parameters where !spec.isOption {
      var values: [String] = []
      if case .choice(let choices) = spec.type { values = choices }
      if case .values(let offered)? = spec.completionOverride { values = offered }
      guard let value = values.first(where: { $0.lowercased() == word.lowercased() }) else { continue }
      return "write \(value) without \(written): it is the \(spec.name.uppercased()) in \(usage)"
    }
    return nil
  }
}
