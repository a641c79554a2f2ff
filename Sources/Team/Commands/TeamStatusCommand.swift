import Foundation
import KnowledgeGraph
import ShellCore

/// `team status`: the server, the queue of unpushed changes, the last pull and push.
struct TeamStatusCommand: Command {
  let signature = Signature(
    "team status", summary: "Show the team's server, the changes waiting to be pushed and the last pull",
    parameters: [],
    help: "Works offline too: the queue and the last pull are read from this knowledge base.",
    examples: [Example("team status", "where this knowledge base stands with its team")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let link = try TeamPlugin.link(session, "team status")
    let store = session.store
    let waiting = try TeamState.queueCount(store)
    var fields: [(String, Value)] = [
      ("server", .string(link.address.redacted)),
      ("waiting", .int(Int64(waiting))),
      ("last pull", TeamState.get(store, .lastPull).map(Value.string) ?? .string("never")),
      ("last push", TeamState.get(store, .lastPush).map(Value.string) ?? .string("never")),
      ("pulled up to", .int(TeamState.pulledSeq(store))),
    ]
    do {
      let s = try link.connection().summary()
      fields += [
        ("connection", .string("ok, as \(s.role)" + (s.canPush ? " (editor)" : " (reader)"))),
        ("on the server", .string("\(s.records.counted("change")), up to \(s.lastSeq)")),
      ]
    } catch {
      fields.append(("connection", .string(KgshError.describe(error))))
    }
    return .record(fields)
  }
}
