import Foundation
import KnowledgeGraph

/// Everything the shell knows about one parameter: how it is written, its type, default and
/// help. Declared once, as a static `Param` of its command; usage, help, completion,
/// validation, the third-party plugin signature and the JSON Schema all read it.
public struct ParameterSpec: Sendable {
  public enum Role: Sendable, Equatable {
    /// A word by position; `optional` may be left out, `variadic` takes all the remaining words.
    case positional(optional: Bool, variadic: Bool)
    /// `--name VALUE` (or `--name` for a `.toggle`).
    case option
  }
  public var name: String
  public var type: ParameterType
  public var role: Role
  public var help: String
  /// The default as the user would type it, for help (nil: no default).
  public var defaultText: String?
  /// The default as a value, handed to `run` when the parameter is not given.
  public var defaultValue: Value?
  /// For variadic positionals: how many words at least.
  public var minimumCount: Int
  /// Completion other than the type's own (values to offer for free text).
  public var completionOverride: CompletionHint?
  /// An option that may be given more than once (`--label Company --label Lab`): `run`
  /// gets every value, in order.
  public var repeatable = false

  /// What completion offers for this parameter.
  public var completion: CompletionHint { completionOverride ?? type.completion }

  public init(
    name: String, type: ParameterType, role: Role, help: String, defaultValue: Value? = nil,
    minimumCount: Int = 0
  ) {
    self.name = name
    self.type = type
    self.role = role
    self.help = help
    self.defaultValue = defaultValue
    self.defaultText = defaultValue.map(\.plainText)
    self.minimumCount = minimumCount
    self.completionOverride = nil
  }

  public var isOption: Bool { role == .option }
  public var isToggle: Bool { type == .toggle }
}

/// A value a parameter can hand to `run`.
public protocol ParameterValue: Sendable {
  /// The value from what binding produced (nil when the parameter was not given and has no default).
  static func from(_ value: Value?) -> Self?
}

extension String: ParameterValue {
  public static func from(_ value: Value?) -> String? { value.flatMap { $0.isNull ? nil : $0.plainText } }
}
extension Int: ParameterValue {
  public static func from(_ value: Value?) -> Int? {
    if case .int(let n)? = value { return Int(n) }
    return value.flatMap { Int($0.plainText) }
  }
}
extension Int64: ParameterValue {
  public static func from(_ value: Value?) -> Int64? {
    if case .int(let n)? = value { return n }
    return value.flatMap { Int64($0.plainText) }
  }
}
extension Double: ParameterValue {
  public static func from(_ value: Value?) -> Double? { value?.number }
}
extension Decimal: ParameterValue {
  public static func from(_ value: Value?) -> Decimal? {
    switch value {
    case .decimal(let d)?: return d
    case .int(let n)?: return Decimal(n)
    default: return nil
    }
  }
}
extension Bool: ParameterValue {
  public static func from(_ value: Value?) -> Bool? {
    if case .bool(let b)? = value { return b }
    return value == nil ? false : nil
  }
}
extension Value: ParameterValue {
  public static func from(_ value: Value?) -> Value? { value }
}
extension Array: ParameterValue where Element: ParameterValue {
  public static func from(_ value: Value?) -> [Element]? {
    switch value {
    case .list(let items)?:
      // A loop, not `compactMap`: called here with an unknown Element, the library's generic
      // version resolves an associated type at run time on its first call (~0.38 M
      // instructions, which every `kgsh -c` paid at its first command).
      var values: [Element] = []
      values.reserveCapacity(items.count)
      for item in items {
        if let value = Element.from(item) { values.append(value) }
      }
      return values
    case nil: return []
    case let v?: return Element.from(v).map { [$0] }
    }
  }
}
extension Optional: ParameterValue where Wrapped: ParameterValue {
  public static func from(_ value: Value?) -> Wrapped?? { .some(Wrapped.from(value)) }
}

/// A typed parameter: declared once as a static property of its command, read in `run` as
/// `call[Self.limit]`, which gives the checked value or the declared default.
///
/// ```swift
/// static let limit = Param.option("limit", .integer(min: 1), default: 20, "rows to show at most")
/// static let type: Param<String?> = .option("type", .relationType, "only this relation type")
/// static let count = Param.toggle("count", "print the number of rows only")
/// ```
///
/// `T` is only a marker (a `Param` holds its spec, never a `T`), so the struct itself has no
/// requirement on it: creating `Param<String>` then needs no run-time lookup of
/// `String: ParameterValue` among all of the program's conformances, which cost every start
/// ~0.4M instructions a parameter type. The methods that read values require it.
public struct Param<T>: Sendable {
  public let spec: ParameterSpec

  init(_ spec: ParameterSpec) { self.spec = spec }

  /// The same parameter, completed with `hint` instead of its type's own completion
  /// (`.dynamic("price-items")` for names a plugin supplies).
  public func completing(_ hint: CompletionHint) -> Param {
    var spec = spec
    spec.completionOverride = hint
    return Param(spec)
  }
}

extension Param where T: ParameterValue {
  /// The value `run` sees. Inlinable, so a command's module reads its parameters through
  /// code specialized for each type: the generic version cost ~1.9K instructions a read
  /// (the `Param<T>` and `Optional<T>` metadata looked up at run time), three reads a `show`.
  @inlinable
  func read(_ value: Value?) -> T {
    if let v = T.from(value ?? spec.defaultValue) { return v }
    Self.misfit(spec.name, value)
  }

  /// Only a declaration error gets here (a default or type that does not fit the Swift type).
  @usableFromInline
  static func misfit(_ name: String, _ value: Value?) -> Never {
    preconditionFailure("parameter \(name): value \(String(describing: value)) does not fit its type")
  }
}

extension Param {
  /// `--name VALUE` with a default, given to `run` when the flag is left out.
  public static func option(_ name: String, _ type: ParameterType, default value: T, _ help: String) -> Param
  {
    Param(
      ParameterSpec(
        name: name, type: type, role: .option, help: help, defaultValue: Self.encode(value)))
  }

  /// A required positional argument.
  public static func argument(_ name: String, _ type: ParameterType = .text, _ help: String) -> Param {
    Param(
      ParameterSpec(name: name, type: type, role: .positional(optional: false, variadic: false), help: help))
  }

  static func encode(_ value: T) -> Value {
    switch value {
    case let v as Int: return .int(Int64(v))
    case let v as Int64: return .int(v)
    case let v as Double: return .double(v)
    case let v as Decimal: return .decimal(v)
    case let v as Bool: return .bool(v)
    case let v as String: return .string(v)
    case let v as Value: return v
    default: return .null
    }
  }
}

extension Param where T: ExpressibleByNilLiteral {
  /// `--name VALUE` without a default: `run` gets nil when it is left out.
  public static func option(_ name: String, _ type: ParameterType, _ help: String) -> Param {
    Param(ParameterSpec(name: name, type: type, role: .option, help: help))
  }

  /// A positional argument that may be left out.
  public static func optionalArgument(_ name: String, _ type: ParameterType = .text, _ help: String) -> Param
  {
    Param(
      ParameterSpec(name: name, type: type, role: .positional(optional: true, variadic: false), help: help))
  }
}

extension Param where T == Bool {
  /// A switch `--name`: true when given.
  public static func toggle(_ name: String, _ help: String) -> Param {
    Param(ParameterSpec(name: name, type: .toggle, role: .option, help: help))
  }
}

extension Param where T: RangeReplaceableCollection {
  /// `--name VALUE`, given any number of times; `run` gets the values in order.
  public static func repeated(_ name: String, _ type: ParameterType = .text, _ help: String) -> Param {
    var spec = ParameterSpec(name: name, type: type, role: .option, help: help, defaultValue: .list([]))
    spec.repeatable = true
    spec.defaultText = nil
    return Param(spec)
  }

  /// All the remaining words (at least `minimum` of them).
  public static func arguments(
    _ name: String, _ type: ParameterType = .text, minimum: Int = 1, _ help: String
  )
    -> Param
  {
    Param(
      ParameterSpec(
        name: name, type: type, role: .positional(optional: minimum == 0, variadic: true), help: help,
        minimumCount: minimum))
  }
}
