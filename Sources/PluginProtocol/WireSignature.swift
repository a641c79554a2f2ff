/// What a plugin command declares: the same model as kgsh's built-in commands (name,
/// summary, arguments, flags, completion hints, examples), as JSON.
///
/// ```json
/// {"name": "news", "summary": "Dated news about an entity",
///  "arguments": [{"name": "entity", "help": "a company", "completion": "entity"}],
///  "flags": [{"name": "limit", "help": "at most N items", "kind": "int", "default": "10"}],
///  "examples": [{"command": "news 智谱", "description": "Zhipu's news", "expect": "listing"}]}
/// ```
public struct WireSignature: Codable, Sendable, Equatable {
  public var name: String
  public var summary: String
  public var help: String?
  public var aliases: [String]?
  public var arguments: [WireArgument]?
  public var flags: [WireFlag]?
  public var examples: [WireExample]?
  /// The command changes the knowledge base (needs the `write` feature; refused under --read-only).
  public var writes: Bool?

  public init(
    _ name: String, summary: String, arguments: [WireArgument] = [], flags: [WireFlag] = [],
    help: String? = nil, examples: [WireExample] = [], aliases: [String] = [], writes: Bool = false
  ) {
    self.name = name
    self.summary = summary
    self.help = help
    self.aliases = aliases.isEmpty ? nil : aliases
    self.arguments = arguments
    self.flags = flags
    self.examples = examples
    self.writes = writes ? true : nil
  }
}

/// A completion hint: `"entity"`, `"label"`, `"relation"`, `"file"`, `"command"`,
/// `"variable"`, `"none"`, or a list of fixed values.
public enum WireCompletion: Codable, Sendable, Equatable {
  case none, entity, label, relation, file, command, variable
  case values([String])

  static let names: [String: WireCompletion] = [
    "none": .none, "entity": .entity, "label": .label, "relation": .relation, "file": .file,
    "command": .command, "variable": .variable,
  ]

  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let values = try? c.decode([String].self) {
      self = .values(values)
      return
    }
    let name = try c.decode(String.self)
    guard let hint = WireCompletion.names[name] else {
      throw DecodingError.dataCorruptedError(
        in: c,
        debugDescription:
          "unknown completion '\(name)' (use entity, label, relation, file, command, variable, none or a list)"
      )
    }
    self = hint
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    if case .values(let values) = self {
      try c.encode(values)
    } else {
      try c.encode(WireCompletion.names.first { $0.value == self }!.key)
    }
  }
}

/// A positional argument.
public struct WireArgument: Codable, Sendable, Equatable {
  public var name: String
  public var help: String?
  public var completion: WireCompletion?
  public var optional: Bool?
  /// Takes all remaining words.
  public var variadic: Bool?

  public init(
    _ name: String, _ help: String, completion: WireCompletion = .none, optional: Bool = false,
    variadic: Bool = false
  ) {
    self.name = name
    self.help = help
    self.completion = completion == .none ? nil : completion
    self.optional = optional ? true : nil
    self.variadic = variadic ? true : nil
  }
}

/// A flag `--name VALUE` (or `--name` for a switch). `kind` is bool, int, string or choice.
public struct WireFlag: Codable, Sendable, Equatable {
  public var name: String
  public var help: String?
  public var kind: String?
  /// The allowed values of a `choice` flag.
  public var choices: [String]?
  public var `default`: String?
  public var completion: WireCompletion?

  public static let kinds = ["bool", "int", "string", "choice"]

  public init(
    _ name: String, _ help: String, kind: String = "string", choices: [String]? = nil,
    default defaultValue: String? = nil, completion: WireCompletion = .none
  ) {
    self.name = name
    self.help = help
    self.kind = kind
    self.choices = choices
    self.default = defaultValue
    self.completion = completion == .none ? nil : completion
  }
}

/// A runnable example; `expect` is text its table output must contain.
public struct WireExample: Codable, Sendable, Equatable {
  public var command: String
  public var description: String?
  public var expect: String?

  public init(_ command: String, _ description: String, expect: String? = nil) {
    self.command = command
    self.description = description
    self.expect = expect
  }
}
