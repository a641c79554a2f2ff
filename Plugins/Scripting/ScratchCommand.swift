import KnowledgeGraph
import ShellCore

/// `scratch`: from here on the session works on a copy of the knowledge base in memory,
/// so a script that imports or creates things leaves the user's file unchanged.
struct ScratchCommand: Command {
  let signature = Signature(
    "scratch",
    summary: "Work on a scratch copy of the knowledge base from here on; changes are discarded at exit",
    parameters: [],
    examples: [
      Example(
        "scratch", "the saved sessions that import prices start with it",
        expect: "discarded at exit")
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let name = session.store.name
    if session.store.path == nil {
      return .message("the knowledge base is already in memory; changes are discarded at exit")
    }
    session.store = try session.store.copyInMemory()
    return .message("working on a scratch copy of \(name): changes from here on are discarded at exit")
  }
}
