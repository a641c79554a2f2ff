import KnowledgeGraph
import ShellTesting
import XCTest

@testable import ShellCore

/// A tiny command for dispatcher tests.
struct EchoArgs: Command {
  let signature = Signature(
    "echoargs", summary: "echo arguments",
    arguments: [
      Argument("words", "words", completion: .values(["alpha", "beta", "Zhipu AI"]), variadic: true)
    ],
    flags: [
      Flag("depth", "a number", kind: .int), Flag("dir", "direction", kind: .choice(["in", "out"])),
      Flag("all", "switch", kind: .bool),
    ])
  func run(_ call: Call, _ session: Session) throws -> Output {
    .table(
      Table(
        columns: ["arg"],
        rows: call.arguments.map { [.string($0)] } + [
          [.string("depth=\(Int.from(call.values["depth"]) ?? -1)")]
        ]))
  }
}

final class ShellTests: XCTestCase {
  func make() throws -> TestShell {
    try TestShell(plugins: [Plugin(name: "test", summary: "t", commands: [EchoArgs()])])
  }

  func testAnEntryIsRunWhenCompleteAndReportedAsRunReportsIt() throws {
    let t = try make()
    XCTAssertNil(
      t.shell.runIfComplete("echoargs 'open", origin: "stdin", firstLine: 3, continueOnError: false))
    XCTAssertEqual(t.output, "")
    XCTAssertEqual(
      t.shell.runIfComplete("echoargs 'open\nquote'", origin: "stdin", firstLine: 3, continueOnError: false),
      true)
    XCTAssertTrue(t.output.contains("open"), t.output)
    // A mistake in complete text: the same message, at the same place, as `run` gives.
    XCTAssertEqual(
      t.shell.runIfComplete("echoargs x\nehcoargs y", origin: "stdin", firstLine: 3, continueOnError: false),
      false)
    let fromRunIfComplete = t.errors
    let other = try make()
    XCTAssertFalse(other.shell.run("echoargs x\nehcoargs y", origin: "stdin", firstLine: 3))
    XCTAssertEqual(fromRunIfComplete, other.errors)
    XCTAssertTrue(fromRunIfComplete.hasPrefix("stdin:4:1: unknown command 'ehcoargs'"), fromRunIfComplete)
  }

  /// Ctrl-C and the timeout are told from a refusal in any stage of a pipeline (a later
  /// stage's error arrives wrapped with its place), so `expect ... fails` never takes a Ctrl-C
  /// for the refusal it expects.
  func testAStopIsToldFromARefusalInAnyStage() {
    let place = SourceLocation(file: "s.kgsh", line: 1, column: 9)
    XCTAssertTrue(Shell.isStop(KgshError(.interrupted, "interrupted")))
    XCTAssertTrue(Shell.isStop(StageError(location: place, underlying: KgshError(.timedOut, "timed out"))))
    XCTAssertFalse(Shell.isStop(StageError(location: place, underlying: KgshError(.usage, "no"))))
    XCTAssertFalse(Shell.isStop(KgshError(.notFound, "no entity named 'x'")))
  }

  func testUnknownCommandSuggests() throws {
    let t = try make()
    XCTAssertFalse(t.run("ehcoargs x"))
    XCTAssertEqual(t.errors, "test:1:1: unknown command 'ehcoargs'; did you mean 'echoargs'?\n")
  }

  /// At the prompt on a terminal a long error breaks between words; elsewhere it is one line.
  func testALongErrorAtThePromptBreaksBetweenWords() throws {
    let t = try make()
    t.session.isTerminal = true
    t.session.width = 40
    t.shell.report(
      KgshError(.usage, "echoargs: this message is long enough to need two lines"), origin: nil, line: 1,
      column: nil)
    XCTAssertEqual(t.errors, "error: echoargs: this message is long\nenough to need two lines\n")
    let u = try make()
    u.shell.report(
      KgshError(.usage, "echoargs: this message is long enough to need two lines"), origin: nil, line: 1,
      column: nil)
    XCTAssertEqual(u.errors, "error: echoargs: this message is long enough to need two lines\n")
    // Warnings and notes break the same way.
    t.session.diagnose("warning: 21 comparisons of a String with a Date were null")
    XCTAssertTrue(
      t.errors.hasSuffix("warning: 21 comparisons of a String with\na Date were null\n"), t.errors)
  }

  func testFlagsAreValidated() throws {
    let t = try make()
    XCTAssertFalse(t.run("echoargs --depht 2"))
    XCTAssertTrue(t.errors.contains("unknown flag --depht; did you mean --depth?"), t.errors)
    XCTAssertFalse(t.run("echoargs --depth two"))
    XCTAssertTrue(t.errors.contains("whole number"), t.errors)
    XCTAssertFalse(t.run("echoargs --dir up"))
    XCTAssertTrue(t.errors.contains("echoargs: --dir takes one of in, out, not 'up'"), t.errors)
    XCTAssertTrue(t.run("echoargs a --depth=3 --all"))
    XCTAssertTrue(t.output.contains("depth=3"))
  }

  func testVariablesExpandWithoutResplittingAndUndefinedIsAnError() throws {
    let t = try make()
    t.session.variables["name"] = .string("Zhipu AI")
    XCTAssertTrue(t.run("echoargs $name --format csv"))
    XCTAssertEqual(t.output, "arg\nZhipu AI\ndepth=-1\n")
    XCTAssertFalse(t.run("echoargs $nmae"))
    XCTAssertTrue(t.errors.contains("undefined variable $nmae; did you mean $name?"), t.errors)
  }

  func testStopsAtFirstErrorUnlessContinuing() throws {
    let t = try make()
    XCTAssertFalse(t.shell.run("echoargs a\nnope\necho_never b", origin: "f.kgsh"))
    XCTAssertTrue(t.errors.hasPrefix("f.kgsh:2:1:"), t.errors)
    XCTAssertFalse(t.output.contains("echo_never"))
    let u = try make()
    XCTAssertFalse(u.shell.run("nope\nechoargs after", origin: "f", continueOnError: true))
    XCTAssertTrue(u.output.contains("after"))
  }

  func testCompletionByPosition() throws {
    let t = try make()
    XCTAssertEqual(t.shell.complete(line: "ech", cursor: 3).candidates, ["echoargs"])
    XCTAssertEqual(t.shell.complete(line: "echoargs al", cursor: 11).candidates, ["alpha"])
    XCTAssertEqual(t.shell.complete(line: "echoargs Zh", cursor: 11).candidates, ["\"Zhipu AI\""])
    XCTAssertEqual(t.shell.complete(line: "echoargs --de", cursor: 13).candidates, ["--depth"])
    XCTAssertEqual(t.shell.complete(line: "echoargs --dir ", cursor: 15).candidates, ["in", "out"])
    let r = t.shell.complete(line: "echoargs a --format j", cursor: 21)
    XCTAssertEqual(r.candidates, ["json", "jsonl"])
    XCTAssertEqual(r.start, 20)
  }

  /// `$` completes the variables' names; after a dot, the columns of the table or row it holds.
  func testCompletionOfVariablesAndTheirColumns() throws {
    let t = try make()
    let row: [String: Value] = ["name": .string("GLM-4.5"), "key": .string("glm-4.5"), "score": .int(80)]
    t.session.variables["rows"] = .list([.map(row), .map(row)])
    t.session.variables["rate"] = .double(7.06)
    func offered(_ line: String) -> [String] {
      t.shell.complete(line: line, cursor: line.count).candidates
    }
    XCTAssertEqual(offered("echoargs $r"), ["$rate", "$rows"])
    XCTAssertEqual(offered("echoargs $ro"), ["$rows"])
    XCTAssertEqual(offered("echoargs $rows.na"), ["$rows.name"])
    XCTAssertEqual(offered("echoargs $rows."), ["$rows.key", "$rows.name", "$rows.score"])
    XCTAssertEqual(offered("echoargs $rows[1].s"), ["$rows[1].score"])
    XCTAssertEqual(offered("echoargs $rate."), [], "a number has no columns")
    let r = t.shell.complete(line: "echoargs a $rows.k", cursor: 18)
    XCTAssertEqual(r.start, 11)
  }

  func testHelpIsGeneratedFromTheSignature() throws {
    let t = try make()
    XCTAssertTrue(t.run("help echoargs"))
    XCTAssertTrue(t.output.contains("usage: echoargs WORDS... [--depth N] [--dir in|out] [--all]"), t.output)
    XCTAssertTrue(t.run("echoargs --help"))
  }
}

/// Records the shell's origins while it runs (for `source`-style commands).
struct OriginsProbe: Command {
  let signature = Signature("origins", summary: "the runs in progress")
  func run(_ call: Call, _ session: Session) throws -> Output {
    let shell = session.shell!
    if shell.origins.count == 1 { shell.run("origins", origin: "inner.kgsh") }
    return .message(shell.origins.joined(separator: ">"))
  }
}

final class ShellOriginsTests: XCTestCase {
  func testOriginsStackNestedRuns() throws {
    let t = try TestShell(plugins: [Plugin(name: "test", summary: "t", commands: [OriginsProbe()])])
    XCTAssertTrue(t.run("origins"), t.errors)
    XCTAssertEqual(t.output, "test>inner.kgsh\ntest\n")
    XCTAssertEqual(t.shell.origins, [])
  }
}

extension ShellTests {
  /// Only a last `--format NAME` is the option; text that merely contains it is the query's.
  func testTrailingFormatIsReadOnlyAtTheEnd() throws {
    let signature = Signature("rawcmd", summary: "r", parameters: [])
    XCTAssertEqual(try Shell.trailingFormat("select 1 --format csv", signature)?.0, "select 1")
    XCTAssertEqual(try Shell.trailingFormat("select 1\n  --format=JSON  ", signature)?.1, .json)
    XCTAssertNil(try Shell.trailingFormat("select '--format json' as v", signature))
    XCTAssertNil(try Shell.trailingFormat("select 1 -- a comment", signature))
    XCTAssertNil(try Shell.trailingFormat("select 1 as v--format json", signature))
    XCTAssertThrowsError(try Shell.trailingFormat("select 1 --format yaml", signature))
  }
}
