import Foundation
import ShellTesting
import XCTest

/// The built kgsh in batch modes: -c, scripts, piped stdin, --db, --read-only.
final class BatchTests: XCTestCase {
  override func setUpWithError() throws {
    guard FileManager.default.isExecutableFile(atPath: Repository.kgsh.path) else {
      throw XCTSkip("kgsh is not built at \(Repository.kgsh.path); run swift build first")
    }
  }

  func testShowByAnyNamePrintsTheSameCard() throws {
    let home = KgshProcess.temporaryHome()
    let outputs = try ["智谱", "智譜", "Zhipu", "z.ai"].map {
      try KgshProcess.run(["-c", "show \($0)"], home: home)
    }
    for o in outputs { XCTAssertEqual(o.status, 0, o.stderr) }
    XCTAssertEqual(Set(outputs.map(\.stdout)).count, 1)
    XCTAssertTrue(outputs[0].stdout.contains("Zhipu AI"))
  }

  func testPipedStdinHasNoEscapeCodes() throws {
    let r = try KgshProcess.run([], stdin: "show Zhipu\n")
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("Zhipu AI"))
    XCTAssertFalse(r.stdout.contains("\u{1B}"))
    XCTAssertFalse(r.stdout.contains("kgsh:"), "no prompt when not on a terminal")
  }

  func testTypoExitsOneWithSuggestion() throws {
    let r = try KgshProcess.run(["-c", "shwo Zhipu"])
    XCTAssertEqual(r.status, 1)
    XCTAssertEqual(r.stderr, "-c:1:1: unknown command 'shwo'; did you mean 'show'?\n")
  }

  /// Several -c run in turn, as psql's do (the last one alone used to run).
  func testSeveralDashCRunInTurnAndStopAtTheFirstError() throws {
    let r = try KgshProcess.run(["-c", "echo one", "--read-only", "-c", "echo two; echo three"])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(r.stdout, "one\ntwo\nthree\n")
    let failed = try KgshProcess.run(["-c", "echo one", "-c", "nope", "-c", "echo three"])
    XCTAssertEqual(failed.status, 1)
    XCTAssertEqual(failed.stdout, "one\n")
    XCTAssertEqual(failed.stderr, "-c:2:1: unknown command 'nope'; type help for the list of commands\n")
  }

  func testStopsAtFirstErrorOrContinues() throws {
    let r = try KgshProcess.run(["-c", "stats; nope; labels"])
    XCTAssertEqual(r.status, 1)
    XCTAssertFalse(r.stdout.contains("Company"))
    let c = try KgshProcess.run(["--continue-on-error", "-c", "stats; nope; labels"])
    XCTAssertEqual(c.status, 1)
    XCTAssertTrue(c.stdout.contains("Company"))
  }

  /// A piped script that is not UTF-8 (GBK here) is refused at its line instead of running
  /// with replacement characters in the names.
  func testPipedTextThatIsNotUTF8IsRefusedAtItsLine() throws {
    let script = Data(Array("echo a\nshow ".utf8) + [0xD6, 0xC7, 0xC6, 0xD7] + Array("\necho b\n".utf8))
    let r = try KgshProcess.run([], input: script)
    XCTAssertEqual(r.status, 1)
    XCTAssertEqual(r.stdout, "a\n")
    XCTAssertEqual(
      r.stderr,
      "stdin:2: the text is not UTF-8; save the script as UTF-8 (it may be GBK or Latin-1); the statement was not run\n"
    )
    let c = try KgshProcess.run(["--continue-on-error"], input: script)
    XCTAssertEqual(c.status, 1)
    XCTAssertEqual(c.stdout, "a\nb\n")
  }

  /// A bracket or quote left open in a piped script is reported at its line, and the
  /// lines after that statement's first still run (they were not swallowed by it).
  func testAnUnclosedBracketInPipedInputDoesNotSwallowTheRest() throws {
    let script = "echo a\nmatch (n:Company return n\necho b\nreturn 1 AS one\necho \"open\necho c\n"
    let stops = try KgshProcess.run([], stdin: script)
    XCTAssertEqual(stops.status, 1)
    XCTAssertEqual(stops.stdout, "a\n")
    XCTAssertEqual(stops.stderr, "stdin:2:7: unclosed '('; close the bracket opened at line 2, column 7\n")
    let goes = try KgshProcess.run(["--continue-on-error", "--format", "csv"], stdin: script)
    XCTAssertEqual(goes.status, 1)
    XCTAssertEqual(goes.stdout, "a\nb\none\n1\nc\n")
    XCTAssertEqual(
      goes.stderr,
      "stdin:2:7: unclosed '('; close the bracket opened at line 2, column 7\n"
        + "stdin:5:6: unterminated quote; close the quote that starts at line 5, column 6\n")
    // Open on a later line of a statement: reported once, and what follows that line runs.
    let later = try KgshProcess.run(
      ["--continue-on-error"], stdin: "match (n)\nwhere n.name = 'abc\necho after\n")
    XCTAssertEqual(later.stdout, "after\n")
    XCTAssertEqual(
      later.stderr, "stdin:2:16: unterminated quote; close the quote that starts at line 2, column 16\n")
  }

  func testNonSQLiteDbIsRefusedAndUnchanged() throws {
    let home = KgshProcess.temporaryHome()
    let file = home.appendingPathComponent("notes.txt")
    let bytes = Data("just some notes\n".utf8)
    try bytes.write(to: file)
    let r = try KgshProcess.run(["--db", file.path, "-c", "stats"], home: home)
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stderr.contains("not a SQLite database"), r.stderr)
    XCTAssertEqual(r.stderr.split(separator: "\n").count, 1)
    XCTAssertEqual(try Data(contentsOf: file), bytes)
  }

  func testNewDbFileIsCreatedEmpty() throws {
    let home = KgshProcess.temporaryHome()
    let r = try KgshProcess.run(
      ["--db", home.appendingPathComponent("new.sqlite").path, "-c", "stats --format csv"], home: home)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("entities"))
  }

  func testJSONOutputIsValid() throws {
    let r = try KgshProcess.run(["--format", "json", "-c", "show Zhipu"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    XCTAssertEqual((object?["entity"] as? [String: Any])?["key"] as? String, "zhipu")
  }

  func testClosedPipeEndsQuietly() throws {
    let home = KgshProcess.temporaryHome()
    _ = try KgshProcess.run(["-c", "stats"], home: home)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", "'\(Repository.kgsh.path)' -c 'list' | head -1; exit ${PIPESTATUS:-0}"]
    p.environment = KgshProcess.environment(home: home)
    let err = Pipe()
    p.standardError = err
    p.standardOutput = Pipe()
    try p.run()
    p.waitUntilExit()
    XCTAssertEqual(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), "")
  }

  func testVersionAndHelp() throws {
    XCTAssertEqual(try KgshProcess.run(["--version"]).status, 0)
    XCTAssertTrue(try KgshProcess.run(["--help"]).stdout.contains("--read-only"))
  }
}

/// `--format json` gives one JSON document per run (docs/OUTPUT.md).
final class JSONDocumentTests: XCTestCase {
  override func setUpWithError() throws {
    guard FileManager.default.isExecutableFile(atPath: Repository.kgsh.path) else {
      throw XCTSkip("kgsh is not built at \(Repository.kgsh.path); run swift build first")
    }
  }

  func testSeveralCommandsInOneRunAreOneArray() throws {
    let r = try KgshProcess.run(["--format", "json", "-c", "stats; labels | first 2; echo done"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let parsed = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [Any], "one array:\n\(r.stdout)")
    XCTAssertEqual(parsed.count, 3)
    XCTAssertEqual((parsed[1] as? [Any])?.count, 2)
  }

  func testOneCommandIsItsOwnDocumentAndStdinIsOneRun() throws {
    let one = try KgshProcess.run(["--format", "json", "-c", "show Zhipu"])
    XCTAssertEqual(one.status, 0, one.stderr)
    XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
    let piped = try KgshProcess.run(["--format", "json"], stdin: "stats\nlabels | first 1\n")
    XCTAssertEqual(piped.status, 0, piped.stderr)
    XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(piped.stdout.utf8)) as? [Any])?.count, 2)
  }

  /// JSON Lines: a record is one line, a table one line per row (as jq -c and Nushell read them).
  func testJSONLIsOneLinePerRecordAndPerTableRow() throws {
    let r = try KgshProcess.run(["--format", "jsonl", "-c", "stats; labels | first 2; labels | first 0"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let lines = r.stdout.split(separator: "\n")
    XCTAssertEqual(lines.count, 3, r.stdout)
    let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    XCTAssertNotNil(objects[0]?["entities"], r.stdout)
    XCTAssertEqual(objects[1]?["label"] as? String, "Model", r.stdout)
    XCTAssertNotNil(objects[2]?["count"], r.stdout)
  }

  func testAFailedRunStillWritesValidJSONForWhatRan() throws {
    let r = try KgshProcess.run(["--format", "json", "--continue-on-error", "-c", "stats; nope; echo after"])
    XCTAssertEqual(r.status, 1)
    XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [Any])?.count, 2)
    XCTAssertTrue(r.stderr.contains("unknown command 'nope'"), r.stderr)
  }
}
