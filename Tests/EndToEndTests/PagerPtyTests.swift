import Foundation
import ShellTesting
import XCTest

/// The pager in a real pseudo-terminal: output taller than the terminal goes through
/// `$KGSH_PAGER` (here a command that records what it received), short output and
/// non-interactive runs never do, Ctrl-C in the pager returns to the prompt; and no escape
/// codes reach a file (`output FILE`) or a dumb terminal.
final class PagerPtyTests: XCTestCase {
  nonisolated(unsafe) private static var home: URL?
  private var received: URL!

  override class func setUp() {
    super.setUp()
    home = KgshProcess.temporaryHome()
  }

  override class func tearDown() {
    if let home { try? FileManager.default.removeItem(at: home) }
    super.tearDown()
  }

  override func setUpWithError() throws {
    received = try XCTUnwrap(Self.home).appendingPathComponent("paged-\(UUID().uuidString).txt")
  }

  /// What the test pager received so far ("" when it never ran).
  var paged: String { (try? String(contentsOf: received, encoding: .utf8)) ?? "" }

  func start(
    rows: Int = 24, arguments: [String] = [], pager: String? = nil, environment: [String: String] = [:]
  ) throws -> PseudoTerminal {
    try PseudoTerminal.kgsh(
      home: try XCTUnwrap(Self.home), columns: 100, rows: rows, arguments: arguments,
      environment: ["KGSH_PAGER": pager ?? "cat >> '\(received.path)'"].merging(environment) { $1 })
  }

  func run(_ shell: PseudoTerminal, _ command: String) throws -> String {
    shell.send(command)
    shell.send(key: .enter)
    return try shell.waitForPrompt()
  }

  func testTallOutputGoesThroughThePagerShortOutputDoesNot() throws {
    let shell = try start()
    let shown = try run(shell, "show Zhipu")
    XCTAssertTrue(paged.contains("Zhipu AI"), "the pager got the card:\n\(paged.prefix(500))")
    XCTAssertGreaterThan(paged.split(separator: "\n").count, 24)
    XCTAssertFalse(shown.contains("sources"), "the card is not printed a second time:\n\(shown.prefix(500))")
    let before = paged
    XCTAssertTrue(try run(shell, "stats").contains("entities"), "short output is printed")
    XCTAssertEqual(paged, before, "short output never reaches the pager")
    _ = try run(shell, "set pager off")
    XCTAssertTrue(try run(shell, "show Zhipu").contains("Zhipu AI"))
    XCTAssertEqual(paged, before, "set pager off prints instead")
    try shell.quitREPL()
  }

  func testNoPagerFlagAndNonInteractiveRunsPrint() throws {
    let shell = try start(arguments: ["--no-pager"])
    XCTAssertTrue(try run(shell, "show Zhipu").contains("Zhipu AI"))
    try shell.quitREPL()
    let once = try PseudoTerminal(
      executable: Repository.kgsh.path, arguments: ["-c", "show Zhipu"],
      environment: [
        "PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8", "HOME": Self.home!.path,
        "XDG_DATA_HOME": Self.home!.appendingPathComponent("data").path,
        "KGSH_KNOWLEDGE": Repository.knowledge, "KGSH_PAGER": "cat >> '\(received.path)'",
      ], columns: 100, rows: 24)
    try once.waitFor("Zhipu AI", timeout: .seconds(60))
    XCTAssertEqual(try once.waitForExit(timeout: .seconds(60)), 0)
    XCTAssertEqual(paged, "", "-c output is never paged")
  }

  /// The default pager, less -FRX (with LESS=FRXK, so Ctrl-C leaves it at once).
  func testCtrlCInThePagerReturnsToThePrompt() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/less") else {
      throw XCTSkip("less is not installed")
    }
    let shell = try start(pager: "", environment: ["PAGER": ""])
    shell.send("show Zhipu")
    shell.send(key: .enter)
    try shell.waitFor("Zhipu AI")
    // less shows one screen, then its ':' prompt, and waits for a key.
    try shell.waitFor(#/\n:/#)
    // As a person would: after less is waiting for a key (a Ctrl-C in the instant before
    // less starts reading is only remembered by it, and shown as a bell).
    usleep(300_000)
    let pressed = ContinuousClock.now
    shell.send(key: .ctrlC)
    try shell.waitForPrompt()
    XCTAssertLessThan(ContinuousClock.now - pressed, .seconds(5), "Ctrl-C ended the pager")
    XCTAssertTrue(try run(shell, "stats").contains("entities"), "the shell goes on")
    try shell.quitREPL()
  }

  func testWithoutAnyPagerInstalledTheOutputIsPrinted() throws {
    let shell = try start(pager: "", environment: ["PATH": "/nonexistent", "PAGER": ""])
    let shown = try run(shell, "show Zhipu")
    XCTAssertTrue(shown.contains("Zhipu AI") && shown.contains("sources"), String(shown.prefix(500)))
    try shell.quitREPL()
  }

  func testNoEscapeCodesInFilesOrOnADumbTerminal() throws {
    let file = try XCTUnwrap(Self.home).appendingPathComponent("out-\(UUID().uuidString).txt")
    let shell = try start()
    _ = try run(shell, "output '\(file.path)'")
    _ = try run(shell, "help")
    _ = try run(shell, "show Zhipu")
    _ = try run(shell, "prices")
    _ = try run(shell, "output -")
    try shell.quitREPL()
    let written = try String(contentsOf: file, encoding: .utf8)
    XCTAssertTrue(written.contains("Zhipu AI"))
    XCTAssertFalse(written.contains("\u{1B}"), "escape codes in the file")
    XCTAssertTrue(
      written.split(separator: "\n").contains { $0.count > 100 }, "a file gets the full, unwrapped table")

    let dumb = try start(environment: ["TERM": "dumb"])
    dumb.send("help")
    dumb.send(key: .enter)
    try dumb.waitForPrompt()
    XCTAssertFalse(dumb.transcript.contains("\u{1B}[1m"), "bold on a dumb terminal")
    try dumb.quitREPL()
  }
}
