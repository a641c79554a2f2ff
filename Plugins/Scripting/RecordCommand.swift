import Foundation
import KnowledgeGraph
import ShellCore

/// `record start FILE` ... `record stop`: save the statements typed in between as a script.
struct RecordCommand: Command {
  static let action = Param<String>.argument("action", .choice(["start", "stop"]), "start or stop")
  static let file: Param<String?> = .optionalArgument("file", .file, "the script to write (with start)")
  let signature = Signature(
    "record",
    summary: "record start FILE saves the commands you type (not their output) as a script; record stop ends",
    parameters: [action.spec, file.spec],
    examples: [Example("record stop", "stop recording", expect: "not recording")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    switch call[Self.action] {
    case "start":
      guard let file = call[Self.file] else {
        throw KgshError.usage("record start needs a FILE", signature)
      }
      guard FileManager.default.createFile(atPath: file, contents: Data("# recorded by kgsh\n".utf8)) else {
        throw KgshError(
          .io, "record: cannot create \(file)", hint: "check that the folder exists and is writable")
      }
      session.extensions["scripting.record"] = (file, session.history.count)
      return .message("recording to \(file); record stop ends")
    case "stop":
      guard let (file, from) = session.extensions["scripting.record"] as? (String, Int) else {
        return .message("not recording")
      }
      session.extensions["scripting.record"] = nil
      let statements = session.history.dropFirst(from).filter { !$0.hasPrefix("record ") }
      let text = statements.map { $0 + "\n" }.joined()
      guard let handle = FileHandle(forWritingAtPath: file) else {
        throw KgshError(
          .io, "record: cannot write \(file)", hint: "check that it still exists and is writable")
      }
      handle.seekToEndOfFile()
      handle.write(Data(text.utf8))
      try? handle.close()
      return .message("recorded \(statements.count) statement(s) to \(file)")
    default:
      return .empty  // the .choice type admits start and stop only
    }
  }
}
