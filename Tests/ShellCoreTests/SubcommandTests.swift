import ShellTesting
import XCTest

@testable import ShellCore

/// A command that reports its own name, to see which of a group was dispatched.
struct NamedCommand: Command {
  let signature: Signature
  init(_ name: String, flags: [Flag] = []) {
    signature = Signature(
      name, summary: "reports \(name)",
      arguments: [Argument("rest", "anything", completion: .values(["nodes.csv", "notes"]), variadic: true)],
      flags: flags)
  }
  func run(_ call: Call, _ session: Session) throws -> Output {
    .message("\(signature.name): \(call.arguments.joined(separator: ","))")
  }
}

final class SubcommandTests: XCTestCase {
  func make() throws -> TestShell {
    try TestShell(plugins: [
      Plugin(
        name: "test", summary: "t",
        commands: [
          NamedCommand("import"), NamedCommand("import prices", flags: [Flag("dry-run", "d", kind: .bool)]),
          NamedCommand("plugin add"), NamedCommand("plugin list"),
        ])
    ])
  }

  func testTwoWordCommandWinsOverTheGroupCommand() throws {
    let t = try make()
    XCTAssertTrue(t.run("import prices p.csv --dry-run"))
    XCTAssertEqual(t.output, "import prices: p.csv\n")
    XCTAssertTrue(t.run("import nodes.csv edges.csv"))
    XCTAssertTrue(t.output.hasSuffix("import: nodes.csv,edges.csv\n"), t.output)
    XCTAssertTrue(t.run("IMPORT PRICES q.tsv"))
    XCTAssertTrue(t.output.hasSuffix("import prices: q.tsv\n"), t.output)
  }

  func testAGroupWithoutItsOwnCommandNamesItsSubcommands() throws {
    let t = try make()
    XCTAssertFalse(t.run("plugin"))
    XCTAssertTrue(t.errors.contains("plugin needs a subcommand; one of add, list"), t.errors)
    XCTAssertFalse(t.run("plugin ad x"))
    XCTAssertTrue(
      t.errors.hasSuffix("plugin has no subcommand 'ad'; did you mean plugin add? help plugin add\n"),
      t.errors)
    XCTAssertFalse(t.run("plugin ls"))
    XCTAssertTrue(
      t.errors.hasSuffix("plugin has no subcommand 'ls'; did you mean plugin list? help plugin list\n"),
      t.errors)
    XCTAssertFalse(t.run("plugin frobnicate"))
    XCTAssertTrue(
      t.errors.hasSuffix("plugin has no subcommand 'frobnicate'; one of add, list; help plugin add\n"),
      t.errors)
    XCTAssertFalse(t.run("plugn list"))
    XCTAssertTrue(t.errors.contains("did you mean 'plugin'?"), t.errors)
    // The two words the other way round.
    XCTAssertFalse(t.run("add plugin x"))
    XCTAssertTrue(t.errors.hasSuffix("unknown command 'add'; the group comes first: plugin add\n"), t.errors)
  }

  /// Other tools' words for taking something away name what kgsh does instead (nothing is
  /// deleted; the history keeps it).
  func testDeleteAndLogSayWhatKgshDoesInstead() throws {
    let t = try make()
    XCTAssertFalse(t.run("delete F0001"))
    XCTAssertTrue(
      t.errors.contains(
        "unknown command 'delete'; entity retract ENTITY --reason R withdraws an entity, fact retract FACT a fact"
      ),
      t.errors)
    XCTAssertFalse(t.run("rename Zhipu Z"))
    XCTAssertTrue(t.errors.contains("entity correct ENTITY --name NEW renames an entity"), t.errors)
    XCTAssertFalse(t.run("edit Zhipu"))
    XCTAssertTrue(t.errors.contains("entity correct ENTITY --name N / --description D"), t.errors)
    XCTAssertFalse(t.run("log"))
    XCTAssertTrue(t.errors.contains("history ENTITY lists an entity's changes"), t.errors)
    XCTAssertFalse(t.run("for x in a b { echo $x }"))
    XCTAssertTrue(
      t.errors.contains("unknown command 'for'; kgsh scripts have no loops: a list is one word"), t.errors)
  }

  func testHelpAndCompletionKnowSubcommands() throws {
    let t = try make()
    XCTAssertTrue(t.run("help import prices"))
    XCTAssertTrue(t.output.contains("usage: import prices"), t.output)
    XCTAssertTrue(t.run("help plugin"))
    let listing =
      "plugin has the subcommands:\n  plugin add      reports plugin add\n  plugin list     reports plugin list\n"
    XCTAssertTrue(t.output.hasSuffix(listing + "help plugin add shows one of them\n"), t.output)
    // `plugin --help` is `help plugin`.
    let before = t.output.count
    XCTAssertTrue(t.run("plugin --help"), t.errors)
    XCTAssertEqual(String(t.output.dropFirst(before)), listing + "help plugin add shows one of them\n")
    XCTAssertEqual(t.shell.complete(line: "plu", cursor: 3).candidates, ["plugin", "plugins"])
    XCTAssertEqual(t.shell.complete(line: "plugin ", cursor: 7).candidates, ["add", "list"])
    XCTAssertEqual(t.shell.complete(line: "import p", cursor: 8).candidates, ["prices"])
    XCTAssertEqual(t.shell.complete(line: "import n", cursor: 8).candidates, ["nodes.csv", "notes"])
    XCTAssertEqual(t.shell.complete(line: "import prices --d", cursor: 17).candidates, ["--dry-run"])
  }
}
