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
    if session.extensions["scripting.stdout"] == nil { session.extensions["scripting.stdout"] = session.out }
    if !FileManager.default.fileExists(atPath: target) {
      guard FileManager.default.createFile(atPath: target, contents: nil) else {
        throw KgshError(
          .io, "output: cannot create \(target)", hint: "check that the folder exists and is writable")
      }
    }
    guard let handle = FileHandle(forWritingAtPath: target) else {
      throw KgshError(.io, "output: cannot write to \(target)", hint: "check its permissions")
    }
    handle.seekToEndOfFile()
    session.out = FileDescriptorSink(fd: handle.fileDescriptor, keeping: handle)
    return .empty
  }
}
