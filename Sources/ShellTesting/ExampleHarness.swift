import Foundation
import KnowledgeGraph
import ShellCore

/// Runs every example of every command of a plugin list and compares each one's structured
/// result (its `--format json` document) with a reviewed snapshot file.
///
/// Snapshots live in `Tests/Examples/COMMAND/N.json` (N counts the command's examples from 1).
/// `KGSH_UPDATE_EXAMPLES=1 swift test --filter ExampleTests` rewrites them; review the diff
/// before committing it.
public struct ExampleHarness {
  /// One example's outcome.
  public struct Outcome {
    public var command: String
    public var example: String
    /// Empty when the example passed; otherwise why not.
    public var problems: [String]
  }

  public let plugins: [Plugin]
  public let snapshots: URL
  /// Makes the session an example runs in (a fresh one each time).
  public let makeShell: () throws -> TestShell

  public init(plugins: [Plugin], snapshots: URL, makeShell: @escaping () throws -> TestShell) {
    self.plugins = plugins
    self.snapshots = snapshots
    self.makeShell = makeShell
  }

  static var updating: Bool { ProcessInfo.processInfo.environment["KGSH_UPDATE_EXAMPLES"] == "1" }

  /// The snapshot file of a command's n-th example.
  public func file(command: String, index: Int) -> URL {
    snapshots.appendingPathComponent(command.replacingOccurrences(of: " ", with: "-"))
      .appendingPathComponent("\(index).json")
  }

  /// Runs every example; returns one outcome per example.
  public func run() throws -> [Outcome] {
    var outcomes: [Outcome] = []
    for plugin in plugins {
      for command in plugin.commands {
        for (i, example) in command.signature.examples.enumerated() {
          outcomes.append(
            try check(
              example, command: command.signature.name,
              file: file(command: command.signature.name, index: i + 1)))
        }
      }
    }
    return outcomes
  }

  func check(_ example: Example, command: String, file: URL) throws -> Outcome {
    var problems: [String] = []
    let json = try makeShell()
    json.session.format = .json
    json.session.jsonBatch = []  // one document per example, as kgsh -c writes it
    if !json.run(example.command) { problems.append("failed: \(json.errors)") }
    json.shell.finishJSON()
    let text = Self.maskVolatile(json.output)
    if let expect = example.expect {
      let table = try makeShell()
      table.run(example.command)
      if !table.output.contains(expect) {
        problems.append("table output lacks '\(expect)':\n\(table.output)")
      }
    }
    if Self.updating {
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: file, atomically: true, encoding: .utf8)
    } else if let snapshot = try? String(contentsOf: file, encoding: .utf8) {
      if snapshot != text {
        problems.append("result differs from \(file.path):\n--- expected\n\(snapshot)\n--- got\n\(text)")
      }
    } else {
      problems.append(
        "no snapshot \(file.path); run KGSH_UPDATE_EXAMPLES=1 swift test --filter ExampleTests and review it")
    }
    return Outcome(command: command, example: example.command, problems: problems)
  }

  /// The result with what differs on every run masked: change record ids (UUIDs) become
  /// `<id>`, record times (`2026-12-01T22:46:56.902Z`) `<time>`.
  static func maskVolatile(_ text: String) -> String {
    text.replacingOccurrences(
      of: #"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#, with: "<id>",
      options: .regularExpression
    )
    .replacingOccurrences(
      of: #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z"#, with: "<time>", options: .regularExpression)
  }
}
