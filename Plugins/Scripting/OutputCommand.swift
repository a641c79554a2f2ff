import Foundation
import ShellCore

/// `output FILE` / `output -`: send what commands print to a file, or back to stdout.
struct OutputCommand: Command {
  let signature = Signature(
    "output", summary: "Write command output to FILE (appending), or back to the terminal with -",
    arguments: [Argument("file", "a file path, or - for standard output", completion: .file)],
    examples: [Example("output -", "print to the terminal again", expect: "output: stdout")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let target = call.arguments[0]
    if target == "-" {
      session.out = session.extensions["scripting.stdout"] as? any OutputSink ?? session.out
      return .message("output: stdout")
    }
    if session.extensions["scripting.stdout"] == nil { session.extensions["scripting.stdout"] = session.out }
    if !FileManager.default.fileExists(atPath: target) {
      guard FileManager.default.createFile(atPath: target, contents: nil) else {
        throw ShellError(
          "output: cannot create \(target)", hint: "check that the folder exists and is writable")
      }
    }
    guard let handle = FileHandle(forWritingAtPath: target) else {
      throw ShellError("output: cannot write to \(target)", hint: "check its permissions")
    }
    handle.seekToEndOfFile()
    session.out = FileDescriptorSink(fd: handle.fileDescriptor, keeping: handle)
    return .empty
  }
}
