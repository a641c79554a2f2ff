import KnowledgeGraph

/// The words of one pipeline stage after its command's name, read in place: variables
/// expanded (a list is one word per item), `--help` noticed, and the global `--format`
/// taken out (unless the command has a --format of its own, or after `--`).
struct StageWords {
  var words: [(text: String, value: Value, quoted: Bool)] = []
  var format: OutputFormat?
  /// `--format`'s value as written.
  var formatGiven: String?
  var wantsHelp = false
}

extension Shell {
  func stageWords(_ stage: Stage, _ signature: Signature, from start: Int) throws -> StageWords {
    var read = StageWords()
    let rest = stage.words
    var i = start
    read.words.reserveCapacity(rest.count - i)
    var flagsEnded = false  // after `--`, --help and --format are arguments too
    while i < rest.count {
      let word = rest[i]
      let literal = word.quoted ? nil : word.literal
      if literal == "--" { flagsEnded = true }
      if !flagsEnded, literal == "--help" {
        read.wantsHelp = true
        return read
      }
      if !flagsEnded, let literal, literal == "--format" || literal.hasPrefix("--format="),
        !signature.flags.contains(where: { $0.name == "format" })
      {
        let value: String
        if literal == "--format" {
          guard i + 1 < rest.count else {
            throw KgshError(
              .usage, "--format needs a value", hint: "one of \(OutputFormat.names.joinedText(", "))")
          }
          value = try expand(rest[i + 1]).text
          i += 1
        } else {
          value = String(literal.dropFirst("--format=".count))
        }
        guard let f = OutputFormat(rawValue: value.lowercased()) else {
          throw Call.unknownFormat(value, signature)
        }
        read.format = f
        read.formatGiven = value
        i += 1
        continue
      }
      let expanded = try expand(word)
      // A list variable, or a column of a table (`$rows.name`), is one word per item, except
      // for a command that takes variables' values (`print $rows.name` prints the list).
      if case .list(let items) = expanded.value,
        !signature.parameters.contains(where: { !$0.isOption && $0.type == .variable })
      {
        for item in items { read.words.append((item.plainText, item, true)) }
      } else {
        read.words.append((expanded.text, expanded.value, word.quoted || literal == nil))
      }
      i += 1
    }
    return read
  }

  /// The call of `command` with the words read; a usage mistake is said as well as the
  /// command or the shell can.
  func bind(_ read: StageWords, _ command: any Command, rawText: String, input: Output?) throws -> Call {
    let signature = command.signature
    do {
      return try Call.bind(read.words, to: signature, rawText: rawText, input: input, isName: isEntityName)
    } catch let error as KgshError where error.kind == .usage || error.kind == .invalidValue {
      // `export --format json`: the output format taken for the command's own argument.
      if let given = read.formatGiven, read.words.isEmpty, let first = signature.arguments.first,
        !first.isOptional, case .values(let values) = first.completion, values.contains(given.lowercased())
      {
        throw error.with(
          hint:
            "--format \(given) sets how the output prints; to give \(given) as \(first.name.uppercased()), "
            + "write \(signature.name) \(given)")
      }
      // `fact retract Zhipu employees`, `head -5`: the command may know what the words meant.
      throw command.refusal(forMisfit: read.words.map(\.text), session) ?? error
    }
  }
}
