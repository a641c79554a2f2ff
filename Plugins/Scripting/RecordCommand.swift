import Foundation
import KnowledgeGraph
import ShellCore

/// `record start FILE` ... `record stop`: save the statements typed in between as a script
/// (only those that succeeded, so the script replays).
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
      // What was typed and what a file holds are never thrown away without a word.
      if let (recording, _) = session.extensions["scripting.record"] as? (String, Int) {
        throw KgshError(
          .usage, "record: already recording to \(recording)",
          hint: "record stop saves it; then record start \(file)")
      }
      try TextFile.checkWritable(file, command: "record", example: "session.kgsh")
      let path = (file as NSString).expandingTildeInPath
      if FileManager.default.fileExists(atPath: path) {
        throw KgshError(
          .invalidValue, "record: \(file) exists, and recording would replace it",
          hint: "record into a new file, or remove that one first")
      }
      guard FileManager.default.createFile(atPath: path, contents: Data("# recorded by kgsh\n".utf8)) else {
        throw KgshError(.io, "record: cannot create \(file)", hint: "check that the folder is writable")
      }
      session.extensions["scripting.record"] = (path, session.history.count)
      return .message("recording to \(file); record stop ends")
    case "stop":
      guard let (file, from) = session.extensions["scripting.record"] as? (String, Int) else {
        return .message("not recording")
      }
      session.extensions["scripting.record"] = nil
      let statements = Self.replayable(session, from: from)
      let text = statements.map { $0 + "\n" }.joinedText()
      guard let handle = FileHandle(forWritingAtPath: file) else {
        throw KgshError(
          .io, "record: cannot write \(file)", hint: "check that it still exists and is writable")
      }
      handle.seekToEndOfFile()
      handle.write(Data(text.utf8))
      try? handle.close()
      let failed = (from..<session.history.count).filter(session.failedHistory.contains).count
      return .message(
        "recorded \(statements.count.counted("statement")) to \(file)"
          + (failed > 0 ? " (left out \(failed) that failed)" : ""))
    default:
      return .empty  // the .choice type admits start and stop only
    }
  }

  /// The statements typed since entry `from` that succeeded, without `record` itself, and
  /// with `history N` replaced by the statement it ran, so the script replays as it ran.
  static func replayable(_ session: Session, from: Int) -> [String] {
    let history = session.history
    return (from..<history.count).compactMap { i -> String? in
      let statement = history[i]
      if session.failedHistory.contains(i) || statement.hasPrefix("record ") { return nil }
      let words = statement.split(separator: " ")
      if words.count == 2, words[0] == "history", let n = Int(words[1]), n >= 1, n <= history.count {
        return history[n - 1]
      }
      return statement
    }
  }
}
