import Foundation
import KnowledgeGraph
import ShellCore

/// `output FILE` / `output -`: send what commands print to a file, or back to stdout.
struct OutputCommand: Command {
  static let file = Param<String>.argument("file", .file, "a file path, or - for standard output")
  let signature = Signature(
    "output", summary: "Write command output to FILE (appending), or back to the terminal with -",
    parameters: [file.spec],
    examples: [Example("output -", "print to the terminal again", expect: "output: stdout")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let target = call[Self.file]
    if target == "-" {
      session.out = session.extensions["scripting.stdout"] as? any OutputSink ?? session.out
      return .message("output: stdout")
    }
    try TextFile.checkWritable(target, command: "output", example: "session.txt")
    let path = (target as NSString).expandingTildeInPath
    if !FileManager.default.fileExists(atPath: path) {
      guard FileManager.default.createFile(atPath: path, contents: nil) else {
        throw KgshError(
          .io, "output: cannot create \(target): permission denied", hint: "write somewhere else")
      }
    }
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw KgshError(
        .io, "output: cannot write to \(target): permission denied", hint: "check its permissions")
    }
    if session.extensions["scripting.stdout"] == nil { session.extensions["scripting.stdout"] = session.out }
    handle.seekToEndOfFile()
    session.out = FileDescriptorSink(fd: handle.fileDescriptor, named: target, keeping: handle)
    return .empty
  }
}
