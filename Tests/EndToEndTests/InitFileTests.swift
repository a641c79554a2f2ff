import Foundation
import ShellTesting
import XCTest

/// The init file: read by interactive sessions only (`--init FILE` forces one in any mode),
/// silent, and overridden by command-line options; its path is in `--help`, `help def` and
/// the README.
final class InitFileTests: XCTestCase {
  var home: URL!

  override func setUpWithError() throws {
    guard FileManager.default.isExecutableFile(atPath: Repository.kgsh.path) else {
      throw XCTSkip("kgsh is not built at \(Repository.kgsh.path); run swift build first")
    }
    home = KgshProcess.temporaryHome()
  }

  /// Writes the default init file (`$XDG_CONFIG_HOME/kgsh/init.kgsh`) and returns its path.
  @discardableResult
  func writeInit(_ text: String) throws -> String {
    let dir = home.appendingPathComponent("config/kgsh")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("init.kgsh").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func testCommandsAndScriptsDoNotReadTheDefaultInitFile() throws {
    try writeInit("def hello() { echo hello from init }\n")
    let c = try KgshProcess.run(["-c", "hello"], home: home)
    XCTAssertEqual(c.status, 1)
    XCTAssertTrue(c.stderr.contains("unknown command 'hello'"), c.stderr)
    let script = home.appendingPathComponent("s.kgsh").path
    try "hello\n".write(toFile: script, atomically: true, encoding: .utf8)
    let s = try KgshProcess.run([script], home: home)
    XCTAssertEqual(s.status, 1)
    XCTAssertTrue(s.stderr.contains("unknown command 'hello'"), s.stderr)
    let piped = try KgshProcess.run([], stdin: "hello\n", home: home)
    XCTAssertEqual(piped.status, 1, "stdin is not interactive: no init file")
  }

  func testInitOptionForcesAFileSilently() throws {
    let file = home.appendingPathComponent("elsewhere.kgsh").path
    try "def hello() { echo hello from init }\necho not shown\n".write(
      toFile: file, atomically: true, encoding: .utf8)
    let r = try KgshProcess.run(["--init", file, "-c", "hello"], home: home)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(r.stdout, "hello from init\n", "the def and echo in the init file print nothing")
    let missing = try KgshProcess.run(["--init", file + ".none", "-c", "stats"], home: home)
    XCTAssertEqual(missing.status, 1)
    XCTAssertTrue(missing.stderr.contains("--init: no file"), missing.stderr)
  }

  func testCommandLineOptionsWinOverTheInitFile() throws {
    let file = try writeInit("format table\nset timeout 5s\n")
    let r = try KgshProcess.run(
      ["--init", file, "--format", "json", "--timeout", "9s", "-c", "fx; set"], home: home)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.hasPrefix("{") || r.stdout.hasPrefix("["), "--format json wins:\n\(r.stdout)")
    XCTAssertFalse(r.stdout.contains("┌"), r.stdout)
    XCTAssertTrue(r.stdout.contains("9s"), "--timeout wins:\n\(r.stdout)")
    let plain = try KgshProcess.run(["--init", file, "-c", "fx"], home: home)
    XCTAssertTrue(
      plain.stdout.contains("┌"), "without --format the init file's format holds:\n\(plain.stdout)")
  }

  func testHelpShowsThePath() throws {
    let help = try KgshProcess.run(["--help"], home: home)
    XCTAssertTrue(help.stdout.contains("~/.config/kgsh/init.kgsh"), help.stdout)
    XCTAssertTrue(help.stdout.contains("--init"), help.stdout)
    let def = try KgshProcess.run(["-c", "help def"], home: home)
    XCTAssertTrue(def.stdout.contains("~/.config/kgsh/init.kgsh"), def.stdout)
    let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
    XCTAssertTrue(readme.contains("~/.config/kgsh/init.kgsh"))
  }

  func testInteractiveSessionReadsTheInitFileSilently() throws {
    try writeInit("def hello() { echo hello from init }\nformat csv\n")
    let environment = [
      "PATH": "/usr/local/bin:/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8", "HOME": home.path,
      "XDG_DATA_HOME": home.appendingPathComponent("data").path,
      "XDG_STATE_HOME": home.appendingPathComponent("state").path,
      "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
      "KGSH_KNOWLEDGE": Repository.knowledge,
    ]
    let shell = try PseudoTerminal(executable: Repository.kgsh.path, environment: environment)
    let banner = try shell.waitFor(PseudoTerminal.kgshPrompt, timeout: .seconds(60))
    XCTAssertFalse(banner.contains("defined hello"), "the init file is silent:\n\(banner)")
    try shell.waitUntilRawMode()
    shell.send("hello")
    shell.send(key: .enter)
    XCTAssertTrue(try shell.waitForPrompt().contains("hello from init"))
    shell.send("fx")
    shell.send(key: .enter)
    let fx = try shell.waitForPrompt()
    XCTAssertTrue(fx.contains("from,to,rate"), "the init file's format holds:\n\(fx)")
    try shell.quitREPL()
  }
}
