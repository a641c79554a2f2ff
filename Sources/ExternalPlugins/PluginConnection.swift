import Foundation
import KnowledgeGraph
import PluginProtocol
import ShellCore

/// How long to wait for a plugin and how much to accept from it.
public struct PluginLimits: Sendable {
  /// Seconds to wait for each message from the plugin (the handshake, a reply, the output).
  public var timeout: Double
  /// The largest message accepted, in bytes.
  public var maxMessage: Int

  public static let defaultTimeout = 30.0
  public static let defaultMaxMessage = 16 << 20

  public init(timeout: Double = defaultTimeout, maxMessage: Int = defaultMaxMessage) {
    self.timeout = timeout
    self.maxMessage = maxMessage
  }
}

/// A started plugin after a successful handshake: sends `run` requests, answers its engine
/// calls, and turns every way it can fail into one clear error naming it.
///
/// Any failure other than an `error` answer stops the process; the next use starts it again.
final class PluginConnection {
  let name: String
  let process: PluginProcess
  let hello: WireMessage
  let log: String?
  var lastUsed = ContinuousClock.now
  private var nextID = 1

  /// Starts the program and exchanges `hello`.
  /// - Parameter name: the plugin's name for messages (the file name until it says its own).
  /// - Throws: `KgshError` for a program that cannot start, does not answer, answers with
  ///   garbage or speaks an incompatible protocol version.
  init(path: String, name: String, log: String?, limits: PluginLimits, kgshVersion: String) throws {
    self.name = name
    self.log = log
    do {
      process = try PluginProcess(path: path, log: log)
    } catch let fault as PipeFault {
      throw PluginConnection.describe(fault, plugin: name, doing: "while starting", log: log, path: path)
    }
    let ours = WireMessage.hello(
      features: [Feature.engineCalls, Feature.write, Feature.cancel], kgsh: kgshVersion)
    var theirs: WireMessage
    do {
      do {
        try process.send(try ours.line())
      } catch let fault as PipeFault {
        // A program that exits at once (`plugin add /bin/true`) has closed its input already.
        throw PluginConnection.describe(
          fault, plugin: name, doing: "during the handshake", log: log, path: path)
      }
      theirs = try PluginConnection.receive(
        process, limits: limits, plugin: name, log: log, doing: "during the handshake")
    } catch {
      process.stop(grace: 0)
      throw error
    }
    guard theirs.type == "hello", let text = theirs.protocol else {
      process.stop(grace: 0)
      throw KgshError(
        .plugin, "plugin \(name) did not start with a hello message (it sent '\(theirs.type)')",
        hint: "is \(path) a kgsh plugin? see docs/PLUGINS.md")
    }
    let version = ProtocolVersion(text)
    guard let version, version.isCompatible(with: .current) else {
      process.stop(grace: 0)
      throw KgshError(
        .plugin,
        "plugin \(theirs.name ?? name) speaks plugin protocol \(text), this kgsh speaks \(ProtocolVersion.current)",
        hint: "install a version of the plugin for protocol \(ProtocolVersion.current.major).x")
    }
    if theirs.name == nil { theirs.name = name }
    hello = theirs
  }

  deinit { close() }

  /// Says goodbye (a well-behaved plugin exits), then stops the process.
  func close() {
    if process.isRunning { try? process.send(try WireMessage(type: "goodbye").line()) }
    process.stop()
  }

  var features: [String] { hello.features ?? [] }

  /// Runs one command and returns its output.
  /// - Throws: `KgshError` with the plugin's own message for an `error` answer, or naming
  ///   the plugin and what happened when it crashed, hung, or wrote garbage (it is then stopped).
  func run(_ request: WireMessage, session: Session, limits: PluginLimits) throws -> Output {
    lastUsed = ContinuousClock.now
    defer { lastUsed = ContinuousClock.now }
    let id = nextID
    nextID += 1
    var request = request
    request.id = id
    let what = "while running '\(request.command ?? "")'"
    let engine = EngineCalls(
      plugin: name, features: features, session: session,
      version: ProtocolVersion(hello.protocol ?? "") ?? .current)
    do {
      try send(request, doing: what)
      while true {
        let message = try PluginConnection.receive(
          process, limits: limits, plugin: name, log: log, doing: what, interruptible: true)
        switch message.type {
        case "call": try send(engine.answer(message), doing: what)
        case "output" where message.id == id:
          return try WireMapping.output(message.output ?? .empty, plugin: name)
        case "error" where message.id == id:
          throw PluginAnswer(
            error: KgshError(
              .plugin, "\(request.command ?? name): \(message.message ?? "failed")", hint: message.hint))
        default: continue  // unknown or stale messages are ignored
        }
      }
    } catch let answer as PluginAnswer {
      throw answer.error
    } catch let fault as PipeFault where fault == .interrupted {
      cancel(id, limits: limits)
      throw KgshError.interrupted.with(hint: "the call to plugin \(name) was cancelled")
    } catch {
      process.stop(grace: 0)
      throw error
    }
  }

  /// After Ctrl-C: asks the plugin to cancel run `id` and waits a moment for its answer;
  /// a plugin that does not answer is stopped.
  private func cancel(_ id: Int, limits: PluginLimits) {
    do {
      try process.send(try WireMessage(type: "cancel", id: id).line())
      while true {
        let message = try PluginConnection.receive(
          process, limits: PluginLimits(timeout: 1, maxMessage: limits.maxMessage), plugin: name, log: log,
          doing: "while cancelling")
        if message.type == "call" {
          try process.send(try WireMessage.reply(id: message.id ?? 0, error: "cancelled").line())
        }
        if (message.type == "output" || message.type == "error") && message.id == id { return }
      }
    } catch {
      process.stop(grace: 0)
    }
  }

  private func send(_ message: WireMessage, doing: String) throws {
    do {
      try process.send(try message.line())
    } catch let fault as PipeFault {
      throw PluginConnection.describe(fault, plugin: name, doing: doing, log: log, path: process.path)
    }
  }

  /// Reads and decodes the next message.
  static func receive(
    _ process: PluginProcess, limits: PluginLimits, plugin: String, log: String?, doing: String,
    interruptible: Bool = false
  ) throws -> WireMessage {
    let line: [UInt8]
    do {
      line = try process.readLine(timeout: limits.timeout, limit: limits.maxMessage) {
        interruptible && interruptFlag.load(ordering: .relaxed)
      }
    } catch let fault as PipeFault {
      if fault == .interrupted { throw fault }
      throw describe(fault, plugin: plugin, doing: doing, log: log, path: process.path)
    }
    do {
      return try WireMessage.decode(line)
    } catch {
      let text = String(decoding: line.prefix(60), as: UTF8.self)
      throw KgshError(
        .plugin,
        "plugin \(plugin) wrote invalid JSON \(doing): '\(text)\(line.count > 60 ? "…" : "")'; it was stopped",
        hint: "each message must be one JSON object on one line (docs/PLUGINS.md)")
    }
  }

  /// The user's one-line account of a failure.
  static func describe(_ fault: PipeFault, plugin: String, doing: String, log: String?, path: String)
    -> KgshError
  {
    let logHint = log.map { "its error output is in \($0)" }
    switch fault {
    case .ended(let how) where doing == "during the handshake":
      // `plugin add /bin/true`: a program that is not a plugin ends without a word.
      return KgshError(
        .plugin, "plugin \(plugin) \(how) before answering kgsh's hello; it does not look like a kgsh plugin",
        hint: ["a plugin answers the hello message on its standard output (docs/PLUGINS.md)", logHint]
          .compactMap { $0 }.joined(separator: "; "))
    case .ended(let how):
      return KgshError(
        .plugin, "plugin \(plugin) \(how) \(doing)", hint: logHint ?? "the next use starts it again")
    case .timedOut(let seconds):
      return KgshError(
        .plugin,
        "plugin \(plugin) did not answer within \(Value.format(double: seconds)) s \(doing); it was stopped",
        hint: "set plugin-timeout SECONDS allows it more time")
    case .oversized(let limit):
      return KgshError(
        .plugin, "plugin \(plugin) sent a message larger than \(limit >> 20) MiB \(doing); it was stopped",
        hint: "ask it for less output")
    case .interrupted:
      return KgshError.interrupted.with(hint: "the call to plugin \(plugin) was cancelled")
    case .cannotStart(let reason):
      return KgshError(
        .plugin, "cannot start plugin \(plugin) (\(path)): \(reason)",
        hint: "check that the file exists and is executable")
    }
  }
}

/// A plugin's own `error` answer: passed through as is, without stopping the plugin.
private struct PluginAnswer: Error {
  let error: KgshError
}
