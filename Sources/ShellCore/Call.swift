import KnowledgeGraph

/// A parsed invocation of a command: its positional arguments, flags and pipeline input.
///
/// `run` reads typed values through the command's declarations: `call[Self.limit]` is the
/// checked value or the declared default.
public struct Call: Sendable {
  /// The typed value of a declared parameter (its default when it was not given).
  @inlinable
  public subscript<T: ParameterValue>(_ parameter: Param<T>) -> T {
    parameter.read(values[parameter.spec.name])
  }

  /// Whether a parameter was given on the command line (not defaulted).
  public func given<T>(_ parameter: Param<T>) -> Bool { values[parameter.spec.name] != nil }

  public var name: String
  public var arguments: [String]
  /// The arguments as values: a `$var` alone in a word keeps its structured value.
  public var argumentValues: [Value]
  public var flags: [String: String]
  /// The raw text after the command word (for raw-text commands).
  public var rawText: String
  /// The previous stage's output in a pipeline.
  public var input: Output?
  public let signature: Signature
  /// The checked value of every parameter that was given, by parameter name.
  public var values: [String: Value] = [:]

  /// Binds words to a signature: `--flag value`, `--flag=value`, switches, positionals.
  /// - Throws: `KgshError` for unknown flags (with a suggestion), missing values, bad
  ///   integers and missing or extra arguments.
  /// - Parameter isName: whether a text names an entity; when given, the words of a command
  ///   whose arguments are one or two entities are read as names when only one reading fits
  ///   (`show Zhipu AI` is `show "Zhipu AI"`; see `entityNames`).
  public static func bind(
    _ words: [(text: String, value: Value, quoted: Bool)], to signature: Signature, rawText: String,
    input: Output?, isName: ((String) -> Bool)? = nil
  ) throws -> Call {
    var arguments: [String] = []
    var values: [Value] = []
    var flags: [String: String] = [:]
    let parameters = signature.parameters
    var typed: [String: Value] = [:]
    typed.reserveCapacity(parameters.count)
    var named: [String: [(text: String, value: Value)]] = [:]
    var i = 0
    while i < words.count {
      let word = words[i]
      if !word.quoted, word.text == "--" {
        // `--` ends the flags: every word after it is an argument (`plugin add --mcp -- npx -y server`).
        for rest in words[(i + 1)...] {
          arguments.append(rest.text)
          values.append(rest.value)
        }
        break
      }
      if !word.quoted, word.text.utf8.count > 2, word.text.utf8.starts(with: "--".utf8) {
        // Searched as bytes: both marks are ASCII, and a Character search costs far more.
        var name = String(Substring(word.text.utf8.dropFirst(2)))
        var inline: String?
        if let eq = name.utf8.firstIndex(of: UInt8(ascii: "=")) {
          inline = String(name[name.utf8.index(after: eq)...])
          name = String(name[..<eq])
        }
        guard let spec = signature.parameter(name), spec.isOption else {
          if let argument = Self.argument(named: name, signature), inline != nil || i + 1 < words.count {
            // An argument given by its name: read as if written in its place, without the flag.
            if let inline {
              named[argument.name, default: []].append((inline, .string(inline)))
            } else {
              i += 1
              named[argument.name, default: []].append((words[i].text, words[i].value))
            }
            i += 1
            continue
          }
          throw Self.unknownFlag(name, signature)
        }
        try bindOption(spec, inline: inline, words, at: &i, signature, typed: &typed, flags: &flags)
      } else {
        arguments.append(word.text)
        values.append(word.value)
      }
      i += 1
    }
    if !named.isEmpty {
      let placed = Self.placing(named, among: Array(zip(arguments, values)).map { ($0, $1) }, parameters)
      arguments = placed.map(\.text)
      values = placed.map(\.value)
    }
    if !signature.takesRawText {
      if let isName, let names = entityNames(arguments, values, parameters, isName) {
        arguments = names
        values = names.map(Value.string)
      } else if let isName, let separate = separateNames(arguments, parameters, isName) {
        // `show Zhipu MiniMax`: each word names an entity of its own.
        throw KgshError(
          .usage,
          "\(signature.name): one entity at a time; \(separate.map { "'\($0)'" }.joinedText(" and ")) name "
            + ["two", "three", "four"][separate.count - 2],
          hint: "run " + separate.map { "\(signature.name) \(Shell.quoteIfNeeded($0))" }.joinedText(", then ")
        )
      }
      try bindPositionals(
        arguments, values, to: signature, parameters, columns: input?.asTable?.columns, into: &typed)
    }
    return Call(
      name: signature.name, arguments: arguments, argumentValues: values, flags: flags, rawText: rawText,
      input: input, signature: signature, values: typed)
  }

  /// One `--name value`, `--name=value` or switch: its typed value, and its text in `flags`.
  /// `i` moves past a value given as the next word.
  private static func bindOption(
    _ spec: ParameterSpec, inline: String?, _ words: [(text: String, value: Value, quoted: Bool)],
    at i: inout Int, _ signature: Signature, typed: inout [String: Value], flags: inout [String: String]
  ) throws {
    let name = spec.name
    if spec.isToggle {
      let value = try spec.type.parse(inline ?? "true", name: name, command: signature.name)
      flags[name] = value.plainText
      typed[name] = value
      return
    }
    let value: String
    if let inline {
      value = inline
    } else {
      guard i + 1 < words.count else {
        throw KgshError.usage("\(signature.name): --\(name) needs \(spec.type.expectation)", signature)
      }
      i += 1
      value = words[i].text
    }
    let parsed = try spec.type.parse(value, name: name, command: signature.name)
    // `--input 1 million`: the scale as a word of its own would be taken for an argument.
    if case .tokenCount = spec.type, inline == nil, i + 1 < words.count,
      let scale = TokenCounts.scaleWords[words[i + 1].text.lowercased()]
    {
      let what = scale.isEmpty ? "the count is in tokens already" : "the scale is part of the number"
      throw KgshError(
        .usage, "\(signature.name): --\(name) \(value) \(words[i + 1].text): \(what)",
        hint: "write --\(name) \(value)\(scale)")
    }
    // The same name again in another case keeps the first spelling.
    if !spec.repeatable, flags[name] != nil, Self.sameName(typed[name], parsed, spec.type) { return }
    if !spec.repeatable, let earlier = flags[name], typed[name] != parsed {
      // `--rel INVESTS_IN --rel DEVELOPS`: the second would silently replace the first.
      let together = spec.help.contains("comma-separated")
      throw KgshError(
        .usage, "\(signature.name): --\(name) is given twice (\(earlier), then \(value)); it takes one value",
        hint: together ? "give them together: --\(name) \(earlier),\(value)" : "keep the one you mean")
    }
    if spec.repeatable, case .list(let earlier)? = typed[name] {
      typed[name] = .list(earlier + [parsed])
    } else {
      typed[name] = spec.repeatable ? .list([parsed]) : parsed
    }
    if case .choice = spec.type { flags[name] = parsed.plainText } else { flags[name] = value }
  }

  /// The names in the words, when the command's arguments are one or two entities and more
  /// words were given: all of them joined (`show Zhipu AI`), or for two entities the one split
  /// of the words into two names that each name an entity (`path Zhipu AI MiniMax`); nil when
  /// no reading, or more than one, fits.
  static func entityNames(
    _ words: [String], _ values: [Value], _ parameters: [ParameterSpec], _ isName: (String) -> Bool
  ) -> [String]? {
    let positional = parameters.filter { !$0.isOption }
    guard (1...2).contains(positional.count), words.count > positional.count,
      positional.allSatisfy({ spec in
        guard spec.type == .entity, case .positional(false, false) = spec.role else { return false }
        return true
      }),
      values.allSatisfy({ if case .string = $0 { true } else { false } }),
      !words.contains(where: { $0.hasPrefix("-") })
    else { return nil }
    if positional.count == 1 {
      let joined = words.joined(separator: " ")
      return isName(joined) ? [joined] : nil
    }
    let splits = (1..<words.count).map {
      [words[..<$0].joined(separator: " "), words[$0...].joined(separator: " ")]
    }.filter { $0.allSatisfy(isName) }
    return splits.count == 1 ? splits[0] : nil
  }

  /// The words, when the command takes one entity, two to four words were given, they do
  /// not name one together and each names an entity; nil otherwise.
  static func separateNames(_ words: [String], _ parameters: [ParameterSpec], _ isName: (String) -> Bool)
    -> [String]?
  {
    let positional = parameters.filter { !$0.isOption }
    guard positional.count == 1, positional[0].type == .entity,
      case .positional(false, false) = positional[0].role,
      (2...4).contains(words.count), !words.contains(where: { $0.hasPrefix("-") }),
      !isName(words.joined(separator: " ")), words.allSatisfy(isName)
    else { return nil }
    return words
  }

  /// Checks the positional words against the declarations: count, then each value's type.
  static func bindPositionals(
    _ words: [String], _ values: [Value], to signature: Signature, _ parameters: [ParameterSpec],
    columns: [String]? = nil, into typed: inout [String: Value]
  ) throws {
    /// A missing column of the table piped in (`| sort`) names the columns it has.
    func missing(_ spec: ParameterSpec, _ message: String) -> KgshError {
      guard spec.completion == .column, let columns, !columns.isEmpty else {
        return .usage(message, signature)
      }
      return KgshError(
        .usage, message, hint: "the table's columns: \(columns.joinedText(", ")); usage: \(signature.usage)")
    }
    var index = 0
    var last: ParameterSpec?  // the parameter the last bound word went to
    for spec in parameters {
      guard case .positional(let optional, let variadic) = spec.role else { continue }
      if variadic {
        let rest = Array(words[min(index, words.count)...])
        guard rest.count >= spec.minimumCount else {
          let what = spec.name.uppercased()
          throw missing(
            spec,
            spec.minimumCount == 1
              ? "\(signature.name): missing \(what)"
              : "\(signature.name): give at least \(spec.minimumCount) \(what)")
        }
        var pairs = Array(zip(rest, values[min(index, values.count)...]))
        // `fx convert 100 USD to CNY`: the word between two currencies is not one.
        if spec.type == .currency, pairs.count > 1 {
          pairs.removeAll { Currencies.connectives.contains($0.0.lowercased()) }
        }
        typed[spec.name] = .list(try pairs.map { try typedWord($0, $1, spec, signature) })
        index = words.count
        continue
      }
      guard index < words.count else {
        if optional { continue }
        throw missing(spec, "\(signature.name): missing \(spec.name.uppercased())")
      }
      typed[spec.name] = try typedWord(words[index], values[index], spec, signature)
      last = spec
      index += 1
    }
    if index < words.count {
      let word = words[index]
      if word.hasPrefix("-"), Double(word) == nil {
        let options = signature.parameters.filter(\.isOption).map { "--" + $0.name }
        throw KgshError(
          .usage, "\(signature.name): '\(word)' is not a flag of \(signature.name)",
          hint: options.isEmpty
            ? "\(signature.name) takes no flags"
            : "flags are written in full: \(options.joinedText(", "))")
      }
      let hint = extraArgumentHint(words, at: index, after: last, signature, typed: typed)
      throw KgshError(.usage, "\(signature.name): unexpected argument '\(words[index])'", hint: hint)
    }
  }

  /// What to write instead of a word no parameter takes: the flag it may be the value of, a
  /// file written through `| save`, two names without a word between them, or the usage.
  private static func extraArgumentHint(
    _ words: [String], at index: Int, after last: ParameterSpec?, _ signature: Signature,
    typed: [String: Value]
  ) -> String {
    let word = words[index]
    let parameters = signature.parameters
    let takesText = parameters.contains { !$0.isOption && [.text, .entity].contains($0.type) }
    var hint =
      !takesText
      ? "usage: \(signature.usage)"
      : "quote a name with spaces (\"Zhipu AI\"); usage: \(signature.usage)"
    if let last, index > 0, [.text, .entity].contains(last.type) {
      // `fact add 智谱 revenue 1.2bn CNY`: the words after the last argument continue it.
      let phrase = words[(index - 1)...].joinedText(" ")
      let what = last.type == .entity ? "a name with spaces" : "the \(last.name.uppercased()) as one word"
      hint = "quote \(what): \"\(phrase)\"; usage: \(signature.usage)"
    }
    if let flag = signature.optionTaking(word, given: typed) {
      hint = "did you mean \(flag) \(word)? usage: \(signature.usage)"
    } else if word.hasPrefix(">"), !word.hasPrefix(">=") {
      // A Unix shell's redirection (`> out.csv`, `>>log.txt`): kgsh writes a table to a
      // file through a pipe.
      let attached = String(word.drop { $0 == ">" })
      let file = attached.isEmpty ? words.dropFirst(index + 1).first ?? "FILE" : attached
      hint =
        "to write the output to a file: \(signature.name) ... | save \(file) (output \(file) sends everything after it there)"
    } else if let joiner = words.first(where: { ["to", "and", "vs", "->", "-"].contains($0.lowercased()) }),
      parameters.filter({ !$0.isOption && $0.type == .entity }).count == 2
    {
      // `path Zhipu to MiniMax`: the two names are written side by side.
      let at = words.firstIndex(of: joiner)!
      let names = [words[..<at], words[(at + 1)...]].map { $0.joinedText(" ") }
        .map { $0.contains(" ") ? "\"\($0)\"" : $0 }
      hint = "write the two names without '\(joiner)': \(signature.name) \(names.joinedText(" "))"
    }
    return hint
  }

  /// A positional word checked by its type; a `$var` that holds a structured value keeps it.
  static func typedWord(_ text: String, _ value: Value, _ spec: ParameterSpec, _ signature: Signature) throws
    -> Value
  {
    if case .string = value {
      return try spec.type.parse(text, name: spec.name, command: signature.name, positional: true)
    }
    if value.isNull {
      return try spec.type.parse(text, name: spec.name, command: signature.name, positional: true)
    }
    return value
  }
}
