import ShellTesting
import XCTest

@testable import ShellCore

/// "Is this entry complete?" and completion use the same tokenizer as the parser.
final class CompletenessTests: XCTestCase {
  let parser = CommandLineParser { $0 == "match" ? RawStub() : nil }

  func testOpenQuoteBracketBraceBackslashAndRawTextAreIncomplete() {
    for text in [
      "show 'Zhipu", "show \"a\nb", "find (a", "find \\", "def f() {", "def f() {\n  show a",
      "def f(a,", "let l = [1,", "match (a)", "match (a)\nwhere a.x = 1", "echo ${x",
    ] {
      XCTAssertFalse(parser.isComplete(text), text)
    }
    for text in [
      "show Zhipu", "def f() { show a }", "match (a) return a", "match (a)\nreturn a", "let x = 1",
      "find a | | b", "# only a comment", "", "echo 'a;b' ; echo \"(\"",
    ] {
      XCTAssertTrue(parser.isComplete(text), text)
    }
  }

  func testCompletionWordsFollowQuotesPipesAndBrackets() {
    func split(_ t: String) -> [String] {
      let r = CommandLineParser.completionWords(t)
      return r.words + [r.current + (r.quoted ? "<open>" : "")]
    }
    XCTAssertEqual(split("show \"Zhipu A"), ["show", "Zhipu A<open>"])
    XCTAssertEqual(split("find a | sort na"), ["sort", "na"])
    XCTAssertEqual(split("find 'a|b' x"), ["find", "a|b", "x"])
    XCTAssertEqual(split("stats; show "), ["show", ""])
    XCTAssertEqual(split("match (a)-[:A|B"), ["match", "(a)-[:A|B"])
  }
}

/// Scripts with a syntax error run nothing and name the error's own place.
final class ScriptSyntaxErrorTests: XCTestCase {
  struct Mark: Command {
    let signature = Signature("mark", summary: "counts", arguments: [Argument("x", "x", optional: true)])
    func run(_ call: Call, _ session: Session) throws -> Output {
      session.variables["marks", default: .int(0)] = .int(
        (session.variables["marks"]?.number).map { Int64($0) + 1 } ?? 1)
      return .empty
    }
  }

  func make() throws -> TestShell {
    try TestShell(plugins: [Plugin(name: "t", summary: "t", commands: [Mark()])])
  }

  func testSyntaxErrorOnLineFiveRunsNothingAndIsReportedThere() throws {
    let t = try make()
    XCTAssertFalse(t.shell.run("mark\nmark\nmark\nmark\nmark 'open", origin: "s.kgsh"))
    XCTAssertEqual(
      t.errors, "s.kgsh:5:6: unterminated quote; close the quote that starts at line 5, column 6\n")
    XCTAssertNil(t.session.variables["marks"])
  }

  func testFirstLineOffsetsPositions() throws {
    let t = try make()
    XCTAssertFalse(t.shell.run("mark\nmark | | mark", origin: "stdin", firstLine: 10))
    XCTAssertTrue(t.errors.hasPrefix("stdin:11:8: empty command in a pipeline"), t.errors)
  }

  func testRuntimeErrorsKeepTheStatementsPosition() throws {
    let t = try make()
    XCTAssertFalse(t.shell.run("mark\n  mark a b", origin: "s.kgsh"))
    XCTAssertTrue(t.errors.hasPrefix("s.kgsh:2:3: mark: unexpected argument 'b'"), t.errors)
    // A later stage of a pipeline is named where it starts.
    let u = try make()
    XCTAssertFalse(u.shell.run("mark\nmark |  mark a b", origin: "s.kgsh"))
    XCTAssertTrue(u.errors.hasPrefix("s.kgsh:2:9: mark: unexpected argument 'b'"), u.errors)
  }

  func testBackslashCommandSuggestsNoPunctuation() throws {
    let t = try make()
    XCTAssertFalse(t.run("\\q"))
    XCTAssertTrue(t.errors.contains("unknown command '\\q'"), t.errors)
    XCTAssertFalse(t.errors.contains("'.'"), t.errors)
    // cypher-shell's and sqlite3's own words, and Cypher's LOAD CSV, get kgsh's way.
    for (line, hint) in [
      (":param x => 1", "set a parameter with let NAME = VALUE; match reads it as $NAME"),
      (
        "LOAD CSV FROM 'file:///x.csv' AS row",
        "LOAD CSV is Cypher's; kgsh loads CSV and TSV files with import NODES [EDGES] (help import)"
      ),
      (
        ".tables",
        "sql .tables lists the tables and views with their columns; labels and relations list what the graph holds"
      ),
      // Nushell's and Unix pipelines' verbs, as a stage or as a first word.
      (
        "mark | get count",
        "select COLUMN keeps a column; after let t = COMMAND | first 1, $t.COLUMN is its value"
      ),
      ("mark | length", "count counts a table's rows"),
      (
        "mark | to json",
        "--format json|jsonl|csv|tsv|markdown writes a command's output so; save FILE.json writes it to a file"
      ),
      ("mark | last 3", "sort COLUMN desc | first N keeps the last N rows in COLUMN's order"),
      ("ls", "list shows entities (list LABEL those of one label); labels lists the labels"),
      (
        "describe node",
        "labels LABEL lists a label's predicates; help sql lists the tables and their columns"
      ),
    ] {
      let u = try make()
      XCTAssertFalse(u.run(line), line)
      XCTAssertTrue(u.errors.hasSuffix("; \(hint)\n"), "\(line): \(u.errors)")
    }
  }

  func testTheREPLNamesLineAndColumnInTheMessage() throws {
    let t = try make()
    XCTAssertFalse(t.shell.run("mark (a"))
    XCTAssertEqual(
      t.errors, "error: unclosed '(' at line 1, column 6; close the bracket opened at line 1, column 6\n")
  }
}
