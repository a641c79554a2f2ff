import PluginProtocol

/// The signature model of kgsh's commands, as a plugin declares it.
public typealias Signature = WireSignature
public typealias Argument = WireArgument
public typealias Flag = WireFlag
public typealias Example = WireExample
/// What a command returns: `.table(...)`, `.record(...)`, `.message(...)` or `.empty`.
public typealias Output = WireOutput

/// A plugin command: one type in one file, declaring its signature and running a call,
/// the same shape as kgsh's built-in commands.
///
/// ```swift
/// struct Hello: Command {
///   let signature = Signature("hello", summary: "Greets", arguments: [Argument("who", "a name")])
///   func run(_ call: Call, _ kgsh: any Engine) throws -> Output { .message("hello \(call.argument(0) ?? "")") }
/// }
/// ```
public protocol Command: Sendable {
  var signature: Signature { get }
  /// Runs the command. Throw `CommandError` for anything the user did wrong.
  func run(_ call: Call, _ kgsh: any Engine) throws -> Output
}

/// A parsed invocation as kgsh sends it: arguments, flags (defaults filled in), the
/// session's output format and variables, and the previous pipeline stage's output.
public struct Call: Sendable {
  public var command: String
  public var arguments: [String]
  public var flags: [String: String]
  public var format: String
  public var variables: [String: WireValue]
  public var input: WireOutput?

  public init(
    command: String, arguments: [String] = [], flags: [String: String] = [:], format: String = "table",
    variables: [String: WireValue] = [:], input: WireOutput? = nil
  ) {
    self.command = command
    self.arguments = arguments
    self.flags = flags
    self.format = format
    self.variables = variables
    self.input = input
  }

  public func argument(_ index: Int) -> String? { index < arguments.count ? arguments[index] : nil }
  public func flag(_ name: String) -> String? { flags[name] }
  public func int(_ name: String) -> Int? { flags[name].flatMap { Int($0) } }
  /// Whether a switch was given.
  public func has(_ name: String) -> Bool { flags[name] == "true" }
}

/// An error for the user: kgsh shows `COMMAND: message; hint` and the session goes on.
public struct CommandError: Error, Sendable {
  public var message: String
  public var hint: String?
  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }
}
