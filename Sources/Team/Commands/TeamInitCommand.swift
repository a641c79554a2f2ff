import KnowledgeGraph
import ShellCore

/// `team init URL`: create (or bring up to date) the team's tables and roles on a server.
struct TeamInitCommand: Command {
  static let url = Param<String>.argument("url", .text, "the database, e.g. postgresql://ada@db.example.org/team")
  let signature = Signature(
    "team init", summary: "Create a team knowledge base on a PostgreSQL server and join it",
    parameters: [url.spec],
    help: "Creates the schema kgsh with the shared change log (numbered migrations, recorded in "
      + "kgsh.migrations) and the roles kgsh_reader and kgsh_editor, then joins this knowledge base to it "
      + "and pushes its changes. Running it again only applies missing migrations. " + TeamPlugin.urlHelp,
    examples: [Example("team init postgresql://ada@localhost/team", "create the team's tables and join")],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    var applied: [Int] = []
    var version = 0
    let link = try TeamPlugin.join(session, url: call[Self.url]) { server in
      applied = try server.migrate()
      version = try server.schemaVersion()
    }
    let pushed = try link.push(session.store)
    return .record([
      ("server", .string(link.address.redacted)),
      ("schema", .string("version \(version)" + (applied.isEmpty ? " (up to date)" : ", migrations \(applied.map(String.init).joinedText(", ")) applied"))),
      ("roles", .string("\(ServerSchema.readerRole) (pull), \(ServerSchema.editorRole) (push)")),
      ("pushed", .int(Int64(pushed.sent))),
    ])
  }
}
