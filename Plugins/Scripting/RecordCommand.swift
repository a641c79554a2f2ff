import Foundation
import ShellCore

/// `record start FILE` ... `record stop`: save the statements typed in between as a script.
struct RecordCommand: Command {
  let signature = Signature(
    "record",
    summary: "record start FILE saves the commands you type (not their output) as a script; record stop ends",
    arguments: [
      Argument("action", "start or stop", completion: .values(["start", "stop"])),
      Argument("file", "the script to write (with start)", completion: .file, optional: true),
    ],
    examples: [Example("record stop", "stop recording", expect: "not recording")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    switch call.arguments[0] {
    case "start":
      guard let file = call.argument(1) else {
        throw ShellError.usage("record start needs a FILE", signature)
      }
      guard FileManager.default.createFile(atPath: file, contents: Data("# recorded by kgsh\n".utf8)) else {
        throw ShellError(
          "record: cannot create \(file)", hint: "check that the folder exists and is writable")
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
        throw ShellError("record: cannot write \(file)")
      }
      handle.seekToEndOfFile()
      handle.write(Data(text.utf8))
      try? handle.close()
      return .message("recorded \(statements.count) statement(s) to \(file)")
    default:
      throw ShellError.usage("record: expected start or stop, not '\(call.arguments[0])'", signature)
    }
  }
}
