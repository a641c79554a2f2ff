import Foundation
import ShellCore
import ShellTesting
import XCTest

/// The interactive shell in a real pseudo-terminal: completion, history across sessions,
/// Ctrl-C, Ctrl-D and editing Chinese text without a locale in the environment.
///
/// Runs the built `kgsh` (next to the test bundle, or `.build/debug/kgsh`, or `$KGSH_BINARY`)
/// with HOME and the XDG directories in a temporary directory. Skips, saying why, when the
/// binary is missing or shows no prompt.
final class ReplPtyTests: XCTestCase {
  /// The first start may build the knowledge base: wait longer for it.
  private static let startupTimeout: Duration = .seconds(60)

  /// One data directory for the whole class, so the knowledge base is built once.
  /// Written only by class setUp/tearDown, which XCTest runs before and after all tests,
  /// on one thread: never accessed concurrently.
  nonisolated(unsafe) private static var sharedData: URL?
  private var home: URL!

  override class func setUp() {
    super.setUp()
    sharedData = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-pty-data-\(UUID())")
  }

  override class func tearDown() {
    if let sharedData { try? FileManager.default.removeItem(at: sharedData) }
    super.tearDown()
  }

  override func setUpWithError() throws {
    home = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-pty-home-\(UUID())")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: home)
  }

  // MARK: - Tests

  func testTabCompletesCommandName() throws {
    let shell = try startShell()
    shell.send("sh")
    shell.send(key: .tab)
    try shell.waitFor("show ")
    try shell.quitREPL()
  }

  func testWelcomeLineSuggestsTwoThingsToTry() throws {
    let shell = try startShell()
    let greeting = shell.transcript
    let lines = PseudoTerminal.stripANSI(greeting).split(whereSeparator: \.isNewline).map {
      $0.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
    }
    XCTAssertTrue(lines.contains("Try:  show Zhipu"), greeting)
    XCTAssertTrue(
      lines.contains("      compare 'GLM Coding Plan Lite' 'Claude Pro' --currency CNY"), greeting)
    for line in lines { XCTAssertLessThanOrEqual(TextWidth.of(line), 80, "fits 80 columns: \(line)") }
    XCTAssertTrue(greeting.contains("Type help for the commands by plugin"), greeting)
    try shell.quitREPL()
  }

  func testTabCompletesAQuotedPlanNameInCompare() throws {
    let shell = try startShell()
    shell.send("compare GLM\\ Coding\\ Plan\\ Li")
    shell.send(key: .tab)
    // The line is redrawn from the word's start: `compare ` stays, the escaped word becomes
    // the quoted common prefix of the plan names.
    try shell.waitFor("\"GLM Coding Plan Lite")
    shell.send("\" 'Claude Pro' --format csv")
    shell.send(key: .enter)
    try shell.waitFor("GLM Coding Plan Lite,")
    try shell.waitForPrompt()
    try shell.quitREPL()
  }

  func testTabCompletesChineseEntityName() throws {
    let shell = try startShell()
    // `智` alone starts dozens of names (智谱, 智源, 智能涌现...), so Tab lists them;
    // a longer prefix completes to the one name.
    shell.send("show 智")
    shell.send(key: .tab)
    _ = try shell.waitFor("智源")
    shell.send("谱A")
    shell.send(key: .tab)
    let seen = try shell.waitFor(#/show 智谱AI /#)
    print("completed to: \(seen.split(separator: "\n").last ?? "")")
    shell.send(key: .enter)
    _ = try shell.waitFor("Zhipu AI")  // the card of the completed name
    _ = try shell.waitForPrompt()
    try shell.quitREPL()
  }

  func testUpRecallsTheCommandOfThePreviousSession() throws {
    let first = try startShell()
    first.send("stats")
    first.send(key: .enter)
    let expected = Self.commandOutput(try first.waitForPrompt())
    first.send(key: .ctrlD)
    XCTAssertEqual(try first.waitForExit(), 0)

    let second = try startShell()
    second.send(key: .up)
    try second.waitFor("stats")
    second.send(key: .enter)
    let recalled = Self.commandOutput(try second.waitForPrompt())
    XCTAssertEqual(recalled, expected)
    XCTAssertFalse(expected.isEmpty)
    try second.quitREPL()
  }

  func testCtrlCClearsTheLineBeingEdited() throws {
    let shell = try startShell()
    shell.send("garbage 乱码")
    try shell.waitFor("garbage 乱码")
    shell.send(key: .ctrlC)
    try shell.waitForPrompt()
    shell.send("stats")
    shell.send(key: .enter)
    let output = try shell.waitForPrompt()
    XCTAssertFalse(output.contains("garbage"), "the cleared text came back: \(output)")
    XCTAssertFalse(Self.commandOutput(output).isEmpty)
    try shell.quitREPL()
  }

  /// Ctrl-C during a SQL statement that never ends (an unbounded recursive CTE) interrupts
  /// SQLite itself (sqlite3_interrupt): the command fails with "interrupted" and the
  /// session goes on.
  func testCtrlCInterruptsARunningSQLStatement() throws {
    let shell = try startShell()
    let seen = try pressCtrlCWhileBusy(
      shell, "sql with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c")
    // The terminal echoes "^C"; the message starts a line of its own, not glued to it.
    let plain = PseudoTerminal.stripANSI(seen)
    XCTAssertNotNil(plain.firstMatch(of: #/(^|\n)error: interrupted/#), "interrupted glued to ^C: \(plain)")
    XCTAssertFalse(plain.contains("^Cerror"), plain)
    XCTAssertFalse(
      seen.contains("rest of the input"), "stopped between statements, not inside SQLite: \(seen)")
    try expectTheSessionGoesOn(shell)
  }

  /// A Cypher search that finds nothing for a long time stops at Ctrl-C too (it passes no
  /// row on, so only the search's own steps can notice).
  func testCtrlCInterruptsACypherSearchThatFindsNothing() throws {
    let shell = try startShell()
    _ = try pressCtrlCWhileBusy(
      shell, "match (a:Company)-[*]-(b) where b.name ends with 'none' return count(*)")
    try expectTheSessionGoesOn(shell)
  }

  /// Runs `statement`, waits until kgsh is provably busy in it (it burns CPU), presses Ctrl-C
  /// and returns what the terminal showed up to the next prompt, which must say "interrupted".
  func pressCtrlCWhileBusy(_ shell: PseudoTerminal, _ statement: String) throws -> String {
    shell.send("echo started; " + statement)
    shell.send(key: .enter)
    try shell.waitFor(#/\nstarted/#)
    let busy = KgshProcess.cpuSeconds(of: shell.processID) + 0.3
    while !shell.isClosed && KgshProcess.cpuSeconds(of: shell.processID) < busy { usleep(10_000) }
    shell.send(key: .ctrlC)
    let seen = try shell.waitForPrompt()
    XCTAssertTrue(seen.contains("interrupted"), "no 'interrupted' after Ctrl-C: \(seen)")
    return seen
  }

  /// After an interrupted statement the next one runs, and the REPL ends normally.
  func expectTheSessionGoesOn(_ shell: PseudoTerminal) throws {
    shell.send("stats")
    shell.send(key: .enter)
    XCTAssertTrue(Self.commandOutput(try shell.waitForPrompt()).contains("entities"))
    try shell.quitREPL()
  }

  /// `record` in the REPL keeps the statements that succeeded, and `history N` shows the
  /// statement it runs again before its output.
  func testRecordKeepsSuccessfulStatementsAndHistoryEchoes() throws {
    let file = home.appendingPathComponent("recorded.kgsh").path
    let shell = try startShell()
    for line in ["record start \(file)", "echo kept", "lables", "history 2"] {
      shell.send(line)
      shell.send(key: .enter)
      let seen = PseudoTerminal.stripANSI(try shell.waitForPrompt())
      if line == "history 2" {
        XCTAssertNotNil(seen.firstMatch(of: #/\necho kept\r?\nkept/#), "history 2 did not echo: \(seen)")
      }
    }
    shell.send("record stop")
    shell.send(key: .enter)
    // The message may wrap at the terminal's width: compare it as one line.
    let stopped = PseudoTerminal.stripANSI(try shell.waitForPrompt())
      .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(
        separator: " ")
    XCTAssertTrue(stopped.contains("left out 1 that failed"), stopped)
    try shell.quitREPL()
    let script = try String(contentsOfFile: file, encoding: .utf8)
    XCTAssertEqual(script, "# recorded by kgsh\necho kept\necho kept\n")
  }

  func testCtrlDExitsWithStatusZero() throws {
    let shell = try startShell()
    shell.send(key: .ctrlD)
    XCTAssertEqual(try shell.waitForExit(), 0)
  }

  /// LANG and LC_ALL unset: the shell must switch LC_CTYPE to UTF-8 or libedit drops
  /// every Chinese key. The edited lines must run exactly like the line typed plainly.
  func testEditingChineseWithoutLocale() throws {
    let shell = try startShell(locale: false)
    shell.send("find 智谱")
    shell.send(key: .enter)
    let plain = Self.commandOutput(try shell.waitForPrompt())

    shell.send("find 智谱X")
    shell.send(key: .backspace)
    shell.send(key: .enter)
    XCTAssertEqual(Self.commandOutput(try shell.waitForPrompt()), plain, "Backspace after Chinese text")

    shell.send("find 智X谱")
    shell.send(key: .left)
    shell.send(key: .backspace)
    shell.send(key: .enter)
    XCTAssertEqual(
      Self.commandOutput(try shell.waitForPrompt()), plain, "Left, then Backspace between Chinese")

    XCTAssertTrue(plain.contains("智"), "find 智谱 printed: \(plain)")
    try shell.quitREPL()
  }

  /// The knowledge base opens while the prompt is drawn. A SQLite file of another program
  /// is refused only then: the refusal is the last line and the status is 1.
  func testAKnowledgeBaseThatFailsToOpenAfterThePromptEndsTheRunWithItsError() throws {
    guard let binary = Self.findBinary() else { throw XCTSkip("kgsh binary not found") }
    let db = home.appendingPathComponent("other.sqlite")
    let sqlite = Process()
    sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    sqlite.arguments = [db.path, "create table t(a); insert into t values (1);"]
    try sqlite.run()
    sqlite.waitUntilExit()
    let bytes = try Data(contentsOf: db)
    let shell = try PseudoTerminal(
      executable: binary, arguments: ["--db", db.path], environment: environment(), columns: 80, rows: 24)
    XCTAssertEqual(try shell.waitForExit(timeout: Self.startupTimeout), 1, shell.transcript)
    let lines = PseudoTerminal.stripANSI(shell.transcript).split(whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    XCTAssertTrue(lines.contains("kgsh:other>"), "the prompt was drawn first: \(lines)")
    let last = lines.last ?? ""
    XCTAssertTrue(
      last.contains("is a SQLite database but not a kgsh knowledge base"), "what failed: \(lines)")
    XCTAssertEqual(PseudoTerminal.stripANSI(shell.transcript).components(separatedBy: "kgsh: ").count, 2)
    // The file is left as it was.
    XCTAssertEqual(try Data(contentsOf: db), bytes)
  }

  /// Typed before the knowledge base is open, a line still runs on it, and Tab still completes.
  func testKeysTypedAtOnceWaitForTheKnowledgeBase() throws {
    guard let binary = Self.findBinary() else { throw XCTSkip("kgsh binary not found") }
    // The default knowledge base exists (built by an earlier start) or is built now.
    let first = try startShell()
    try first.quitREPL()
    let shell = try PseudoTerminal(executable: binary, environment: environment(), columns: 100, rows: 30)
    shell.send("show Zhipu\r")
    try shell.waitFor("Zhipu AI", timeout: Self.startupTimeout)
    try shell.waitForPrompt()
    shell.send("sho")
    shell.send(key: .tab)
    try shell.waitFor("show ")
    try shell.quitREPL()
  }

  // MARK: - Helpers

  /// Starts kgsh and waits until it reads keys at its first prompt.
  private func startShell(locale: Bool = true) throws -> PseudoTerminal {
    guard let binary = Self.findBinary() else {
      let reason = "kgsh binary not found; build it with `swift build --product kgsh`"
      print("ReplPtyTests skipped: \(reason)")
      throw XCTSkip(reason)
    }
    let shell = try PseudoTerminal(
      executable: binary, environment: environment(locale: locale), columns: 120, rows: 40)
    do {
      try shell.waitFor(PseudoTerminal.kgshPrompt, timeout: Self.startupTimeout)
    } catch let failure as PseudoTerminal.Failure where failure.reason == .closed {
      let reason = "\(binary) showed no REPL prompt before exiting (REPL not wired yet?)"
      print("ReplPtyTests skipped: \(reason)")
      throw XCTSkip(reason)
    }
    try shell.waitUntilRawMode()
    return shell
  }

  /// HOME and the XDG directories in this test's temporary directory.
  private func environment(locale: Bool = true) -> [String: String] {
    var environment = [
      "PATH": "/usr/local/bin:/usr/bin:/bin",
      "TERM": "xterm",
      "HOME": home.path,
      "XDG_DATA_HOME": Self.sharedData!.path,
      "XDG_STATE_HOME": home.appendingPathComponent("state").path,
      "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
      // Long output (a card) is printed, not paged, in these tests.
      "KGSH_PAGER": "cat",
    ]
    if locale { environment["LANG"] = "C.UTF-8" }
    return environment
  }

  /// The output of one command: what `waitForPrompt` returned, without the echoed command
  /// line (the first line) and the prompt, and without lines that report a duration.
  private static func commandOutput(_ seen: String) -> String {
    var lines = seen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
    if let last = lines.last, last.firstMatch(of: PseudoTerminal.kgshPrompt) != nil { lines.removeLast() }
    return
      lines
      .filter { $0.firstMatch(of: #/\d\s?(ms|µs|s)\b/#) == nil }
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .joined(separator: "\n")
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// `$KGSH_BINARY`, else `kgsh` next to the test bundle, else `.build/debug/kgsh` of this package.
  private static func findBinary() -> String? {
    var candidates: [String] = []
    if let override = ProcessInfo.processInfo.environment["KGSH_BINARY"] { candidates.append(override) }
    let bundle = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
    candidates.append(bundle.appendingPathComponent("kgsh").path)
    candidates.append(Bundle.main.bundleURL.appendingPathComponent("kgsh").path)
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(packageRoot.appendingPathComponent(".build/debug/kgsh").path)
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }
}

/// The pty harness itself, on programs every Debian system has.
final class PseudoTerminalTests: XCTestCase {
  private let environment = ["PATH": "/usr/bin:/bin", "TERM": "xterm"]

  func testStripANSI() {
    XCTAssertEqual(
      PseudoTerminal.stripANSI(
        "\u{1B}[1;32mkgsh\u{1B}[0m> \r\u{1B}[Kshow\u{07}\n\u{1B}]0;title\u{07}智谱\u{1B}(B"),
      "kgsh> show\n智谱")
  }

  func testTypingIntoCat() throws {
    let cat = try PseudoTerminal(executable: "/bin/cat", environment: environment)
    cat.send("hello 智谱")
    cat.send(key: .enter)
    try cat.waitFor("hello 智谱\nhello 智谱\n")  // the terminal's echo, then cat's copy
    cat.send(key: .ctrlD)
    XCTAssertEqual(try cat.waitForExit(), 0)
  }

  func testWindowSizeAndExitStatus() throws {
    let shell = try PseudoTerminal(
      executable: "/bin/sh", arguments: ["-c", "stty size; exit 3"], environment: environment, columns: 120,
      rows: 40)
    try shell.waitFor("40 120")
    XCTAssertEqual(try shell.waitForExit(), 3)
  }

  func testWaitingOnAProgramThatEndedFailsAndSaysWhy() throws {
    let program = try PseudoTerminal(executable: "/bin/echo", arguments: ["bye"], environment: environment)
    XCTAssertThrowsError(try program.waitFor("never printed")) { error in
      XCTAssertEqual((error as? PseudoTerminal.Failure)?.reason, .closed)
      XCTAssertTrue("\(error)".contains("bye"), "the failure shows what was seen")
    }
  }
}
