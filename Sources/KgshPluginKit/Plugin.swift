import Foundation
import PluginProtocol

/// A plugin program: its name, version and the one list of its commands. Mark the type
/// `@main` and `main()` speaks the protocol on stdin and stdout.
///
/// ```swift
/// @main struct Funding: Plugin {
///   static let name = "funding"
///   static let version = "1.0.0"
///   static let commands: [any Command] = [FundingCommand()]
/// }
/// ```
public protocol Plugin {
  static var name: String { get }
  static var version: String { get }
  /// Optional features (e.g. `Feature.write`); engine calls are always declared.
  static var features: [String] { get }
  static var commands: [any Command] { get }
}

extension Plugin {
  public static var features: [String] { [] }

  public static func main() {
    do {
      try serve(Channel())
    } catch {
      FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
      exit(1)
    }
  }

  /// Answers kgsh's hello, then each `run` until `goodbye` or the end of input.
  static func serve(_ channel: Channel) throws {
    guard let hello = try channel.receive(), hello.type == "hello" else { return }
    let theirs = ProtocolVersion(hello.protocol ?? "") ?? .current
    try channel.send(
      .hello(
        features: [Feature.engineCalls] + features, name: name, version: version,
        commands: commands.map(\.signature)))
    guard theirs.isCompatible(with: .current) else { return }
    let host = WireEngine(channel: channel, host: theirs)
    while let message = try channel.receive() {
      switch message.type {
      case "run": try channel.send(respond(to: message, host: host))
      case "goodbye": return
      default: continue
      }
    }
  }

  static func respond(to message: WireMessage, host: some Engine) -> WireMessage {
    let id = message.id ?? 0
    guard let command = commands.first(where: { $0.signature.name == message.command }) else {
      return .error("unknown command '\(message.command ?? "")'", id: id)
    }
    let call = Call(
      command: message.command ?? "", arguments: message.arguments ?? [], flags: message.flags ?? [:],
      format: message.format ?? "table", variables: message.variables ?? [:], input: message.input)
    do {
      return .output(try command.run(call, host), id: id)
    } catch let error as CommandError {
      return .error(error.message, hint: error.hint, id: id)
    } catch {
      return .error("\(error)", id: id)
    }
  }
}
