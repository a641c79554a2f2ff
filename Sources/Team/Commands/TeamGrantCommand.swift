import KnowledgeGraph
import ShellCore

/// `team grant USER reader|editor`: what a PostgreSQL role may do with the team's log.
struct TeamGrantCommand: Command {
  static let user = Param<String>.argument("user", .text, "an existing PostgreSQL role (createuser makes one)")
  static let role = Param<String>.argument("role", .choice(["reader", "editor"]), "reader: pull only; editor: pull and push")
  let signature = Signature(
    "team grant", summary: "Let a PostgreSQL user read (pull) or edit (push) the team's knowledge base",
    parameters: [user.spec, role.spec],
    help: "PostgreSQL enforces it: a reader's push is refused by the server. Needs the team's owner (the "
      + "user who ran team init) or a role that may grant kgsh_reader and kgsh_editor.",
    examples: [Example("team grant bo reader", "bo may pull but not push")],
    writes: false)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let link = try TeamPlugin.link(session, "team grant")
    let user = call[Self.user]
    let editor = call[Self.role] == "editor"
    try link.connection().grant(user, editor: editor)
    return .message("team: \(user) is now \(editor ? "an editor (pull and push)" : "a reader (pull only)")")
  }
}
