import Foundation
import KnowledgeGraph
import ShellCore
import ShellTesting
import XCTest

/// Tables that fit the terminal, in a real pseudo-terminal at 60, 80, 100 and 160 columns:
/// every price, date and id a command returns appears whole on one line (or its column is
/// named in the note of a table narrowed to its most important columns), no line is wider
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
      XCTAssertFalse(atoms[command, default: [:]].isEmpty, "\(command) has prices, dates or ids to check")
    }
    XCTAssertTrue(Set(atoms["prices", default: [:]].keys).isSuperset(of: ["P001", "US$20.00", "P074"]))
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
        // A value is shown whole, or its column is named as left out of a narrow table.
        let hidden = Self.hiddenColumns(lines)
        for (atom, columns) in atoms[command] ?? [:]
        where !columns.isSubset(of: hidden) && !lines.contains(where: { $0.contains(atom) }) {
          XCTFail(
            "\(command) at \(columns) columns: \(atom) is not shown whole:\n\(lines.joined(separator: "\n"))")
        }
      }
      try shell.quitREPL()
    }
  }

  /// At 80 and 100 columns the everyday tables stay tables of their most important columns
  /// (not a page of one record per row), and say which columns they leave out.
  func testNarrowTerminalsKeepTheMostImportantColumns() throws {
    let expected: [(command: String, columns: Int, header: [String], hidden: String)] = [
      ("show Zhipu --section facts", 80, ["predicate", "value", "unit", "qualifier", "as_of"], "source"),
      (
        "show Zhipu --section facts", 100, ["predicate", "value", "unit", "qualifier", "as_of", "source"],
        "conflict"
      ),
      (
        "show Zhipu --section conflicts", 80, ["fact", "predicate", "value", "unit", "qualifier", "source"],
        "as_of"
      ),
      (
        "cost --input 1M --output 1M", 80,
        ["model", "id", "input", "cached", "output", "total", "vs_cheapest"], "as_of"
      ),
      ("cite Zhipu", 80, ["predicate", "value", "quote", "source"], "unit"),
    ]
    for (command, columns, header, hidden) in expected {
      let shell = try PseudoTerminal.kgsh(
        home: try XCTUnwrap(Self.home), columns: columns, arguments: ["--no-pager"])
      shell.send(command)
      shell.send(key: .enter)
      let lines = Self.outputLines(try shell.waitForPrompt())
      let text = lines.joined(separator: "\n")
      let names = lines.first { $0.hasPrefix("│") }?.split(separator: "│").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
      XCTAssertEqual(names, header, "\(command) at \(columns):\n\(text)")
      XCTAssertFalse(text.contains("─[ 1 of"), "a table, not records: \(command) at \(columns)")
      XCTAssertTrue(Self.hiddenColumns(lines).contains(hidden), "\(command) at \(columns):\n\(text)")
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

  /// The prices (as a terminal table shows them), dates and ids in a command's JSON result,
  /// each with the names of the columns (keys) it was found under.
  static func atoms(of command: String, home: URL) throws -> [String: Set<String>] {
    let run = try KgshProcess.run(["-c", command + " --format json"], home: home)
    XCTAssertEqual(run.status, 0, "\(command): \(run.stderr)")
    var atoms: [String: Set<String>] = [:]
    func walk(_ value: Value, _ column: String) {
      func add(_ atom: String) { atoms[atom, default: []].insert(column) }
      switch value {
      case .map(let fields):
        if case .decimal(let amount)? = fields["amount"], case .string(let currency)? = fields["currency"] {
          add(ValueFormat.displayMoney(Money(amount, currency)))
        } else if case .int(let amount)? = fields["amount"], case .string(let currency)? = fields["currency"]
        {
          add(ValueFormat.displayMoney(Money(Decimal(amount), currency)))
        } else if case .double(let amount)? = fields["amount"],
          case .string(let currency)? = fields["currency"]
        {
          add(ValueFormat.displayMoney(Money(Decimal(string: "\(amount)")!, currency)))
        } else {
          for (key, field) in fields { walk(field, key) }
        }
      case .list(let items): items.forEach { walk($0, column) }
      case .string(let s) where s.wholeMatch(of: #/[A-Z]{1,2}\d{3,5}|\d{4}-\d{2}-\d{2}/#) != nil:
        add(s)
      default: break
      }
    }
    // `-c` runs every statement; `help` and messages have no JSON table to read.
    for document in Self.documents(run.stdout) { walk(try JSON.decode(document), "") }
    return atoms
  }

  /// The columns a narrow table left out, as its note names them: "2 more columns (a, b): ...".
  static func hiddenColumns(_ lines: [String]) -> Set<String> {
    let text = lines.joined(separator: " ")
    var hidden = Set<String>()
    for match in text.matches(of: #/\d+ more columns? \(([^)]*)\)/#) {
      for name in match.1.split(separator: ",") { hidden.insert(name.trimmingCharacters(in: .whitespaces)) }
    }
    return hidden
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
