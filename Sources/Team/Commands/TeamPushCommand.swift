import KnowledgeGraph
import ShellCore

/// `team push`: send the changes made here to the team's server, in one transaction.
struct TeamPushCommand: Command {
  let signature = Signature(
    "team push", summary: "Send the changes waiting here to the team's server (all or none)",
    parameters: [],
    help: "One PostgreSQL transaction: the server holds all of a push or none of it. Records the server "
      + "has already are skipped, so pushing twice is harmless. kgsh also pushes after each write.",
    examples: [Example("team push", "send what waits")],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let link = try TeamPlugin.link(session, "team push")
    let pushed = try link.push(session.store)
    return .message("team: " + (TeamLink.describe(pushed) ?? "nothing to push") + " (\(link.address.place))")
  }
}
