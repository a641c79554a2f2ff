import Foundation
import KnowledgeGraph
import ShellTesting
import XCTest

/// Hostile and broken input, by the hundred, fed to the built kgsh through `-c` and stdin
/// (Tests/BadInput/corpus.txt): invalid UTF-8, NUL bytes, a 10 MB line, deep brackets,
/// unterminated quotes, huge numbers and depths, SQL fragments in names, control characters
/// and terminal escape sequences. Each must give the expected exit status (0 or 1), at most
/// one line of error, no crash, no hang, and no control character on the terminal.
final class BadInputTests: XCTestCase {
  /// One home for the class, so the default knowledge base is built once.
  nonisolated(unsafe) private static var home: URL!
  /// A run still going after this long is a hang (a guard, not a timing check).
  private static let hangLimit = 120.0

  override class func setUp() {
    super.setUp()
    home = KgshProcess.temporaryHome()
  }

  override class func tearDown() {
    try? FileManager.default.removeItem(at: home)
    super.tearDown()
  }

  struct Case {
    var line: Int
    /// Expected exit status; nil when 0 and 1 are both right.
    var expected: Int32?
    var source: String
    var bytes: Data
  }

  func testCorpusThroughCommandLineAndStdin() throws {
    try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Repository.kgsh.path), "build kgsh first")
    let cases = try Self.corpus()
    XCTAssertGreaterThanOrEqual(cases.count, 100, "the corpus shrank")
    var runs = 0
    for c in cases {
      // An argument cannot hold a NUL byte, and Linux limits one argument to 128 KB.
      if !c.bytes.contains(0) && c.bytes.count < 100_000 {
        let run: KgshProcess
        if let text = String(validating: c.bytes, as: UTF8.self) {
          run = try KgshProcess.run(["-c", text], input: nil, home: Self.home, timeout: Self.hangLimit)
        } else {
          // An argument that is not UTF-8 cannot be a Swift String: sh passes the bytes on.
          run = try KgshProcess.run(
            ["-c", "exec \"$0\" -c \"$(cat)\"", Repository.kgsh.path], input: c.bytes, home: Self.home,
            timeout: Self.hangLimit, executable: "/bin/sh")
        }
        check(c, "-c", run)
        runs += 1
      }
      check(c, "stdin", try KgshProcess.run([], input: c.bytes, home: Self.home, timeout: Self.hangLimit))
      runs += 1
    }
    print("bad-input corpus: \(cases.count) inputs, \(runs) kgsh runs")
  }

  /// Names holding escape sequences (clear screen, set title, OSC 52 clipboard, colours)
  /// come out as visible symbols in every format and in error messages.
  func testEscapeSequencesInNamesAreShownNotSent() throws {
    try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Repository.kgsh.path), "build kgsh first")
    let db = Self.home.appendingPathComponent("escapes-\(UUID()).sqlite").path
    let evil = "\u{1B}[2J\u{1B}]0;pwned\u{07}Evil\u{9B}31m Corp"
    let created = try KgshProcess.run(
      ["--db", db, "-c", "create (n:Company {name: \"\(evil)\"}) return n.name"], input: nil, home: Self.home)
    XCTAssertEqual(created.status, 0, created.stderr)
    // Each command, and text its output or error must show (the name, made visible).
    let commands: [(String, String)] = [
      ("find Corp", "Corp"), ("show Corp", "Corp"), ("match (n:Company) return n.name", "Corp"),
      ("sql select name as \"\u{1B}[1mtitle\" from node where name like '%Corp'", "title"),
      ("neighbors \"\(evil)\"", ""), ("show \"\(evil)x\"", "Corp"), ("echo \"\(evil)\"", "Corp"),
    ]
    for format in ["table", "json", "csv", "tsv", "markdown"] {
      for (command, shown) in commands {
        let r = try KgshProcess.run(
          ["--db", db, "--format", format, "-c", command], input: nil, home: Self.home)
        XCTAssertFalse(r.signalled, "\(command) crashed")
        let both = r.stdout + r.stderr
        XCTAssertFalse(
          both.unicodeScalars.contains { Self.isTerminalControl($0) },
          "\(format) \(command): \(both.debugDescription)")
        XCTAssertTrue(shown.isEmpty || both.contains(shown), "\(format) \(command): \(both)")
      }
    }
  }

  /// The corpus notation means what the comments say.
  func testCorpusDecoding() {
    XCTAssertEqual(Self.decode(#"a\x1b\0\n\t\\b"#), Data([0x61, 0x1B, 0, 0x0A, 0x09, 0x5C, 0x62]))
    XCTAssertEqual(Self.decode("{ab*3}c"), Data("abababc".utf8))
    XCTAssertEqual(Self.decode("{(*2}{)*2}"), Data("(())".utf8))
    XCTAssertEqual(Self.decode("{a*10000000}").count, 10_000_000)
  }

  // MARK: - Helpers

  private func check(_ c: Case, _ mode: String, _ r: KgshProcess) {
    let what = "corpus.txt:\(c.line) via \(mode): \(c.source.prefix(80))"
    XCTAssertFalse(r.timedOut, "\(what): hung (killed after \(Self.hangLimit)s)")
    XCTAssertFalse(r.signalled, "\(what): crashed (signal \(r.status)): \(r.stderr.prefix(500))")
    if r.signalled { return }
    if let expected = c.expected {
      XCTAssertEqual(r.status, expected, "\(what): \(r.stderr.prefix(300))")
    } else {
      XCTAssertTrue(r.status == 0 || r.status == 1, "\(what): status \(r.status)")
    }
    let errorLines = r.stderr.split(separator: "\n")
    XCTAssertLessThanOrEqual(
      errorLines.count, 1, "\(what): more than one line of error: \(r.stderr.prefix(500))")
    if r.status == 1 { XCTAssertEqual(errorLines.count, 1, "\(what): failed without saying why") }
    for marker in [
      "Fatal error", "Swift.", "DatabaseError", "KnowledgeError", "ShellError", "KgshError", "Backtrac",
    ] {
      XCTAssertFalse(r.stderr.contains(marker), "\(what): \(r.stderr.prefix(300))")
    }
    let controls = (r.stdout + r.stderr).unicodeScalars.filter(Self.isTerminalControl)
    XCTAssertTrue(
      controls.isEmpty, "\(what): control characters reached the terminal: \(controls.map(\.value))")
  }

  /// Characters a terminal acts on: C0 controls other than tab and newline, DEL, C1.
  static func isTerminalControl(_ s: Unicode.Scalar) -> Bool {
    (s.value < 0x20 && s != "\n" && s != "\t") || (0x7F..<0xA0).contains(s.value)
  }

  static func corpus() throws -> [Case] {
    let url = Repository.root.appendingPathComponent("Tests/BadInput/corpus.txt")
    let text = try String(contentsOf: url, encoding: .utf8)
    var cases: [Case] = []
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let space = line.firstIndex(of: " ") else { continue }
      let status = line[..<space]
      let source = String(line[line.index(after: space)...])
      cases.append(
        Case(
          line: i + 1, expected: status == "*" ? nil : Int32(status), source: source, bytes: decode(source)))
    }
    return cases
  }

  /// `\xHH`, `\n`, `\t`, `\0`, `\\` and `{TEXT*N}` (TEXT repeated N times).
  static func decode(_ source: String) -> Data {
    var expanded = ""
    var rest = Substring(source)
    while let open = rest.firstIndex(of: "{") {
      let body = rest[rest.index(after: open)...]
      if let match = body.firstMatch(of: #/^(\{|[^{}*]*)\*([0-9]+)\}/#), let n = Int(match.2) {
        expanded += rest[..<open] + String(repeating: String(match.1), count: n)
        rest = body[match.range.upperBound...]
      } else {
        expanded += rest[...open]
        rest = body
      }
    }
    expanded += rest
    var out = Data()
    var bytes = Array(expanded.utf8)[...]
    while let b = bytes.popFirst() {
      guard b == UInt8(ascii: "\\"), let next = bytes.first else {
        out.append(b)
        continue
      }
      bytes.removeFirst()
      switch next {
      case UInt8(ascii: "x"):
        let hex = String(decoding: bytes.prefix(2), as: UTF8.self)
        bytes.removeFirst(min(2, bytes.count))
        out.append(UInt8(hex, radix: 16) ?? 0x3F)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "0"): out.append(0)
      case UInt8(ascii: "\\"): out.append(0x5C)
      default: out.append(contentsOf: [b, next])
      }
    }
    return out
  }
}
