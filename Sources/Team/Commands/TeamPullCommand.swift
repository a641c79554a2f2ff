import KnowledgeGraph
import ShellCore

/// `team pull`: fetch and merge what others pushed since the last pull.
struct TeamPullCommand: Command {
  let signature = Signature(
    "team pull", summary: "Fetch the changes others pushed and merge them here",
    parameters: [],
    help: "Records are immutable with unique ids, so merging is a union; two people correcting one fact "
      + "to different values show up in conflicts. kgsh also pulls at start and, in the shell, live.",
    examples: [Example("team pull", "merge what the team pushed")],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let link = try TeamPlugin.link(session, "team pull")
    let pulled = try link.pull(session.store)
    return .message("team: " + (TeamLink.describe(pulled) ?? "nothing new") + " (\(link.address.place))")
  }
}
