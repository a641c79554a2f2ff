/// What a value in a command line stands for, so completion can offer the right words.
public enum CompletionHint: Sendable, Equatable {
  case none
  case entity
  case label
  case relationType
  case file
  case command
  case variable
  case values([String])
}

/// A positional argument of a command.
public struct Argument: Sendable {
  public var name: String
  public var help: String
  public var completion: CompletionHint
  public var isOptional: Bool
  /// Takes all remaining words.
  public var isVariadic: Bool

  public init(
    _ name: String, _ help: String, completion: CompletionHint = .none, optional: Bool = false,
    variadic: Bool = false
  ) {
    self.name = name
    self.help = help
    self.completion = completion
    self.isOptional = optional
    self.isVariadic = variadic
  }
}

/// The type of a flag's value.
public enum FlagKind: Sendable, Equatable {
  /// A switch without a value.
  case bool
  case int
  case string
  case choice([String])
}

/// A named option `--name VALUE` (or `--name` for a switch).
public struct Flag: Sendable {
  public var name: String
  public var help: String
  public var kind: FlagKind
  public var defaultValue: String?
  public var completion: CompletionHint

  public init(
    _ name: String, _ help: String, kind: FlagKind = .string, default defaultValue: String? = nil,
    completion: CompletionHint = .none
  ) {
    self.name = name
    self.help = help
    self.kind = kind
    self.defaultValue = defaultValue
    self.completion = completion
  }
}

/// A runnable example; the shared example test runs it and checks the output contains `expect`.
public struct Example: Sendable {
  public var command: String
  public var description: String
  /// Text the rendered (plain table) output must contain.
  public var expect: String?

  public init(_ command: String, _ description: String, expect: String? = nil) {
    self.command = command
    self.description = description
    self.expect = expect
  }
}

/// Everything the shell knows about a command without running it: help, completion and
/// argument parsing are all generated from this.
public struct Signature: Sendable {
  public var name: String
  public var aliases: [String]
  public var summary: String
  public var arguments: [Argument]
  public var flags: [Flag]
  public var help: String
  public var examples: [Example]
  /// The command takes the rest of the statement as raw text (query languages).
  public var takesRawText: Bool
  /// The command changes the knowledge base (refused under --read-only).
  public var writes: Bool
  /// The raw text includes the rest of the statement, pipes and all (`let x = find GLM | count`).
  public var takesPipeline: Bool

  public init(
    _ name: String, aliases: [String] = [], summary: String, arguments: [Argument] = [], flags: [Flag] = [],
    help: String = "", examples: [Example] = [], takesRawText: Bool = false, writes: Bool = false,
    takesPipeline: Bool = false
  ) {
    self.takesPipeline = takesPipeline
    self.name = name
    self.aliases = aliases
    self.summary = summary
    self.arguments = arguments
    self.flags = flags
    self.help = help
    self.examples = examples
    self.takesRawText = takesRawText
    self.writes = writes
  }

  /// `show ENTITY [--format F]` style usage line.
  public var usage: String {
    var parts = [name]
    for a in arguments {
      var word = a.name.uppercased()
      if a.isVariadic { word += "..." }
      parts.append(a.isOptional ? "[\(word)]" : word)
    }
    for f in flags {
      switch f.kind {
      case .bool: parts.append("[--\(f.name)]")
      case .choice(let values): parts.append("[--\(f.name) \(values.joined(separator: "|"))]")
      default: parts.append("[--\(f.name) \(f.kind == .int ? "N" : f.name.uppercased())]")
      }
    }
    return parts.joined(separator: " ")
  }
}
