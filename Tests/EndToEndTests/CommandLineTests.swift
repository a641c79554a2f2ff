import Foundation
import ShellTesting
import XCTest

/// The command line is read two ways: the common spellings without swift-argument-parser
/// (fast start), everything else by the parser. Both must mean the same thing.
final class CommandLineTests: XCTestCase {
  override func setUpWithError() throws {
    guard FileManager.default.isExecutableFile(atPath: Repository.kgsh.path) else {
      throw XCTSkip("kgsh is not built at \(Repository.kgsh.path); run swift build first")
    }
  }

  func testQuickAndParsedSpellingsOfTheSameOptionsAgree() throws {
    let home = KgshProcess.temporaryHome()
    let db = home.appendingPathComponent("kb.sqlite").path
    let setup = try KgshProcess.run(
      ["--db", db, "-c", "create (n:Company {name: 'Acme Widgets'})"], home: home)
    XCTAssertEqual(setup.status, 0, setup.stderr)
    // `--db PATH` is read quickly; `--db=PATH` only the parser understands.
    let quick = try KgshProcess.run(["--db", db, "--read-only", "-c", "show 'Acme Widgets'"], home: home)
    let parsed = try KgshProcess.run(["--db=\(db)", "--read-only", "-c", "show 'Acme Widgets'"], home: home)
    XCTAssertEqual(quick.status, 0, quick.stderr)
    XCTAssertTrue(quick.stdout.contains("Acme Widgets"), quick.stdout)
    XCTAssertEqual(quick.stdout, parsed.stdout)
    XCTAssertEqual(quick.status, parsed.status)
  }

  func testOptionsReadWithoutTheParserTakeEffect() throws {
    let home = KgshProcess.temporaryHome()
    let db = home.appendingPathComponent("kb.sqlite").path
    let r = try KgshProcess.run(
      [
        "--no-init", "--no-plugins", "--db", db, "--param", "who=Ada", "--param", "n=2", "--format", "json",
        "-c", "echo $who; echo $n",
      ],
      home: home)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.hasPrefix("["), "json: one document for the run: \(r.stdout)")
    XCTAssertTrue(r.stdout.contains("Ada") && r.stdout.contains("2"), r.stdout)
    // A number is a number, as with let: SKIP and LIMIT take it.
    let typed = try KgshProcess.run(
      ["--db", db, "--param", "s=1", "--format", "tsv", "-c", "unwind [1, 2, 3] AS x RETURN x SKIP $s"],
      home: home)
    XCTAssertEqual(typed.stdout, "x\n2\n3\n", typed.stderr)
    let badName = try KgshProcess.run(["--db", db, "--param", "1x=2", "-c", "echo hi"], home: home)
    XCTAssertEqual(badName.status, 1)
    XCTAssertTrue(badName.stderr.hasPrefix("kgsh: --param: '1x' is not a variable name;"), badName.stderr)
    let readOnly = try KgshProcess.run(
      ["--db", db, "--read-only", "-c", "create (n:Company {name: 'Nope'})"], home: home)
    XCTAssertEqual(readOnly.status, 1)
    XCTAssertTrue(readOnly.stderr.contains("read-only"), readOnly.stderr)
  }

  /// A mistake in the command line is one line in the parser's words, with where to look.
  func testMistakesGetTheParsersMessagesInOneLine() throws {
    let missing = try KgshProcess.run(["-c"])
    XCTAssertEqual(missing.status, 64)
    XCTAssertEqual(missing.stderr, "kgsh: missing value for '-c <commands>'; kgsh --help lists the options\n")
    let unknown = try KgshProcess.run(["--bogus", "-c", "echo hi"])
    XCTAssertEqual(unknown.status, 64)
    XCTAssertEqual(unknown.stderr, "kgsh: unknown option '--bogus'; kgsh --help lists the options\n")
    XCTAssertEqual(unknown.stdout, "")
    // kgsh mcp, a program of its own, words its mistakes the same way.
    let mcp = try KgshProcess.run(["mcp", "--bogus"])
    XCTAssertEqual(mcp.status, 64)
    XCTAssertEqual(mcp.stderr, "kgsh mcp: unknown option '--bogus'; kgsh mcp --help lists the options\n")
    let version = try KgshProcess.run(["--version"])
    XCTAssertEqual(version.status, 0)
    XCTAssertTrue(version.stdout.hasPrefix("0."), version.stdout)
    // `--version` alone is answered without the parser; with another flag the parser answers.
    let parsedVersion = try KgshProcess.run(["--no-init", "--version"])
    XCTAssertEqual(parsedVersion.status, 0, parsedVersion.stderr)
    XCTAssertEqual(version.stdout, parsedVersion.stdout)
  }

  /// Other tools' options and a command typed where a script belongs are answered in kgsh's
  /// words, with the command line to use; nothing is opened or created first.
  func testOtherToolsSpellingsGetTheLineToUse() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-words-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let db = dir.appendingPathComponent("new.sqlite").path
    let cases: [([String], String)] = [
      (["-f", "a.kgsh"], "unknown option '-f'; to run a script, give its path: kgsh FILE.kgsh"),
      (["--json", "-c", "stats"], "unknown option '--json'; for JSON, use --format json"),
      (["--reed-only"], "unknown option '--reed-only'; did you mean --read-only?"),
      (
        ["show", "Zhipu AI"],
        #"'show' is a command, not a script file; run it with kgsh -c 'show "Zhipu AI"'"#
      ),
      (
        ["--db", db, "stats"],
        "'stats' is a command, not a script file; run it with kgsh --db \(db) -c 'stats'"
      ),
      (["fact", "add", "x"], "'fact add' is a command, not a script file; run it with kgsh -c 'fact add x'"),
      (
        ["--db", db, "-c", "list", "Company"],
        "-c gives the commands to run, so 'Company' is left over; put it inside -c's quotes, "
          + "or run a script on its own: kgsh Company"
      ),
    ]
    for (arguments, expected) in cases {
      let r = try KgshProcess.run(arguments, cwd: dir)
      XCTAssertNotEqual(r.status, 0, "\(arguments)")
      XCTAssertEqual(r.stderr, "kgsh: \(expected)\n", "\(arguments)")
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: db), "the refusal opened the knowledge base")
    // A file of that name is a script, and runs.
    try "echo ran".write(to: dir.appendingPathComponent("stats"), atomically: true, encoding: .utf8)
    let script = try KgshProcess.run(["--db", db, "stats"], cwd: dir)
    XCTAssertEqual(script.stdout, "ran\n", script.stderr)
  }

  /// `kgsh --help` wraps each paragraph to the terminal's width as a whole: at 80 columns no
  /// line of the overview ends early where the source text had a line break.
  func testHelpParagraphsWrapAsAWhole() throws {
    let wide = try KgshProcess.run(["--help"], environment: ["COLUMNS": "400"])
    XCTAssertEqual(wide.status, 0, wide.stderr)
    let first = try XCTUnwrap(wide.stdout.split(separator: "\n").first { $0.hasPrefix("With no FILE") })
    XCTAssertTrue(first.hasSuffix("Type help inside the shell for the commands."), String(first))
    let narrow = try KgshProcess.run(["--help"], environment: ["COLUMNS": "80"])
    let overview = narrow.stdout.components(separatedBy: "USAGE:")[0].split(separator: "\n")
    XCTAssertTrue(overview.allSatisfy { $0.count <= 80 }, narrow.stdout)
    XCTAssertFalse(overview.contains { $0.hasSuffix(", and") || $0.hasSuffix("(default") }, narrow.stdout)
  }
}
