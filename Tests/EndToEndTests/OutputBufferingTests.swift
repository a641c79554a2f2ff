import Foundation
import ShellTesting
import XCTest

/// The built kgsh writing to a pipe or a file: output is collected and written in large
/// pieces (`StandardOutput`), yet a program that drives kgsh line by line gets each answer
/// before it sends the next line, errors keep their place among the answers, and nothing is
/// lost at exit.
final class OutputBufferingTests: XCTestCase {
  override func setUpWithError() throws {
    guard FileManager.default.isExecutableFile(atPath: Repository.kgsh.path) else {
      throw XCTSkip("kgsh is not built at \(Repository.kgsh.path); run swift build first")
    }
  }

  /// kgsh reading a pipe that stays open: it must write what it has before it waits for the
  /// next line, or the driver (and this test) waits forever.
  func testADriverGetsEachAnswerBeforeItSendsTheNextLine() throws {
    let process = Process()
    process.executableURL = Repository.kgsh
    process.arguments = ["--no-init"]
    process.environment = KgshProcess.environment(home: KgshProcess.temporaryHome())
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = Pipe()
    try process.run()
    defer { if process.isRunning { process.terminate() } }
    let reader = LineCollector(output.fileHandleForReading)
    for word in ["first", "second", "third"] {
      try input.fileHandleForWriting.write(contentsOf: Data("echo \(word)\n".utf8))
      // A hang guard, not a timing check: without the write before waiting, no answer comes.
      guard reader.wait(for: word, seconds: 60) else {
        return XCTFail("no answer to 'echo \(word)' while kgsh waits for more input")
      }
    }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0)
    XCTAssertEqual(reader.text, "first\nsecond\nthird\n")
  }

  /// Output and errors sent to one place (`2>&1`) come in the order the commands ran.
  func testAnErrorKeepsItsPlaceAmongTheAnswers() throws {
    let script = "echo before\nshow NoSuchEntityAnywhere\necho after\n"
    let r = try KgshProcess.run(
      ["-c", "exec '\(Repository.kgsh.path)' --no-init --continue-on-error 2>&1"], input: Data(script.utf8),
      executable: "/bin/sh")
    XCTAssertEqual(r.status, 1)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.first, "before")
    XCTAssertEqual(lines.last, "after")
    guard lines.count == 3 else { return XCTFail("expected 3 lines:\n\(r.stdout)") }
    XCTAssertTrue(lines[1].contains("NoSuchEntityAnywhere"), lines[1])
  }

  /// More than the buffer holds, from -c and from piped input: every byte arrives, in order.
  func testOutputLargerThanTheBufferArrivesWhole() throws {
    let home = KgshProcess.temporaryHome()
    let one = try KgshProcess.run(["-c", "show Zhipu"], home: home)
    XCTAssertEqual(one.status, 0, one.stderr)
    let copies = 64 * 1024 / max(one.stdout.utf8.count, 1) + 3
    XCTAssertGreaterThan(one.stdout.utf8.count * copies, 64 * 1024)
    let commands = Array(repeating: "show Zhipu", count: copies)
    let joined = try KgshProcess.run(["-c", commands.joined(separator: "; ")], home: home)
    XCTAssertEqual(joined.status, 0, joined.stderr)
    XCTAssertEqual(joined.stdout, String(repeating: one.stdout, count: copies))
    let piped = try KgshProcess.run([], stdin: commands.joined(separator: "\n") + "\n", home: home)
    XCTAssertEqual(piped.status, 0, piped.stderr)
    XCTAssertEqual(piped.stdout, String(repeating: one.stdout, count: copies))
  }

  /// Many small answers, more than the buffer holds together: every line, in order.
  func testManySmallAnswersArriveInOrder() throws {
    let lines = (1...1_500).map { "line \($0) " + String(repeating: "x", count: 80) }
    let script = lines.map { "echo '\($0)'" }.joined(separator: "\n") + "\n"
    XCTAssertGreaterThan(script.utf8.count, 2 * 64 * 1024)
    let r = try KgshProcess.run(["--no-init"], stdin: script)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(r.stdout, lines.joined(separator: "\n") + "\n")
  }

  /// A run that fails still writes the answers before the failure, then the error.
  func testAnswersBeforeAFailureAreWritten() throws {
    let r = try KgshProcess.run(
      ["-c", "exec '\(Repository.kgsh.path)' --no-init -c 'echo kept; nope' 2>&1"], input: nil,
      executable: "/bin/sh")
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stdout.hasPrefix("kept\n"), r.stdout)
    XCTAssertTrue(r.stdout.contains("unknown command 'nope'"), r.stdout)
  }

  /// A write that fails (here a file-size limit; a full disk is the same) fails the run in
  /// words, at the statement whose output was lost or at the end of the run.
  func testOutputThatCannotBeWrittenFailsTheRunInWords() throws {
    let dir = KgshProcess.temporaryHome()
    defer { try? FileManager.default.removeItem(at: dir) }
    // The default knowledge base is built first, without the limit.
    XCTAssertEqual(try KgshProcess.run(["-c", "stats"], home: dir).status, 0)
    // 128 KB at most per file, and SIGXFSZ ignored, so a larger write fails with EFBIG.
    let limited = "trap '' XFSZ; ulimit -f 256; exec '\(Repository.kgsh.path)' --no-init"
    let big = "unwind range(1, 100000) AS i RETURN i"
    for (tail, target) in [
      (" -c '\(big)' > listing.txt", "standard output"),
      (" -c 'output big.txt; \(big); echo not reached'", "big.txt"),
      (" -c 'echo small' > small.txt", nil),
    ] {
      let r = try KgshProcess.run(
        ["-c", limited + tail], input: nil, home: dir, cwd: dir, executable: "/bin/sh")
      guard let target else {
        XCTAssertEqual(r.status, 0, r.stderr)
        continue
      }
      XCTAssertEqual(r.status, 1, r.stderr)
      XCTAssertTrue(
        r.stderr.contains("cannot write \(target): file too large; the output was lost"), r.stderr)
      XCTAssertFalse(r.stderr.contains("not reached"), r.stderr)
    }
    // Small answers are collected and written at exit: the failure is found then, and still
    // fails the run (50 KB allowed, 56 KB of answers, each far under the 16 KB written at once).
    let echoes = Array(repeating: "echo 0123456789abcdef", count: 3300).joined(separator: "; ")
    let atExit = try KgshProcess.run(
      [
        "-c",
        "trap '' XFSZ; ulimit -f 100; exec '\(Repository.kgsh.path)' --no-init -c '\(echoes)' > echoes.txt",
      ],
      input: nil, home: dir, cwd: dir, executable: "/bin/sh")
    XCTAssertEqual(atExit.status, 1, atExit.stderr)
    XCTAssertEqual(
      atExit.stderr,
      "kgsh: cannot write standard output: file too large; the output was lost, and the run counts as failed\n"
    )
  }
}

/// Reads a pipe on another thread and lets a test wait for a word to arrive.
private final class LineCollector: @unchecked Sendable {
  private let lock = NSCondition()
  private var data = Data()

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      while true {
        let chunk = handle.availableData
        lock.lock()
        data.append(chunk)
        lock.broadcast()
        lock.unlock()
        if chunk.isEmpty { return }
      }
    }
  }

  var text: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: data, as: UTF8.self)
  }

  func wait(for word: String, seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    lock.lock()
    defer { lock.unlock() }
    while !String(decoding: data, as: UTF8.self).contains(word) {
      if !lock.wait(until: deadline) { return false }
    }
    return true
  }
}
