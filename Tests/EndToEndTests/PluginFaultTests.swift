import Foundation
import KnowledgeGraph
import ShellTesting
import XCTest

/// The deliberately faulty plugin: every way a plugin can fail gives one clear error naming
/// it, the next command works (and the plugin starts again), and a script exits with 1.
final class PluginFaultTests: XCTestCase {
  private var home: URL!

  override func setUpWithError() throws {
    try PluginFixtures.skipUnlessReady()
    home = try PluginFixtures.home(adding: [PluginFixtures.faulty])
  }

  /// Runs `faulty MODE; echo next; faulty ok` and checks the error and the recovery.
  private func fault(_ mode: String, says expected: String, setup: String = "") throws {
    let r = try KgshProcess.run(
      ["--continue-on-error", "-c", "\(setup)faulty \(mode); echo next; faulty ok"], home: home)
    XCTAssertEqual(r.status, 1, "a failed plugin call fails the script")
    XCTAssertTrue(r.stderr.contains(expected), "\(mode): \(r.stderr)")
    XCTAssertTrue(
      r.stdout.contains("next\nfine"), "\(mode): the session goes on and the plugin restarts:\n\(r.stdout)")
  }

  func testCrashMidCall() throws {
    try fault(
      "crash", says: "plugin faulty exited with status 1 while running 'faulty'; its error output is in")
    let log = home.appendingPathComponent("state/kgsh/plugins/faulty.log")
    XCTAssertTrue(try String(contentsOf: log, encoding: .utf8).contains("deliberate crash"))
  }

  func testQuietExitMidCall() throws {
    try fault("exit", says: "plugin faulty exited with status 0 while running 'faulty'")
  }

  func testHangPastTheTimeout() throws {
    try fault(
      "hang", says: "plugin faulty did not answer within 1 s while running 'faulty'; it was stopped",
      setup: "set plugin-timeout 1; ")
  }

  func testGarbageOutput() throws {
    try fault(
      "garbage", says: "plugin faulty wrote invalid JSON while running 'faulty': '<html>definitely not JSON")
  }

  func testHugeOutput() throws {
    try fault("huge", says: "plugin faulty sent a message larger than 16 MiB while running 'faulty'")
  }

  func testItsOwnErrorKeepsItRunning() throws {
    try fault("error", says: "faulty: deliberate failure; this is a test")
  }

  func testHandshakeWithAnotherMajorVersionIsRefused() throws {
    let r = try KgshProcess.run(
      ["--continue-on-error", "-c", "plugin add \(PluginFixtures.faulty); echo next"],
      environment: ["FAULTY_HELLO": "version"])
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(
      r.stderr.contains("plugin faulty speaks plugin protocol 2.0, this kgsh speaks 1.1"), r.stderr)
    XCTAssertTrue(r.stdout.contains("next"))
  }

  func testHandshakeGarbageAndSilence() throws {
    let garbage = try KgshProcess.run(
      ["-c", "plugin add \(PluginFixtures.faulty)"], environment: ["FAULTY_HELLO": "garbage"])
    XCTAssertEqual(garbage.status, 1)
    XCTAssertTrue(garbage.stderr.contains("wrote invalid JSON during the handshake"), garbage.stderr)
    let silent = try KgshProcess.run(
      ["-c", "plugin add \(PluginFixtures.faulty)"],
      environment: ["FAULTY_HELLO": "silent", "KGSH_PLUGIN_TIMEOUT": "1"])
    XCTAssertEqual(silent.status, 1)
    XCTAssertTrue(silent.stderr.contains("did not answer within 1 s during the handshake"), silent.stderr)
    // A program that is not a plugin at all ends without a word.
    let mute = try KgshProcess.run(["-c", "plugin add /bin/true"])
    XCTAssertEqual(mute.status, 1)
    XCTAssertTrue(
      mute.stderr.contains(
        "plugin true exited with status 0 before answering kgsh's hello; it does not look like a kgsh plugin; "
          + "a plugin answers the hello message on its standard output (docs/PLUGINS.md)"), mute.stderr)
  }

  func testWritesNeedTheFeatureAndAWritableKnowledgeBase() throws {
    let plain = try KgshProcess.run(["-c", "faulty write"], home: home)
    XCTAssertTrue(plain.stdout.contains("did not declare the write feature"), plain.stdout)
    let writer = try PluginFixtures.home(
      adding: [PluginFixtures.faulty], environment: ["FAULTY_FEATURES": "write"])
    let readOnly = try KgshProcess.run(
      ["--read-only", "-c", "faulty write"], home: writer, environment: ["FAULTY_FEATURES": "write"])
    XCTAssertTrue(
      readOnly.stdout.contains("changes the knowledge base, which is open read-only"), readOnly.stdout)
    let writable = try KgshProcess.run(
      ["-c", "faulty write; find Faulty"], home: writer, environment: ["FAULTY_FEATURES": "write"])
    XCTAssertEqual(writable.status, 0, writable.stderr)
    XCTAssertTrue(writable.stdout.contains("write done"), writable.stdout)
    XCTAssertTrue(writable.stdout.contains("Faulty Co"), writable.stdout)
  }
}
