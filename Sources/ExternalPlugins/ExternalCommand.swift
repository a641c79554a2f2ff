import KnowledgeGraph
import PluginProtocol
import ShellCore

/// A command of a third-party plugin: its signature comes from the registry file, so help
/// and completion work without starting the plugin; `run` starts it on first use.
struct ExternalCommand: Command {
  let plugin: String
  let wire: WireSignature
  let signature: Signature

  init(plugin: String, wire: WireSignature) {
    self.plugin = plugin
    self.wire = wire
    self.signature = SignatureMapping.signature(wire)
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    let host = try PluginHost.required(session)
    var request = WireMessage(type: "run")
    request.command = signature.name
    request.arguments = call.arguments
    var flags = call.flags
    for flag in signature.flags where flags[flag.name] == nil {
      if let value = flag.defaultValue { flags[flag.name] = value }
    }
    request.flags = flags
    request.format = session.format.rawValue
    request.variables = session.variables.mapValues(WireMapping.wire)
    request.input = call.input.map(WireMapping.wire)
    return try host.run(plugin: plugin, request, session: session)
  }
}
