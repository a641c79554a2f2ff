import Foundation
import ShellTesting
import XCTest

/// A third-party plugin in the interactive shell: help and Tab completion of its command
/// names and flags come from the registry file; Ctrl-C cancels a plugin call and the
/// shell goes on.
final class PluginReplTests: XCTestCase {
  private var home: URL!

  override func setUpWithError() throws {
    try PluginFixtures.skipUnlessReady()
    home = try PluginFixtures.home(adding: [PluginFixtures.news, PluginFixtures.faulty])
  }

  override func tearDownWithError() throws {
    if let home { try? FileManager.default.removeItem(at: home) }
  }

  func testHelpAndCompletionOfPluginCommandsAndFlags() throws {
    let shell = try startShell()
    shell.send("new")
    shell.send(key: .tab)
    try shell.waitFor("news ")
    shell.send("智谱 --li")
    shell.send(key: .tab)
    try shell.waitFor("--limit ")
    shell.send("1 --kind l")
    shell.send(key: .tab)
    try shell.waitFor("listing ")
    shell.send(key: .enter)
    try shell.waitFor("item about Zhipu AI")
    try shell.waitForPrompt()
    shell.send("help news")
    shell.send(key: .enter)
    try shell.waitFor("usage: news ENTITY")
    try shell.waitForPrompt()
    try shell.quitREPL()
  }

  func testCtrlCCancelsAPluginCallAndTheShellGoesOn() throws {
    let shell = try startShell()
    shell.send("faulty hang")
    shell.send(key: .enter)
    // The call is in flight once kgsh has started the plugin; then interrupt it.
    try waitForPluginRunning()
    shell.send(key: .ctrlC)
    try shell.waitFor("interrupted")
    try shell.waitForPrompt()
    shell.send("faulty ok")
    shell.send(key: .enter)
    try shell.waitFor("fine")
    try shell.waitForPrompt()
    try shell.quitREPL()
  }

  // MARK: - Helpers

  private func startShell() throws -> PseudoTerminal {
    var environment = KgshProcess.environment(home: home)
    environment["TERM"] = "xterm"
    environment["LANG"] = "C.UTF-8"
    let shell = try PseudoTerminal(
      executable: Repository.kgsh.path, environment: environment, columns: 120, rows: 40)
    try shell.waitFor(PseudoTerminal.kgshPrompt, timeout: .seconds(60))
    try shell.waitUntilRawMode()
    return shell
  }

  /// Waits until the faulty plugin says (in its log) that it is hanging in the call.
  private func waitForPluginRunning() throws {
    let log = home.appendingPathComponent("state/kgsh/plugins/faulty.log")
    func hanging() -> Bool {
      ((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains("faulty: hanging")
    }
    for _ in 0..<1000 where !hanging() { usleep(10_000) }
    XCTAssertTrue(hanging(), "the plugin never got the call")
  }

}
