import KnowledgeGraph

/// A parsed invocation of a command: its positional arguments, flags and pipeline input.
public struct Call: Sendable {
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

  /// A required positional argument.
  public func argument(_ index: Int) -> String? { index < arguments.count ? arguments[index] : nil }

  /// The value of a string flag, or its default.
  public func flag(_ name: String) -> String? {
    flags[name] ?? signature.flags.first { $0.name == name }?.defaultValue
  }

  /// Whether a switch was given.
  public func has(_ name: String) -> Bool { flags[name] != nil }

  /// An integer flag, validated when the call was bound.
  public func int(_ name: String) -> Int? { flag(name).flatMap { Int($0) } }

  /// A comma-separated flag as a list.
  public func list(_ name: String) -> [String] {
    (flag(name) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty
    }
  }

  /// Binds words to a signature: `--flag value`, `--flag=value`, switches, positionals.
  /// - Throws: `ShellError` for unknown flags (with a suggestion), missing values, bad
  ///   integers and missing or extra arguments.
  public static func bind(
    _ words: [(text: String, value: Value, quoted: Bool)], to signature: Signature, rawText: String,
    input: Output?
  ) throws -> Call {
    var arguments: [String] = []
    var values: [Value] = []
    var flags: [String: String] = [:]
    var i = 0
    while i < words.count {
      let word = words[i]
      if !word.quoted, word.text.hasPrefix("--"), word.text.count > 2 {
        var name = String(word.text.dropFirst(2))
        var inline: String?
        if let eq = name.firstIndex(of: "=") {
          inline = String(name[name.index(after: eq)...])
          name = String(name[..<eq])
        }
        guard let flag = signature.flags.first(where: { $0.name == name }) else {
          let near = Names.suggestions(for: name, among: signature.flags.map(\.name))
          throw ShellError(
            "\(signature.name): unknown flag --\(name)",
            hint: near.first.map { "did you mean --\($0)?" } ?? "usage: \(signature.usage)")
        }
        if flag.kind == .bool {
          flags[name] = inline ?? "true"
        } else {
          let value: String
          if let inline {
            value = inline
          } else {
            guard i + 1 < words.count else {
              throw ShellError.usage("\(signature.name): --\(name) needs a value", signature)
            }
            i += 1
            value = words[i].text
          }
          switch flag.kind {
          case .int:
            guard Int(value) != nil else {
              throw ShellError(
                "\(signature.name): --\(name) takes a whole number, not '\(value)'", hint: "e.g. --\(name) 2")
            }
          case .choice(let options):
            guard options.contains(value.lowercased()) else {
              throw ShellError(
                "\(signature.name): --\(name) must be one of \(options.joined(separator: ", ")), not '\(value)'"
              )
            }
          default: break
          }
          flags[name] = flag.kind == .string ? value : value.lowercased()
        }
      } else {
        arguments.append(word.text)
        values.append(word.value)
      }
      i += 1
    }
    let required = signature.arguments.filter { !$0.isOptional }.count
    if arguments.count < required && !signature.takesRawText {
      let missing = signature.arguments[arguments.count].name.uppercased()
      throw ShellError.usage("\(signature.name): missing \(missing)", signature)
    }
    if !signature.takesRawText, !(signature.arguments.last?.isVariadic ?? false),
      arguments.count > signature.arguments.count
    {
      throw ShellError.usage(
        "\(signature.name): unexpected argument '\(arguments[signature.arguments.count])'"
          + (signature.arguments.isEmpty ? "" : " (quote names with spaces)"), signature)
    }
    return Call(
      name: signature.name, arguments: arguments, argumentValues: values, flags: flags, rawText: rawText,
      input: input, signature: signature)
  }
}
