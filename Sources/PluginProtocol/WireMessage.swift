import Foundation

/// One line of the protocol: a JSON object whose `type` says which fields it carries.
///
/// | type      | from   | fields |
/// |-----------|--------|--------|
/// | `hello`   | both   | `protocol`, `features`; kgsh adds `kgsh` (its version); the plugin adds `name`, `version`, `commands` |
/// | `run`     | kgsh   | `id`, `command`, `arguments`, `flags`, `format`, `variables`, `input` |
/// | `call`    | plugin | `id`, `call` (see `EngineRequest`) and `args`, the request object (1.1); 1.0 sends `name`, `sql` or `cypher` instead |
/// | `reply`   | kgsh   | `id` of the call, `result` or `error` (1.1 adds `hint`) |
/// | `output`  | plugin | `id` of the run, `output` |
/// | `error`   | plugin | `id` of the run, `message`, optional `hint` |
/// | `cancel`  | kgsh   | `id` of the run the user interrupted |
/// | `goodbye` | kgsh   | (none): the plugin should exit |
///
/// Unknown fields are ignored, so later minor versions can add them.
public struct WireMessage: Codable, Sendable, Equatable {
  public var type: String
  public var id: Int?
  public var `protocol`: String?
  public var features: [String]?
  public var kgsh: String?
  public var name: String?
  public var version: String?
  public var commands: [WireSignature]?
  public var command: String?
  public var arguments: [String]?
  public var flags: [String: String]?
  public var format: String?
  public var variables: [String: WireValue]?
  public var input: WireOutput?
  public var call: String?
  /// A typed engine call's request (protocol 1.1): an object such as `{"name": "智谱"}`.
  public var args: WireValue?
  public var sql: String?
  public var cypher: String?
  public var result: WireValue?
  public var error: String?
  public var output: WireOutput?
  public var message: String?
  public var hint: String?

  public init(type: String, id: Int? = nil) {
    self.type = type
    self.id = id
  }

  /// Encodes the message as one line of JSON, newline included.
  public func line() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  /// Decodes one line (without its newline).
  /// - Throws: `DecodingError` when the line is not a JSON object with a string `type`.
  public static func decode(_ line: some Collection<UInt8>) throws -> WireMessage {
    try JSONDecoder().decode(WireMessage.self, from: Data(line))
  }
}

extension WireMessage {
  /// kgsh's or a plugin's `hello`.
  public static func hello(
    features: [String], name: String? = nil, version: String? = nil, commands: [WireSignature]? = nil,
    kgsh: String? = nil, protocolVersion: ProtocolVersion = .current
  ) -> WireMessage {
    var m = WireMessage(type: "hello")
    m.protocol = protocolVersion.description
    m.features = features
    m.name = name
    m.version = version
    m.commands = commands
    m.kgsh = kgsh
    return m
  }

  /// A plugin's final answer to run `id`.
  public static func output(_ output: WireOutput, id: Int) -> WireMessage {
    var m = WireMessage(type: "output", id: id)
    m.output = output
    return m
  }

  /// A plugin's failure of run `id`, worded for the user.
  public static func error(_ message: String, hint: String? = nil, id: Int) -> WireMessage {
    var m = WireMessage(type: "error", id: id)
    m.message = message
    m.hint = hint
    return m
  }

  /// kgsh's answer to engine call `id`.
  public static func reply(id: Int, result: WireValue? = nil, error: String? = nil, hint: String? = nil)
    -> WireMessage
  {
    var m = WireMessage(type: "reply", id: id)
    m.result = result
    m.error = error
    m.hint = hint
    return m
  }

  /// A plugin's typed engine call: `{"type":"call","id":7,"call":"facts","args":{...}}`.
  /// - Throws: `EncodingError` when the request cannot be encoded (a non-finite number).
  public static func call<R: EngineRequest>(_ request: R, id: Int) throws -> WireMessage {
    var m = WireMessage(type: "call", id: id)
    m.call = R.call
    m.args = try WireValue(encoding: request)
    return m
  }
}
