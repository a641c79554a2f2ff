import Foundation
import KnowledgeGraph
import ShellCore
import ShellTesting
import XCTest

/// Tables that fit the terminal, in a real pseudo-terminal at 60, 80, 100 and 160 columns:
/// every price, date and id a command returns appears whole on one line, no line is wider
/// than the terminal, and a resize between two commands changes the next table.
final class TablePtyTests: XCTestCase {
  /// One home for the class, so the knowledge base is built once.
  nonisolated(unsafe) private static var home: URL?

  override class func setUp() {
    super.setUp()
    home = KgshProcess.temporaryHome()
  }

  override class func tearDown() {
    if let home { try? FileManager.default.removeItem(at: home) }
    super.tearDown()
  }

  static let commands = [
    "prices", #"compare GLM-4.5 "Claude Sonnet 4""#,
    "cost GLM-4.5 'Claude Sonnet 4' DeepSeek-V3.2 --input 10M --output 2.5M", "cost --input 1M --output 1M",
    "cite F0001", "check-claim",
    "show Zhipu", "help", "relations MiniMax --explain", "sources 36kr", "find GLM --label Model",
    // A warning on stderr fits too: it breaks between words.
    "match (n) where n.founded_date > date('2020-01-01') return n.name",
  ]
  /// Checked for width only (their JSON is not a source of atoms): a path reads as arrows
  /// between names, wrapped between words like any long cell.
  static let widthOnly = [
    "match p = (:Company {name: 'Zhipu AI'})<-[:INVESTS_IN]-()-[:INVESTS_IN]->(:Company {name: 'MiniMax'}) "
      + "return p limit 2"
  ]

  func testEveryCommandFitsAtEveryWidthAndCutsNothing() throws {
    let home = try XCTUnwrap(Self.home)
    let atoms = try Dictionary(
      uniqueKeysWithValues: Self.commands.map { ($0, try Self.atoms(of: $0, home: home)) })
    for command in ["prices", "cite F0001", "show Zhipu"] {
      XCTAssertFalse(atoms[command, default: []].isEmpty, "\(command) has prices, dates or ids to check")
    }
    XCTAssertTrue(atoms["prices", default: []].isSuperset(of: ["P001", "US$20.00", "P074"]))
    for columns in [60, 80, 100, 160] {
      let shell = try PseudoTerminal.kgsh(home: home, columns: columns, arguments: ["--no-pager"])
      for command in Self.commands + Self.widthOnly {
        shell.send(command)
        shell.send(key: .enter)
        let lines = Self.outputLines(try shell.waitForPrompt())
        XCTAssertGreaterThan(lines.count, 1, "\(command) at \(columns) printed nothing")
        for line in lines where TextWidth.of(line) > columns {
          XCTFail("\(command) at \(columns) columns: a line is \(TextWidth.of(line)) wide:\n\(line)")
        }
        for atom in atoms[command] ?? [] where !lines.contains(where: { $0.contains(atom) }) {
          XCTFail(
            "\(command) at \(columns) columns: \(atom) is not shown whole:\n\(lines.joined(separator: "\n"))")
        }
      }
      try shell.quitREPL()
    }
  }

  func testAResizeChangesTheNextTable() throws {
    let shell = try PseudoTerminal.kgsh(
      home: try XCTUnwrap(Self.home), columns: 160, arguments: ["--no-pager"])
    let command = #"compare GLM-4.5 "Claude Sonnet 4""#
    shell.send(command)
    shell.send(key: .enter)
    let wide = Self.outputLines(try shell.waitForPrompt())
    XCTAssertTrue(
      wide.contains { $0.hasPrefix("┌") }, "a table at 160 columns:\n\(wide.joined(separator: "\n"))")
    shell.resize(columns: 70, rows: 40)
    shell.send(command)
    shell.send(key: .enter)
    let narrow = Self.outputLines(try shell.waitForPrompt())
    XCTAssertNotEqual(narrow, wide)
    XCTAssertLessThanOrEqual(narrow.map(TextWidth.of).max() ?? 0, 70, narrow.joined(separator: "\n"))
    shell.resize(columns: 160, rows: 40)
    shell.send(command)
    shell.send(key: .enter)
    XCTAssertEqual(
      Self.outputLines(try shell.waitForPrompt()), wide, "widening again gives the wide table back")
    try shell.quitREPL()
  }

  func testColumnsInTheEnvironmentWins() throws {
    let shell = try PseudoTerminal.kgsh(
      home: try XCTUnwrap(Self.home), columns: 160, arguments: ["--no-pager"], environment: ["COLUMNS": "60"])
    shell.send("cost GLM-4.5 'Claude Sonnet 4' --input 10M --output 2.5M")
    shell.send(key: .enter)
    let lines = Self.outputLines(try shell.waitForPrompt())
    XCTAssertLessThanOrEqual(lines.map(TextWidth.of).max() ?? 0, 60, lines.joined(separator: "\n"))
    try shell.quitREPL()
  }

  // MARK: - Helpers

  /// The lines a command printed: what `waitForPrompt` returned without the echoed
  /// command line and the prompt.
  static func outputLines(_ seen: String) -> [String] {
    var lines = seen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map(String.init)
    if let last = lines.last, last.firstMatch(of: PseudoTerminal.kgshPrompt) != nil { lines.removeLast() }
    return lines
  }

  /// The prices (as a terminal table shows them), dates and ids in a command's JSON result.
  static func atoms(of command: String, home: URL) throws -> Set<String> {
    let run = try KgshProcess.run(["-c", command + " --format json"], home: home)
    XCTAssertEqual(run.status, 0, "\(command): \(run.stderr)")
    var atoms = Set<String>()
    func walk(_ value: Value) {
      switch value {
      case .map(let fields):
        if case .decimal(let amount)? = fields["amount"], case .string(let currency)? = fields["currency"] {
          atoms.insert(ValueFormat.displayMoney(Money(amount, currency)))
        } else if case .int(let amount)? = fields["amount"], case .string(let currency)? = fields["currency"]
        {
          atoms.insert(ValueFormat.displayMoney(Money(Decimal(amount), currency)))
        } else if case .double(let amount)? = fields["amount"],
          case .string(let currency)? = fields["currency"]
        {
          atoms.insert(ValueFormat.displayMoney(Money(Decimal(string: "\(amount)")!, currency)))
        } else {
          fields.values.forEach(walk)
        }
      case .list(let items): items.forEach(walk)
      case .string(let s) where s.wholeMatch(of: #/[A-Z]{1,2}\d{3,5}|\d{4}-\d{2}-\d{2}/#) != nil:
        atoms.insert(s)
      default: break
      }
    }
    // `-c` runs every statement; `help` and messages have no JSON table to read.
    for document in Self.documents(run.stdout) { walk(try JSON.decode(document)) }
    return atoms
  }

  /// The top-level JSON documents of a run's output (one per statement).
  static func documents(_ text: String) -> [String] {
    var documents: [String] = []
    var current = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      current += line + "\n"
      if line == "]" || line == "}" {
        documents.append(current)
        current = ""
      }
    }
    return documents
  }
}
