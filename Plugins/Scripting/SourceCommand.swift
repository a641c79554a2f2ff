import Foundation
import KnowledgeGraph
import ShellCore

/// `source FILE`: runs a script in this session; errors name the included file's line.
struct SourceCommand: Command {
  static let maxDepth = 32

  static let file = Param<String>.argument(
    "file", .file, "a .kgsh script (relative to the including script or the current directory)")
  let signature = Signature(
    "source", aliases: ["."], summary: "Run a script file in this session",
    parameters: [file.spec],
    help:
      "Variables and settings the script sets stay set. Sourcing a file that is already running is an error.",
    examples: [Example("source /dev/null; echo done", "run an (empty) script")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let file = call[Self.file]
    guard let shell = session.shell else {
      throw KgshError(.unsupported, "source runs scripts in a shell session only")
    }
    let running = shell.origins.filter { FileManager.default.fileExists(atPath: $0) }
    let path = resolve(file, from: running.last)
    let text: String
    do {
      text = try TextFile.read(path, what: "script")
    } catch let error as KgshError {
      // `source list`: someone after the knowledge base's sources, not a script.
      let meant = ["list", "ls", "show"].contains(file) && !FileManager.default.fileExists(atPath: path)
      throw KgshError(
        error.kind, "source: \(error.message)",
        hint: meant ? "source runs a script; sources lists the knowledge base's sources" : error.hint)
    }
    let key = Self.canonical(path)
    if running.contains(where: { Self.canonical($0) == key }) {
      let chain = (running.drop { Self.canonical($0) != key } + [path]).map { Self.display($0) }
      throw KgshError(
        .failed, "source cycle: \(chain.joinedText(" -> "))", hint: "remove one of the source commands"
      )
    }
    guard shell.origins.count < Self.maxDepth else {
      throw KgshError(
        .failed, "source: nested too deeply (more than \(Self.maxDepth) files)", hint: "is there a cycle?")
    }
    // Errors of the nested run are collected; the last one is rethrown as already located,
    // so the outer run reports it once, with the included file's line.
    let outerErr = session.err
    let collected = LineCollector()
    session.err = collected
    let ok = shell.run(text, origin: path)
    session.err = outerErr
    var lines = collected.lines
    let last = lines.popLast()
    for line in lines { outerErr.write(line + "\n") }
    if !ok { throw LocatedError(last ?? "\(path): failed") }
    if let last { outerErr.write(last + "\n") }
    return .empty
  }

  func resolve(_ file: String, from including: String?) -> String {
    guard !file.hasPrefix("/"), let including else { return file }
    let dir = (including as NSString).deletingLastPathComponent
    let candidate = dir.isEmpty ? file : (dir as NSString).appendingPathComponent(file)
    return FileManager.default.fileExists(atPath: candidate) ? candidate : file
  }

  static func canonical(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }

  static func display(_ path: String) -> String { path.hasPrefix("./") ? String(path.dropFirst(2)) : path }
}

/// An error sink that keeps lines, for `source`.
final class LineCollector: OutputSink {
  var lines: [String] = []
  func write(_ text: String) {
    lines += text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
  }
}
