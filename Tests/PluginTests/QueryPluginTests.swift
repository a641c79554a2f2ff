import Foundation
import GraphQuery
import KnowledgeGraph
import KnowledgePlugin
import QueryPlugin
import ShellCore
import ShellTesting
import XCTest

final class QueryPluginTests: XCTestCase {
  struct Fixture {
    let shell: Shell
    let out: BufferSink
    let err: BufferSink
  }

  func makeShell(store: KnowledgeStore? = nil) throws -> Fixture {
    let registry = CommandRegistry()
    try registry.register(QueryPlugin.plugin)
    let out = BufferSink(), err = BufferSink()
    let session = Session(
      store: try store ?? KnowledgeStore.inMemory(), registry: registry, out: out, err: err)
    return Fixture(shell: Shell(session: session), out: out, err: err)
  }

  func testPluginRegistersItsCommands() throws {
    XCTAssertEqual(QueryPlugin.plugin.name, "query")
    let names = QueryPlugin.plugin.commands.map(\.signature.name)
    XCTAssertEqual(
      names,
      ["match", "optional", "unwind", "with", "return", "merge", "call", "create", "explain", "profile"])
    for command in QueryPlugin.plugin.commands {
      XCTAssertTrue(command.signature.takesRawText)
      XCTAssertTrue(command.signature.help.contains("INVESTS_IN"))
      XCTAssertTrue(command.signature.help.contains("Company"))
      XCTAssertFalse(command.signature.examples.isEmpty)
    }
    XCTAssertTrue(
      QueryPlugin.plugin.commands.first { $0.signature.name == "create" }?.signature.writes == true)
  }

  func testCreateThenMatch() throws {
    let f = try makeShell()
    XCTAssertTrue(
      f.shell.run("create (:Company {name:'A'})-[:INVESTS_IN]->(:Company {name:'B'})"), f.err.text)
    XCTAssertTrue(f.out.text.contains("created 2 nodes, 1 relationship"), f.out.text)
    XCTAssertEqual(f.err.text, "")

    let before = f.out.text.count
    XCTAssertTrue(f.shell.run("match (a)-[:INVESTS_IN]->(b) return a.name, b.name"), f.err.text)
    let table = String(f.out.text.dropFirst(before))
    XCTAssertTrue(table.contains("a.name"), table)
    XCTAssertTrue(table.contains("b.name"), table)
    let row = table.split(separator: "\n").first {
      $0.contains("A") && $0.contains("B") && !$0.contains("name")
    }
    XCTAssertNotNil(row, table)
    XCTAssertEqual(f.err.text, "")
  }

  func testNodesAreEntityReferencesAndListsAreKept() throws {
    let f = try makeShell()
    XCTAssertTrue(f.shell.run("create (:Company {name:'A'})"), f.err.text)
    let output = try f.shell.evaluate(text: "match (c:Company) return c, [1, 2] as xs")
    guard case .table(let table) = output else { return XCTFail("expected a table, got \(output)") }
    XCTAssertEqual(table.columns, ["c", "xs"])
    XCTAssertEqual(table.rows.count, 1)
    guard case .entity(let ref) = table.rows[0][0] else {
      return XCTFail("expected an entity, got \(table.rows[0][0])")
    }
    XCTAssertEqual(ref.name, "A")
    XCTAssertEqual(table.rows[0][1], .list([.int(1), .int(2)]))
  }

  func testParameterFromSessionVariable() throws {
    let f = try makeShell()
    XCTAssertTrue(f.shell.run("create (:Company {name:'A'}), (:Company {name:'B'})"), f.err.text)
    f.shell.session.variables["who"] = .string("B")
    let output = try f.shell.evaluate(text: "match (c:Company) where c.name = $who return c.name")
    guard case .table(let table) = output else { return XCTFail("expected a table, got \(output)") }
    XCTAssertEqual(table.rows.count, 1)
    XCTAssertEqual(table.rows.first?.first, .string("B"))

    XCTAssertFalse(f.shell.run("match (c) where c.name = $nobody return c"))
    XCTAssertTrue(f.err.text.contains("$nobody"), f.err.text)
  }

  func testSyntaxErrorIsReportedWithLineAndColumn() throws {
    let f = try makeShell()
    XCTAssertFalse(f.shell.run("match (a) return a.name +"))
    XCTAssertTrue(f.err.text.contains("syntax error"), f.err.text)
    XCTAssertTrue(f.err.text.contains("line 1, column"), f.err.text)
    XCTAssertEqual(f.out.text, "")

    let g = try makeShell()
    XCTAssertFalse(g.shell.run("match (a) retrun a"))
    XCTAssertTrue(g.err.text.contains("line 1, column 11"), g.err.text)
  }

  /// In a script the error is reported where the mistake is in the file (not the line and
  /// column inside the query); at the prompt, where it is in the entry.
  func testASyntaxErrorIsReportedWhereItIsInTheFile() throws {
    let script = """
      return 1 AS one
        match (a)
          where a.x = 1 retrun a
      return 2 AS two; match    (a) retrun a
      explain match (a) retrun a
      create --new (n:X {a: 1}) retrun n
      """
    let f = try makeShell()
    XCTAssertFalse(f.shell.run(script, origin: "q.kgsh", continueOnError: true))
    let expected = [
      "q.kgsh:3:19: syntax error: expected a clause (MATCH, CREATE, WITH, UNWIND, RETURN), found 'retrun'; did you mean RETURN?",
      "q.kgsh:4:31: syntax error: expected a clause (MATCH, CREATE, WITH, UNWIND, RETURN), found 'retrun'; did you mean RETURN?",
      "q.kgsh:5:19: syntax error: expected a clause (MATCH, CREATE, WITH, UNWIND, RETURN), found 'retrun'; did you mean RETURN?",
      "q.kgsh:6:27: syntax error: expected a clause (MATCH, CREATE, WITH, UNWIND, RETURN), found 'retrun'; did you mean RETURN?",
    ]
    XCTAssertEqual(f.err.text.split(separator: "\n").map(String.init), expected)
    let repl = try makeShell()
    XCTAssertFalse(repl.shell.run("return 1 AS one; match (a) retrun a"))
    XCTAssertTrue(repl.err.text.contains("found 'retrun' (line 1, column 28)"), repl.err.text)
  }

  func testMultiLineCompleteness() throws {
    let f = try makeShell()
    XCTAssertFalse(f.shell.isComplete("match (a)\nwhere a.name = 'x'"))
    XCTAssertTrue(f.shell.isComplete("match (a)\nwhere a.name = 'x'\nreturn a"))
    XCTAssertFalse(f.shell.isComplete("match (a)-[:INVESTS_IN]->"))
    XCTAssertFalse(f.shell.isComplete("match (a) return a.name,"))
    XCTAssertTrue(f.shell.isComplete("match (a) return a"))
    XCTAssertTrue(f.shell.isComplete("create (:Company {name: 'A'})"))
    XCTAssertFalse(f.shell.isComplete("explain match (a)"))
    XCTAssertTrue(f.shell.isComplete("explain match (a) return a"))
    // Other syntax errors are complete, so they get reported.
    XCTAssertTrue(f.shell.isComplete("match (a) retrun a"))
    XCTAssertTrue(f.shell.isComplete("match (a) delete a"))
    // Each part of a UNION must end in RETURN; an unknown function is an error to report.
    XCTAssertFalse(f.shell.isComplete("match (a) return a.name as n union match (b)"))
    XCTAssertTrue(f.shell.isComplete("match (a) return a.name as n union match (b) return b.name as n"))
    XCTAssertTrue(f.shell.isComplete("match (a) return nosuchfunction(a)"))

    XCTAssertTrue(f.shell.run("create (:Company {name:'x'})"), f.err.text)
    XCTAssertTrue(f.shell.run("match (a)\nwhere a.name = 'x'\nreturn a.name as found"), f.err.text)
    XCTAssertTrue(f.out.text.contains("found"), f.out.text)
  }

  func testExplainShowsThePlan() throws {
    let f = try makeShell()
    XCTAssertTrue(f.shell.run("explain match (i)-[:INVESTS_IN]->(c:Company) return i.name"), f.err.text)
    XCTAssertTrue(f.out.text.contains("MATCH"), f.out.text)
    XCTAssertTrue(f.out.text.contains("expand"), f.out.text)
  }

  func testCreateRefusedOnReadOnlyStore() throws {
    try withReadOnlyStore { store in
      let f = try makeShell(store: store)
      XCTAssertFalse(f.shell.run("create (:Company {name:'A'})"))
      XCTAssertTrue(f.err.text.contains("read-only"), f.err.text)
      XCTAssertTrue(f.shell.run("match (n) return count(n) as n"), f.err.text)
    }
  }
}

/// `match` writes only when its query has CREATE, and says so per call.
final class MatchWritesTests: XCTestCase {
  func testMatchCreateWritesAndPlainMatchRunsReadOnly() throws {
    let t = try TestShell(plugins: [QueryPlugin.plugin])
    XCTAssertTrue(t.run("create (a:Lab {name: 'A'})"), t.errors)
    XCTAssertTrue(t.run("match (a:Lab) create (a)-[:MAKES]->(m:Model {name: 'M'})"), t.errors)
    XCTAssertTrue(t.run("match (m:Model) return m.name"), t.errors)
    XCTAssertTrue(t.output.contains("M"), t.output)
  }
}

/// `n.description` is the entity's description, the one its card shows: Cypher reads it,
/// SET and REMOVE change it (undo brings it back), and CREATE stores it there, never as a
/// second property of the same name.
final class DescriptionWritesTests: XCTestCase {
  func testDescriptionIsTheCardsOwnFieldForReadsWritesAndUndo() throws {
    let t = try TestShell(
      plugins: [QueryPlugin.plugin, KnowledgePlugin.plugin, AuthoringPlugin.plugin],
      store: try Repository.defaultStore().copyInMemory())
    func card() throws -> [String] {
      let before = t.output.count
      XCTAssertTrue(t.run("show baai --section entity"), t.errors)
      return t.output.dropFirst(before).split(separator: "\n").filter { $0.hasPrefix("description") }.map(
        String.init)
    }
    let original = try card()
    XCTAssertEqual(original.count, 1, "\(original)")
    XCTAssertTrue(t.run("match (n {key: 'baai'}) return n.description --format csv"), t.errors)
    XCTAssertTrue(
      t.output.contains("\nn.description\n\"Beijing non-profit AI institute; produced Wu Dao"), t.output)
    XCTAssertTrue(t.run("match (n {key: 'baai'}) set n.description = 'Beijing AI institute'"), t.errors)
    XCTAssertFalse(t.errors.contains("no property key description"), t.errors)
    XCTAssertEqual(try card(), ["description  Beijing AI institute"])
    XCTAssertTrue(t.run("match (n {key: 'baai'}) remove n.description"), t.errors)
    XCTAssertEqual(try card(), [])
    XCTAssertTrue(t.run("undo; undo"), t.errors)
    XCTAssertEqual(try card(), original)
    XCTAssertTrue(t.run("create (:Company {name: 'Acme X', description: 'A test company'})"), t.errors)
    let before = t.output.count
    XCTAssertTrue(t.run("show 'Acme X' --section entity"), t.errors)
    let created = String(t.output.dropFirst(before))
    XCTAssertEqual(created.components(separatedBy: "description").count, 2, created)
    XCTAssertEqual(created.components(separatedBy: "\nname ").count, 2, created)
  }
}

/// A query may start with any of Cypher's first clauses, typed as the command word: each runs
/// as that query, spans lines until complete, and writes only when it has a write clause.
final class CypherClauseCommandTests: XCTestCase {
  func table(_ t: TestShell, _ text: String, file: StaticString = #filePath, line: UInt = #line) throws
    -> [[Value]]
  {
    let output = try t.shell.evaluate(text: text)
    guard case .table(let table) = output else {
      XCTFail("\(text): expected a table, got \(output)", file: file, line: line)
      return []
    }
    return table.rows
  }

  func testEachFirstClauseRunsAsItsQuery() throws {
    let t = try TestShell(plugins: [QueryPlugin.plugin])
    XCTAssertTrue(t.run("create (:Lab {name: 'A'})-[:DEVELOPS]->(:Model {name: 'M1'})"), t.errors)
    XCTAssertEqual(try table(t, "return 6 * 7 as answer"), [[.int(42)]])
    XCTAssertEqual(try table(t, "with 2 as x return x * x as y"), [[.int(4)]])
    XCTAssertEqual(
      try table(t, "unwind ['A', 'B'] as n optional match (l:Lab {name: n}) return n, l.name as found"),
      [[.string("A"), .string("A")], [.string("B"), .null]])
    XCTAssertEqual(
      try table(t, "optional match (l:Lab {name: 'Nobody'}) return count(l) as labs"), [[.int(0)]])
    XCTAssertEqual(
      try table(t, "call db.labels() yield label return label order by label"),
      [[.string("Lab")], [.string("Model")]])
    // MERGE finds what exists and creates what does not, once.
    XCTAssertEqual(try table(t, "merge (l:Lab {name: 'A'}) return l.name"), [[.string("A")]])
    XCTAssertEqual(try table(t, "merge (l:Lab {name: 'B'}) return l.name"), [[.string("B")]])
    XCTAssertEqual(try table(t, "merge (l:Lab {name: 'B'}) return l.name"), [[.string("B")]])
    XCTAssertEqual(try table(t, "match (l:Lab) return count(l) as labs"), [[.int(2)]])
  }

  /// `--format F` at the end of a query is the global option (in Cypher it was a syntax
  /// error); an unknown name is refused rather than read as part of the query.
  func testATrailingFormatOptionSetsTheFormat() throws {
    let t = try TestShell(plugins: [QueryPlugin.plugin])
    var before = t.output.count
    XCTAssertTrue(t.run("return 1 as v, '--format json' as w --format csv"), t.errors)
    XCTAssertEqual(String(t.output.dropFirst(before)), "v,w\n1,--format json\n")
    before = t.output.count
    XCTAssertTrue(t.run("unwind [1, 2] as v\nreturn v --format=jsonl"), t.errors)
    // jsonl: a table's rows, one compact object a line (docs/OUTPUT.md).
    XCTAssertEqual(String(t.output.dropFirst(before)), "{\"v\":1}\n{\"v\":2}\n")
    XCTAssertFalse(t.run("return 1 as v --format yaml"))
    XCTAssertTrue(t.errors.contains("unknown format 'yaml'"), t.errors)
  }

  /// Each kind of query error says what to do about it; one that has its own hint keeps it
  /// (the generic "how the knowledge base maps onto Cypher" was added to all of them).
  func testQueryErrorsSayWhatToDo() throws {
    let t = try TestShell(plugins: [QueryPlugin.plugin])
    for (query, hint) in [
      (
        "return 1/0",
        "; a whole number divided by 0 has no value; divide by 0.0 for Infinity, or test the divisor with CASE\n"
      ),
      (
        "return abs(-9223372036854775807 - 1)",
        "; whole numbers stop at ±9223372036854775807; toFloat() trades exactness for range\n"
      ),
      (
        "return x",
        "\ntest:1:8: semantic error: variable 'x' is not defined; name it in MATCH, WITH, UNWIND or a pattern before using it\n"
      ),
      ("return toInteger(1, 2)", "; see help match for the functions and what each takes\n"),
      ("return 1 as v limit 'a'", "; see help match for how the knowledge base maps onto Cypher\n"),
    ] {
      XCTAssertFalse(t.run(query), query)
      XCTAssertTrue(t.errors.hasSuffix(hint), "\(query): \(t.errors)")
    }
  }

  func testTheySpanLinesUntilComplete() throws {
    let t = try TestShell(plugins: [QueryPlugin.plugin])
    XCTAssertFalse(t.shell.isComplete("with 1 as x"))
    XCTAssertTrue(t.shell.isComplete("with 1 as x\nreturn x"))
    XCTAssertFalse(t.shell.isComplete("unwind [1, 2] as x"))
    XCTAssertFalse(t.shell.isComplete("optional match (a)"))
    XCTAssertTrue(t.shell.isComplete("optional match (a) return a"))
    XCTAssertFalse(t.shell.isComplete("return 1 +"))
    XCTAssertTrue(t.shell.isComplete("merge (a:Lab {name: 'A'})"))
  }

  func testOnlyQueriesWithAWriteClauseNeedAWritableStore() throws {
    try withReadOnlyStore { store in
      let t = try TestShell(plugins: [QueryPlugin.plugin], store: store)
      XCTAssertTrue(t.run("unwind [1, 2] as x return sum(x) as total"), t.errors)
      XCTAssertTrue(t.run("return 1 as one"), t.errors)
      for write in [
        "merge (:Lab {name: 'A'})", "unwind ['A'] as n create (:Lab {name: n})",
        "with 1 as x create (:Lab {name: 'B'})",
      ] {
        XCTAssertFalse(t.run(write), write)
        XCTAssertTrue(t.errors.hasSuffix("which is open read-only; run kgsh without --read-only\n"), t.errors)
      }
    }
  }
}

/// Runs `body` with a new, empty knowledge base file opened read-only, then removes the file.
func withReadOnlyStore(_ body: (KnowledgeStore) throws -> Void) throws {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-ro-\(UUID().uuidString).db")
    .path
  defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
  _ = try KnowledgeStore.open(path: path)
  try body(try KnowledgeStore.open(path: path, readOnly: true))
}
