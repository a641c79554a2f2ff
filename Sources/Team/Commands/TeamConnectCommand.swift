import KnowledgeGraph
import ShellCore

/// `team connect URL`: join a team's knowledge base and remember it for this file.
struct TeamConnectCommand: Command {
  static let url = Param<String>.argument("url", .text, "the team's database, e.g. postgresql://bo@db.example.org/team")
  let signature = Signature(
    "team connect", summary: "Join a team knowledge base: pull its changes, push yours, remember the URL",
    parameters: [url.spec],
    help: "The knowledge base remembers the URL (never the password): later runs pull at start and push "
      + "after each write. KGSH_TEAM or kgsh --team URL join for one run instead. " + TeamPlugin.urlHelp,
    examples: [Example("team connect postgresql://bo@localhost/team", "join the team's knowledge base")],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let link = try TeamPlugin.join(session, url: call[Self.url]) { server in
      guard try server.schemaVersion() > 0 else {
        throw KgshError(
          .notFound, "team connect: \(server.address.redacted) holds no team knowledge base yet",
          hint: "create it with team init URL")
      }
    }
    let server = try link.connection()
    let pulled = try link.pull(session.store)
    let pushed = (try? server.summary().canPush) == true ? try link.push(session.store) : nil
    return .record([
      ("server", .string(link.address.redacted)),
      ("pulled", .int(Int64(pulled.merged.count))),
      ("pushed", pushed.map { Value.int(Int64($0.sent)) } ?? Value.string("no (read only)")),
    ])
  }
}
