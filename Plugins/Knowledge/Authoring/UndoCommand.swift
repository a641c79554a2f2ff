import KnowledgeGraph
import ShellCore

/// `undo`: takes back the last change of this session by recording its inverse.
struct UndoCommand: Command {
  let signature = Signature(
    "undo", summary: "Take back the last change of this session (the undo is recorded too)",
    parameters: [],
    help: """
      Each undo takes back one earlier command's changes, newest first: an addition is \
      retracted, a correction goes back to the earlier value, a retraction is restored. \
      Nothing is erased: history shows the change and its undo.
      """,
    examples: [
      Example(
        "source add demo --title 'A demo source'; undo", "add a source, then take it back")
    ],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let (undone, written) = try session.store.undo() else {
      throw KgshError(
        .notFound, "undo: nothing to undo in this session",
        hint: "undo takes back changes made since kgsh started; history lists older ones")
    }
    return .table(
      Table(
        columns: ["undid", "target_type", "target", "recorded_as", "record"],
        rows: zip(undone.reversed(), written).map { old, new in
          [
            .string(old.kind.rawValue), .string(old.targetType.rawValue), .string(old.target),
            .string(new.kind.rawValue), .string(new.id),
          ]
        }))
  }
}
