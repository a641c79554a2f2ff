import Synchronization

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
  case predicate
  case factId
  /// Values a plugin supplies at run time (`Session.completionProviders[name]`), such as the
  /// pricing plugin's plan and model names.
  case dynamic(String)
  /// Plugin names (`plugin remove`, `plugin reload`).
  case plugin
  /// The columns of the table piped in (`| sort`, `| where`), as this session last saw them.
  case column
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

extension Argument {
  /// The declaration behind this legacy description.
  var spec: ParameterSpec {
    var type = ParameterType(completion)
    if case .choice = type { type = .text }
    var spec = ParameterSpec(
      name: name, type: type, role: .positional(optional: isOptional, variadic: isVariadic), help: help)
    switch completion {
    case .values, .dynamic, .plugin, .column: spec.completionOverride = completion
    default: break
    }
    return spec
  }

  init(_ spec: ParameterSpec) {
    guard case .positional(let optional, let variadic) = spec.role else {
      preconditionFailure("not positional")
    }
    self.init(spec.name, spec.help, completion: spec.completion, optional: optional, variadic: variadic)
  }
}

extension ParameterType {
  /// The type a legacy completion hint stands for.
  init(_ hint: CompletionHint) {
    switch hint {
    case .entity: self = .entity
    case .label: self = .label
    case .relationType: self = .relationType
    case .file: self = .file
    case .command: self = .command
    case .variable: self = .variable
    case .predicate: self = .predicate
    case .factId: self = .factId
    case .values(let values): self = .choice(values)
    case .none, .dynamic, .plugin, .column: self = .text
    }
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

extension Flag {
  /// The declaration behind this legacy description.
  var spec: ParameterSpec {
    let type: ParameterType
    switch kind {
    case .bool: type = .toggle
    case .int: type = .integer()
    case .choice(let values): type = .choice(values)
    case .string:
      let hinted = ParameterType(completion)
      if case .choice = hinted { type = .text } else { type = hinted }
    }
    var spec = ParameterSpec(
      name: name, type: type, role: .option, help: help, defaultValue: defaultValue.map { .string($0) })
    if kind == .int, let d = defaultValue, let n = Int64(d) { spec.defaultValue = .int(n) }
    switch completion {
    case .values, .dynamic, .plugin, .column: spec.completionOverride = completion
    default: break
    }
    return spec
  }

  init(_ spec: ParameterSpec) {
    let kind: FlagKind
    switch spec.type {
    case .toggle: kind = .bool
    case .integer: kind = .int
    case .choice(let values): kind = .choice(values)
    default: kind = .string
    }
    self.init(spec.name, spec.help, kind: kind, default: spec.defaultText, completion: spec.completion)
  }
}

/// A runnable example. The shared example test runs every example of every built-in command
/// and compares its structured result (the `--format json` document) with a reviewed snapshot
/// in Tests/Examples/; `expect`, when given, must also appear in the table rendering.
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
///
/// The parameters and examples are made at their first use, not when the command is made:
/// every start registers every built-in command by its names, and making all their
/// parameters (each command's static `Param`s) and examples cost a one-shot `kgsh -c` 0.34M
/// instructions and a few dozen page faults for commands it never runs.
public struct Signature: Sendable {
  public var name: String
  public var aliases: [String]
  public var summary: String
  public var help: String
  /// The command takes the rest of the statement as raw text (query languages).
  public var takesRawText: Bool
  /// The command changes the knowledge base (refused under --read-only).
  public var writes: Bool
  /// Flags people give this command that belong elsewhere, with what to write instead
  /// (`source add --quote`: a fact carries the quote).
  public var misplacedFlags: [String: String] = [:]
  private var details: SignatureDetails

  /// Every parameter, positionals in order and options, each declared once.
  public var parameters: [ParameterSpec] {
    get { details.value.parameters }
    set {
      let examples = self.examples
      details = SignatureDetails { (newValue, examples) }
    }
  }

  public var examples: [Example] {
    get { details.value.examples }
    set {
      let parameters = self.parameters
      details = SignatureDetails { (parameters, newValue) }
    }
  }

  /// A signature from typed parameter declarations (`Param`s of the command).
  public init(
    _ name: String, aliases: [String] = [], summary: String,
    parameters: @autoclosure @escaping @Sendable () -> [ParameterSpec],
    help: String = "", examples: @autoclosure @escaping @Sendable () -> [Example] = [],
    takesRawText: Bool = false, writes: Bool = false, misplacedFlags: [String: String] = [:]
  ) {
    self.name = name
    self.aliases = aliases
    self.summary = summary
    self.details = SignatureDetails { (parameters(), examples()) }
    self.help = help
    self.takesRawText = takesRawText
    self.writes = writes
    self.misplacedFlags = misplacedFlags
  }

  public init(
    _ name: String, aliases: [String] = [], summary: String,
    arguments: @autoclosure @escaping @Sendable () -> [Argument] = [],
    flags: @autoclosure @escaping @Sendable () -> [Flag] = [],
    help: String = "", examples: @autoclosure @escaping @Sendable () -> [Example] = [],
    takesRawText: Bool = false, writes: Bool = false
  ) {
    self.name = name
    self.aliases = aliases
    self.summary = summary
    self.details = SignatureDetails { (arguments().map(\.spec) + flags().map(\.spec), examples()) }
    self.help = help
    self.takesRawText = takesRawText
    self.writes = writes
  }

  /// The positional arguments, in order.
  public var arguments: [Argument] { parameters.filter { !$0.isOption }.map(Argument.init) }

  /// The `--name` options and switches.
  public var flags: [Flag] { parameters.filter(\.isOption).map(Flag.init) }

  /// The declaration of a parameter by name.
  public func parameter(_ name: String) -> ParameterSpec? { parameters.first { $0.name == name } }

  /// `show ENTITY [--format F]` style usage line.
  public var usage: String {
    var parts = [name]
    for a in arguments {
      var word = a.name.uppercased()
      if a.isVariadic { word += "..." }
      parts.append(a.isOptional ? "[\(word)]" : word)
    }
    for p in parameters where p.isOption {
      let word = p.isToggle ? "--\(p.name)" : "--\(p.name) \(p.type.placeholder(for: p.name))"
      parts.append(p.repeatable ? "[\(word)]..." : "[\(word)]")
    }
    return parts.joinedText(" ")
  }
}

/// A signature's parameters and examples, made by `make` at the first read and kept (shared
/// by the copies of the signature; a signature that changes them gets a new box). The lock
/// makes the first read safe from any thread (the MCP server runs calls on its own queue).
final class SignatureDetails: Sendable {
  private enum State {
    case pending(@Sendable () -> ([ParameterSpec], [Example]))
    case made(parameters: [ParameterSpec], examples: [Example])
  }
  private let state: Mutex<State>

  init(_ make: @escaping @Sendable () -> ([ParameterSpec], [Example])) { state = Mutex(.pending(make)) }

  var value: (parameters: [ParameterSpec], examples: [Example]) {
    state.withLock { state in
      switch state {
      case .made(let parameters, let examples): return (parameters, examples)
      case .pending(let make):
        let (parameters, examples) = make()
        state = .made(parameters: parameters, examples: examples)
        return (parameters, examples)
      }
    }
  }
}
