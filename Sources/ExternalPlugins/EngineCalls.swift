import GraphQuery
import KnowledgeGraph
import PluginProtocol
import ShellCore

/// Answers a plugin's calls back into kgsh while one of its commands runs.
///
/// A plugin speaking protocol 1.1 or later gets the typed calls (`EngineCalls+Typed.swift`):
/// resolve, card, facts, neighbors, path, match, query (SQL over the `kg_*_v1` views only)
/// and, with the `write` feature, create. A 1.0 plugin keeps the 1.0 calls
/// (`EngineCalls+Legacy.swift`).
struct EngineCalls {
  let plugin: String
  let features: [String]
  let session: Session
  /// The protocol version the plugin said it speaks in its hello.
  var version: ProtocolVersion = .current

  /// The reply to one `call` message; failures become a reply with `error`, never a throw.
  func answer(_ call: WireMessage) -> WireMessage {
    let id = call.id ?? 0
    guard version >= .typedCalls else {
      do {
        return .reply(id: id, result: try legacyResult(call))
      } catch {
        return .reply(id: id, error: KgshError.describe(error))
      }
    }
    do {
      return .reply(id: id, result: try typedResult(call))
    } catch var error as KgshError {
      let hint = error.hint
      error.hint = nil
      return .reply(id: id, error: error.description, hint: hint)
    } catch {
      return .reply(id: id, error: KgshError.describe(error))
    }
  }

  /// Refuses a write unless the plugin declared `write` and the store is writable.
  func checkWrite() throws {
    guard features.contains(Feature.write) else {
      throw KgshError(
        .readOnly, "plugin \(plugin) did not declare the write feature; the knowledge base is read-only to it"
      )
    }
    guard !session.store.isReadOnly else {
      throw KgshError.readOnly("plugin \(plugin)'s write")
    }
  }

  /// Runs Cypher.
  func cypher(_ text: String, parameters: [String: WireValue] = [:]) throws -> QueryResult {
    var engine = QueryEngine(store: session.store)
    engine.interrupt = {
      if interruptFlag.load(ordering: .relaxed) { throw KgshError.interrupted }
    }
    // Query errors keep their kind; a reply says it ("syntax error: ...", position included).
    return try engine.run(text, parameters: parameters.mapValues { ResultValue(WireMapping.value($0)) })
  }
}
