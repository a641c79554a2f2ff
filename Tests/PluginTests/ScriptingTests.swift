import Foundation
import GraphPlugin
import KnowledgePlugin
import PricingPlugin
import QueryPlugin
import ScriptingPlugin
import ShellCore
import ShellTesting
import XCTest

final class ScriptingTests: XCTestCase {
  func shell() throws -> TestShell {
    try TestShell(
      plugins: [KnowledgePlugin.plugin, QueryPlugin.plugin, ScriptingPlugin.plugin],
      store: try Repository.defaultStore())
  }

  func testLetStoresLiteralsAndCommandOutput() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run("let s = \"Zhipu AI\"; let n = 42; let l = [1, b, \"c d\"]; let rows = find GLM --limit 3"),
      t.errors)
    XCTAssertEqual(t.session.variables["s"], .string("Zhipu AI"))
    XCTAssertEqual(t.session.variables["n"], .int(42))
    XCTAssertTrue(t.run("let code = 02513; let half = 0.5"), t.errors)
    XCTAssertEqual(t.session.variables["code"], .string("02513"), "a code keeps its leading zero")
    XCTAssertEqual(t.session.variables["half"], .double(0.5))
    XCTAssertEqual(t.session.variables["l"], .list([.int(1), .string("b"), .string("c d")]))
    guard case .list(let rows)? = t.session.variables["rows"] else { return XCTFail("rows is not a list") }
    XCTAssertEqual(rows.count, 3)
    guard case .map(let row) = rows[0] else { return XCTFail("row is not a map") }
    XCTAssertEqual(row["key"], .string("glm"))
    XCTAssertTrue(t.run("params; print $rows"), t.errors)
    XCTAssertTrue(t.output.contains("table of 3 rows"), t.output)
    XCTAssertTrue(t.output.contains("│ name"), t.output)
  }

  /// `$rows.name` is one column of a stored table (a word per row), `$n.count` the cell of a
  /// one-row table; a variable that holds text keeps the dot (`$file.csv`).
  func testAColumnOfAStoredTable() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run(
        "let x = find GLM --limit 3; let keys = $x.key; echo $x.key; let n = find GLM --limit 3 | count; "
          + "assert $n.count == 3; let f = out; echo $f.csv"), t.errors)
    XCTAssertEqual(t.output, "glm glm-4.6 glm-4.5\nout.csv\n")
    XCTAssertEqual(
      t.session.variables["keys"], .list([.string("glm"), .string("glm-4.6"), .string("glm-4.5")]))
    XCTAssertFalse(t.run("echo $x.nmae"))
    XCTAssertTrue(t.errors.contains("no column named 'nmae'; did you mean 'name'?"), t.errors)
  }

  /// `$rows[0]` is a row of a stored table, `$rows[-1]` the last, `$rows[1].key` one cell, and
  /// `$rows.key[2]` an item of a column; `print rows[0].key` reads the same path. An index past
  /// the end says how many rows there are; text keeps its brackets (`$f[1]`).
  func testARowOfAStoredTableByIndex() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run(
        "let x = find GLM --limit 3; echo $x[0].key; echo $x[-1].key; echo $x.key[1]; print x[1].key; "
          + "let f = out; echo $f[1]"), t.errors)
    XCTAssertEqual(t.output, "glm\nglm-4.5\nglm-4.6\nglm-4.6\nout[1]\n")
    XCTAssertTrue(t.run("let first = $x[0]"), t.errors)
    guard case .map(let row)? = t.session.variables["first"] else { return XCTFail("not a row") }
    XCTAssertEqual(row["key"], .string("glm"))
    XCTAssertFalse(t.run("echo $x[3].key"))
    XCTAssertTrue(
      t.errors.contains("$x[3]: $x has 3 rows; write [0] to [2], or [-1] for the last"), t.errors)
    XCTAssertFalse(t.run("print x[0].nmae"))
    XCTAssertTrue(t.errors.contains("no column named 'nmae'; did you mean 'name'?"), t.errors)
    XCTAssertFalse(t.run("print x[0].zzzz"))
    XCTAssertTrue(t.errors.contains("$x[0] has the columns key, labels, matched, name, score"), t.errors)
    XCTAssertFalse(t.run("let none = []; echo $none[0]"))
    XCTAssertTrue(t.errors.contains("$none[0]: $none has 0 items; it is empty"), t.errors)
    // A row prints in its table's column order, and so does a row stored by let.
    let stored = t.output.count
    XCTAssertTrue(t.run("let third = $x[2]; print third --format csv"), t.errors)
    XCTAssertEqual(
      String(t.output.dropFirst(stored)),
      "field,value\nname,GLM-4.5\nkey,glm-4.5\nlabels,Model\nmatched,GLM 4.5\nscore,80\n")
    let before = t.output.count
    XCTAssertTrue(t.run("print $x[1] --format csv"), t.errors)
    XCTAssertEqual(
      String(t.output.dropFirst(before)), "name,key,labels,matched,score\nGLM-4.6,glm-4.6,Model,GLM 4.6,80\n")
  }

  /// `print x` is what Tab offers after print (variable names without `$`): it shows the
  /// variable, as `print $x` does; other words print as they are.
  func testPrintOfAVariablesNameShowsItsValue() throws {
    let t = try shell()
    XCTAssertTrue(t.run("let n = 42\nprint n\nprint nothing_by_that_name"), t.errors)
    XCTAssertEqual(t.output, "42\nnothing_by_that_name\n")
    XCTAssertTrue(t.run("let rows = find GLM --limit 2\nprint rows"), t.errors)
    XCTAssertTrue(t.output.contains("│ name"), t.output)
    // A stored record prints as the record, its fields in the command's order.
    let r = try shell()
    XCTAssertTrue(r.run("let s = stats\nprint $s\nprint s"), r.errors)
    let lines = r.output.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
    XCTAssertEqual(Array(lines.prefix(3)), ["knowledge_base", "entities", "edges"], r.output)
    XCTAssertEqual(lines.filter { $0 == "knowledge_base" }.count, 2, r.output)
  }

  /// `print $rows.name` prints the column as a list, one value a row (names with spaces stay
  /// whole); a stored table without rows prints as its columns, and a column of it is empty.
  func testPrintOfAColumnIsAList() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run("format csv\nlet rows = find GLM Coding --prefix --limit 2\nprint $rows.name"), t.errors)
    XCTAssertEqual(t.output, "format: csv\nvalue\nGLM Coding Plan\nGLM Coding Plan Lite\n")
    let e = try shell()
    XCTAssertTrue(
      e.run("format csv\nlet none = find zzzqqq\nprint $none\nprint none\necho [$none.name]"), e.errors)
    XCTAssertEqual(
      e.output, "format: csv\nname,key,labels,matched,score\nname,key,labels,matched,score\n[]\n")
  }

  func testUndefinedVariableIsAnError() throws {
    let t = try shell()
    XCTAssertFalse(t.run("let count = 1\nprint $cuont"))
    XCTAssertTrue(t.errors.contains("test:2:1: undefined variable $cuont; did you mean $count?"), t.errors)
  }

  /// `select ... from ...` with nothing piped in is SQL typed without `sql` (or after a `;`
  /// that ended an sql command): it says how to run it.
  func testSelectThatLooksLikeSQLSaysToUseSql() throws {
    let t = try shell()
    XCTAssertFalse(t.run("sql select 1; select key from node"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "select here keeps columns of the table piped into it; this looks like SQL; "
          + "run SQL with sql: sql select ... from ... (one statement; ; ends the command)\n"), t.errors)
    let u = try shell()
    XCTAssertFalse(u.run("select name"))
    XCTAssertTrue(u.errors.contains("select needs a table from the command before |"), u.errors)
    XCTAssertFalse(u.run("find GLM | select name, key, NAME"))
    XCTAssertTrue(u.errors.hasSuffix("select: name is named twice; name each column once\n"), u.errors)
  }

  /// `where a > 1 and b contains x`: one condition each; `and` says to chain, `or` names in
  /// and =~; text that only contains the word `and` is still one value.
  func testWhereWithASecondConditionSaysHowToWriteIt() throws {
    let t = try shell()
    XCTAssertFalse(t.run("find GLM | where score > 50 and name contains 4"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "where: one condition each; 'and' starts a second (name contains 4); "
          + "chain them: | where score > 50 | where name contains 4\n"), t.errors)
    XCTAssertFalse(t.run("find GLM | where name = GLM-4.5 or key = glm-4.6"))
    XCTAssertTrue(
      t.errors.contains("'or' starts a second (key = glm-4.6); for one of several values"), t.errors)
    XCTAssertTrue(t.run("find GLM | where name contains 'a and b'"), t.errors)
    XCTAssertTrue(t.run("find GLM | where name = rock and roll"), "a value of words, no column after and")
  }

  /// `sort a desc, b`: ties on the first column are ordered by the next, each in its own
  /// direction; an order without a column, or two for one column, is refused.
  func testSortByMoreThanOneColumn() throws {
    let t = try shell()
    let rows =
      "sql select 'b' as k, 1 as n union all select 'a', 1 union all select 'c', 2 union all select 'd', 1"
    XCTAssertTrue(t.run("\(rows) | sort n desc, k --format csv"), t.errors)
    XCTAssertEqual(t.output, "k,n\nc,2\na,1\nb,1\nd,1\n")
    XCTAssertTrue(t.run("\(rows) | sort n k descending --format csv"), t.errors)
    XCTAssertTrue(t.output.hasSuffix("k,n\nd,1\nb,1\na,1\nc,2\n"), t.output)
    XCTAssertFalse(t.run("\(rows) | sort desc"))
    XCTAssertTrue(t.errors.contains("sort: 'desc' has no column before it"), t.errors)
    XCTAssertFalse(t.run("\(rows) | sort n desc asc"))
    XCTAssertTrue(t.errors.contains("sort: n has two orders"), t.errors)
  }

  /// Tab after `| sort`, `| where`, `| select` offers the columns of the table piped in, as
  /// this session saw them: the same pipeline's, else its first command's.
  func testPipelineVerbsCompleteTheColumnsPipedIn() throws {
    let t = try shell()
    func offered(_ line: String) -> [String] { t.shell.complete(line: line, cursor: line.count).candidates }
    XCTAssertEqual(offered("find GLM | sort "), [], "nothing ran yet")
    XCTAssertTrue(t.run("find GLM --limit 1"), t.errors)
    XCTAssertEqual(offered("find Zhipu | sort s"), ["score"])
    XCTAssertEqual(offered("find Zhipu | where "), ["name", "key", "labels", "matched", "score"])
    XCTAssertTrue(t.run("find GLM | select name,key | first 1"), t.errors)
    XCTAssertEqual(offered("find GLM | select name,key | uniq "), ["name", "key"])
    XCTAssertEqual(offered("find GLM | select name,key | first 1 | chart "), ["name", "key"])
    XCTAssertEqual(offered("labels | sort "), [], "labels has not run")
  }

  func testPipelineVerbs() throws {
    let t = try shell()
    XCTAssertTrue(t.run("labels | where count >= 80 | sort count | select label | first 2"), t.errors)
    let lines = t.output.split(separator: "\n").map(String.init)
    XCTAssertTrue(
      lines.contains { $0.contains("Company") } && lines.contains { $0.contains("Fund") }, t.output)
    XCTAssertFalse(t.output.contains("Investor"), t.output)
    XCTAssertFalse(t.output.contains("count"), t.output)
    let c = try shell()
    XCTAssertTrue(c.run("labels | count; find GLM --limit 50 | uniq labels; labels | chart count"), c.errors)
    XCTAssertTrue(c.output.contains("16"), c.output)
    XCTAssertTrue(c.output.contains("Model"), c.output)
    XCTAssertTrue(c.output.contains("Model        ████████████████████████████████████████ 201"), c.output)
    // Ordering a column of numbers against text is a mistake, not an empty table.
    let d = try shell()
    XCTAssertFalse(d.run("labels | where count > many"))
    XCTAssertTrue(
      d.errors.hasSuffix(
        "where: count holds numbers, and 'many' is not a number; compare with a number, e.g. where count > 10\n"
      ),
      d.errors)
    XCTAssertTrue(d.run("labels | where label > M | where count >= 1 | count"), d.errors)
    // `in` takes its list as kgsh, Cypher or SQL write it.
    for list in ["Company, Model", "[Company,Model]", "['Company', 'Model']", "(\"Company\", \"Model\")"] {
      let l = try shell()
      XCTAssertTrue(l.run("labels | where label in \(list) --format tsv"), l.errors)
      XCTAssertEqual(
        Set(l.output.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[0] }),
        ["Company", "Model"],
        "in \(list): \(l.output)")
    }
    // A number in exponent form is a number (it was "'1e2' is not a number").
    let e = try shell()
    XCTAssertTrue(e.run("labels | where count >= 1e2 | count"), e.errors)
    XCTAssertTrue(e.run("labels | where count >= 100 | count"), e.errors)
    let counts = e.output.split(separator: "\n").filter { $0.contains("│") && !$0.contains("count") }
    XCTAssertEqual(counts.count, 2, e.output)
    XCTAssertEqual(counts[0], counts[1], e.output)
    XCTAssertFalse(e.run("labels | where count > 1e"))
    XCTAssertTrue(
      e.errors.hasSuffix("'1e' is not a number; compare with a number, e.g. where count > 10\n"), e.errors)
  }

  /// `uniq` counts by one column, by several (each combination once), or by whole rows.
  func testUniqBySeveralColumnsOrWholeRows() throws {
    let t = try shell()
    XCTAssertTrue(t.run("labels | where count >= 80 | select label | uniq"), t.errors)
    let byLabel = t.output.split(separator: "\n").filter { $0.contains("│") && !$0.contains("count") }
    XCTAssertFalse(byLabel.isEmpty, t.output)
    XCTAssertTrue(byLabel.allSatisfy { $0.hasSuffix("│     1 │") }, t.output)
    func graph() throws -> TestShell {
      try TestShell(
        plugins: [KnowledgePlugin.plugin, ScriptingPlugin.plugin, GraphPlugin.plugin],
        store: try Repository.defaultStore())
    }
    let s = try graph()
    XCTAssertTrue(s.run("neighbors 'Zhipu AI' | uniq labels relation --format tsv"), s.errors)
    let rows = s.output.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    XCTAssertEqual(rows.first, ["labels", "relation", "count"], s.output)
    let keys = rows.dropFirst().map { $0.prefix(2).joined(separator: "\t") }
    XCTAssertEqual(Set(keys).count, keys.count, "each combination once: \(s.output)")
    let found = try graph()
    XCTAssertTrue(found.run("neighbors 'Zhipu AI' --format tsv"), found.errors)
    let foundRows = found.output.split(separator: "\n").count - 1
    XCTAssertEqual(rows.dropFirst().compactMap { Int($0.last ?? "") }.reduce(0, +), foundRows, s.output)
    XCTAssertLessThan(keys.count, foundRows, "some neighbours share labels and relation: \(s.output)")
    let e = try shell()
    XCTAssertFalse(e.run("labels | uniq"))
    XCTAssertTrue(
      e.errors.contains("uniq: the table already has a column named count, which uniq adds"), e.errors)
    XCTAssertFalse(e.run("find GLM | uniq labels,labels"))
    XCTAssertTrue(e.errors.contains("uniq: labels is named twice"), e.errors)
  }

  /// `head -5` and `head -n 5` are how a Unix pipeline writes it: the refusal says kgsh's way.
  func testHeadWithADashSaysToDropIt() throws {
    let t = try shell()
    for line in ["labels | head -5", "labels | first -n 5", "labels | head --lines 5"] {
      XCTAssertFalse(t.run(line), line)
      XCTAssertTrue(
        t.errors.hasSuffix("first: write the count without a dash: first 5; head 5 is the same\n"), t.errors)
    }
    XCTAssertFalse(t.run("labels | head -x"))
    XCTAssertTrue(t.errors.hasSuffix("first: N takes a whole number of at least 0, not '-x'\n"), t.errors)
  }

  /// Bars are named by the first column of names; a cut table's chart says so; money in two
  /// currencies is not drawn as if it were one.
  func testChartNamesBarsSaysWhenCutAndRefusesMixedCurrencies() throws {
    let t = try TestShell(
      plugins: [KnowledgePlugin.plugin, ScriptingPlugin.plugin, PricingPlugin.plugin, GraphPlugin.plugin],
      store: try Repository.defaultStore())
    let before = t.output.count
    // rank's first column is the rank, a number: the bars are named by the entity after it.
    XCTAssertTrue(t.run("rank --limit 2 | chart score --width 3"), t.errors)
    let entities = try t.session.store.nodeCount()
    XCTAssertEqual(
      String(t.output.dropFirst(before)),
      "Zhipu AI ███ 111\nOpenAI   ██ 76\ncharted only the 2 rows --limit let through, of \(entities); raise --limit\n"
    )
    XCTAssertFalse(t.run("prices --kind api | chart input_1M"))
    XCTAssertTrue(
      t.errors.contains("chart: input_1M holds amounts in both USD and CNY"), t.errors)
    XCTAssertTrue(t.run("prices --kind api --currency USD | chart input_1M"), t.errors)
    // Each bar's figure reads as the table's cell: money with its symbol and decimals.
    let priced = t.output.count
    XCTAssertTrue(
      t.run("cost GLM-4.5 'Claude Sonnet 4' --input 1M --output 1M | chart total --width 4"), t.errors)
    XCTAssertEqual(
      String(t.output.dropFirst(priced)), "GLM-4.5         ▋ US$2.80\nClaude Sonnet 4 ████ US$18.00\n")
    // A column of dates is refused, not charted from the one cell that reads as a number.
    let shown = t.output.count
    XCTAssertFalse(t.run("timeline --from 2025-01 | chart date"))
    XCTAssertEqual(t.output.count, shown, "no bars drawn")
    XCTAssertTrue(t.errors.contains("chart: column 'date' is not numeric (row 1 has '2025-01')"), t.errors)
    XCTAssertTrue(t.errors.contains("... | uniq date | chart count"), t.errors)
  }

  func testSaveWritesTheFormatOfTheExtension() throws {
    let t = try shell()
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kgsh-save-\(UUID().uuidString).csv"
    ).path
    defer { try? FileManager.default.removeItem(atPath: file) }
    XCTAssertTrue(t.run("labels | first 2 | save \(file)"), t.errors)
    XCTAssertTrue(t.output.contains("saved 2 rows to \(file)"), t.output)
    // The CSV holds the header and the two largest labels (their counts grow with Knowledge/).
    let saved = try String(contentsOfFile: file, encoding: .utf8)
    XCTAssertNotNil(
      saved.range(of: "^label,count\nModel,201\nInvestor,[0-9]+\n$", options: .regularExpression), saved)
    // A listing --limit cut is saved as it is, and the message says it is not all of it.
    let before = t.output.count
    XCTAssertTrue(t.run("list Company --limit 3 | save \(file)"), t.errors)
    let total = try t.session.store.nodeCount(label: "Company")
    XCTAssertEqual(
      String(t.output.dropFirst(before)),
      "saved 3 rows to \(file): only the rows --limit let through, of \(total); raise --limit\n")
    XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count, 4)
    // .jsonl: a row an object a line.
    let lines = String(file.dropLast(4)) + ".jsonl"
    defer { try? FileManager.default.removeItem(atPath: lines) }
    XCTAssertTrue(t.run("labels | first 2 | save \(lines)"), t.errors)
    XCTAssertTrue(
      try String(contentsOfFile: lines, encoding: .utf8).hasPrefix(
        "{\"label\":\"Model\",\"count\":201}\n{\"label\":"))
  }

  func testVerbsWithoutATableSayWhatTheyNeed() throws {
    let t = try shell()
    XCTAssertFalse(t.run("where label = Model"))
    XCTAssertTrue(t.errors.contains("where needs a table from the command before |"), t.errors)
    let u = try shell()
    XCTAssertFalse(u.run("echo hi | sort name"))
    XCTAssertTrue(u.errors.contains("sort needs a table from the command before |"), u.errors)
    let v = try shell()
    XCTAssertFalse(v.run("labels | sort nmae"))
    XCTAssertTrue(v.errors.contains("sort: no column 'nmae'"), v.errors)
    // A card is several tables: the message names its parts and how to pipe one.
    let w = try shell()
    XCTAssertFalse(w.run("show Zhipu | count"))
    XCTAssertTrue(
      w.errors.hasSuffix(
        "count needs one table from the command before |, which gave 6 parts: entity, facts, relations, "
          + "group facts, conflicts, sources; pipe one part, e.g. show ENTITY --section facts | count\n"),
      w.errors)
    XCTAssertTrue(w.run("show Zhipu --section facts | count"), w.errors)
    XCTAssertFalse(w.run("labels | where label contains ''"))
    XCTAssertTrue(
      w.errors.hasSuffix("where: contains needs text to look for; e.g. where label contains GLM\n"), w.errors)
  }

  func testAssert() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run(
        "let n = 3; assert $n == 3; assert $n != 4; assert $n > 2; assert 10 > 9; assert abc < abd; assert $n <= 3"
      ), t.errors)
    XCTAssertFalse(t.run("assert $n == 4"))
    XCTAssertTrue(t.errors.contains("test:1:1: assertion failed: got 3, expected 4"), t.errors)
    // A table of one cell is its value, alone in a word or inside one.
    let c = try shell()
    XCTAssertTrue(
      c.run("let n = labels | count; assert $n == 16; echo [$n]; let t = labels; echo ${n}/$t.count"),
      c.errors)
    XCTAssertTrue(c.output.hasPrefix("[16]\n16/"), c.output)
    XCTAssertFalse(c.run("let rows = labels | first 2; assert $rows == 2"))
    XCTAssertTrue(c.errors.contains("assert: $rows is a table of 2 rows, not one value"), c.errors)
  }

  /// Amounts compare as amounts; what would compare as text by accident is refused.
  func testAssertComparesAmountsAndRefusesMixedKinds() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run("assert US$1.50 == US$1.5; assert ¥5 > ¥4.99; assert 1.5 == 1.50; assert 2025-01 < 2025-02-01"),
      t.errors)
    func failure(_ line: String) throws -> String {
      let s = try shell()
      XCTAssertFalse(s.run(line), line)
      return s.errors
    }
    XCTAssertEqual(
      try failure("assert ¥5 < US$1"),
      "test:1:1: assert: ¥5 and US$1 are in CNY and USD, which do not compare without a rate; "
        + "convert one first, e.g. cost MODEL --currency CNY\n")
    // As text "1" < "b" held, and "b" < 1 did not.
    XCTAssertEqual(
      try failure("assert 1 < b"),
      "test:1:1: assert: 1 is a number and 'b' is not, so < cannot order them; compare two numbers or two texts\n"
    )
    XCTAssertTrue(try failure("assert b >= 1").contains("1 is a number and 'b' is not"))
    // A table's rows would have been compared as one long text.
    XCTAssertTrue(
      try failure("let t = find GLM --limit 3; assert $t == 3").contains(
        "assert: $t is a table of 3 rows, not one value; check its size with expect COMMAND rows N"))
    XCTAssertTrue(try failure("assert 1 == b").contains("assertion failed: got 1, expected b"))
  }

  func testExpect() throws {
    let e = try shell()
    XCTAssertTrue(
      e.run("expect echo 42 == 42; expect find GLM --limit 3 rows 3; expect show Zhipu contains Zhipu AI"),
      e.errors)
    XCTAssertFalse(e.run("expect find GLM --limit 3 rows 2"))
    XCTAssertTrue(
      e.errors.contains(
        "expect failed: find GLM --limit 3 got 3 rows, expected 2 (limit reached: 3 of 27 shown; raise --limit)"
      ),
      e.errors)
    let f = try shell()
    XCTAssertFalse(f.run("expect echo 42 == 43"))
    XCTAssertTrue(f.errors.contains("expect failed: echo 42 got '42', expected 43"), f.errors)
    let g = try shell()
    XCTAssertFalse(g.run("expect echo hello contains bye"))
    XCTAssertTrue(
      g.errors.contains("expect failed: echo hello: got 'hello', which does not contain bye"), g.errors)
    // A table that lacks the text is named by its size, not by its first box characters.
    XCTAssertFalse(g.run("expect find GLM --limit 3 contains GPT-9"))
    XCTAssertTrue(
      g.errors.hasSuffix(
        "expect failed: find GLM --limit 3: its 3 rows do not contain GPT-9 (limit reached: 3 of 27 shown; raise --limit)\n"
      ), g.errors)
    // rows takes a comparison: a script stays right as the knowledge base grows.
    XCTAssertTrue(
      g.run(
        "expect find GLM --limit 3 rows >= 2; expect find GLM --limit 3 rows != 4; expect find GLM --limit 3 rows <=3"
      ),
      g.errors)
    XCTAssertFalse(g.run("expect find GLM --limit 1 contains GPT-9"))
    XCTAssertTrue(
      g.errors.hasSuffix(
        "expect failed: find GLM --limit 1: its 1 row does not contain GPT-9 (limit reached: 1 of 27 shown; raise --limit)\n"
      ), g.errors)
    XCTAssertFalse(g.run("expect find GLM --limit 3 rows > 3"))
    XCTAssertTrue(
      g.errors.hasSuffix(
        "expect failed: find GLM --limit 3 got 3 rows, expected > 3 (limit reached: 3 of 27 shown; raise --limit)\n"
      ), g.errors)
    XCTAssertFalse(g.run("expect find GLM rows ~ 3"))
    XCTAssertTrue(g.errors.contains("'~ 3' is not a row count"), g.errors)
    let h = try shell()
    XCTAssertFalse(h.run("expect find GLM rows -1"))
    XCTAssertTrue(
      h.errors.hasSuffix(
        "expect find GLM rows: '-1' is not a row count; give a whole number of 0 or more, "
          + "with a comparison if need be: expect find GLM rows >= 3\n"
      ), h.errors)
    // Checks worded as other test tools word them get the line rewritten in kgsh's words.
    for (line, rewritten) in [
      ("expect echo 42 is 42", "expect echo 42 == 42"),
      ("expect labels | count = 16", "expect labels | count == 16"),
      ("expect labels has 16 rows", "expect labels rows 16"),
      ("expect show Zhipu has 'Zhipu AI'", "expect show Zhipu contains 'Zhipu AI'"),
      ("expect labels has count > 50", "expect labels | where count > 50 rows >= 1"),
    ] {
      let k = try shell()
      XCTAssertFalse(k.run(line), line)
      XCTAssertTrue(
        k.errors.hasSuffix(
          "expect needs COMMAND == VALUE, COMMAND contains TEXT, COMMAND rows N or COMMAND fails [TEXT]; did you mean \(rewritten)?\n"
        ),
        "\(line): \(k.errors)")
    }
    // A condition on a column with the == of a check: the where that counts its rows.
    let c = try shell()
    XCTAssertFalse(c.run("expect labels | first 1 has label == Model"))
    XCTAssertTrue(
      c.errors.hasSuffix(
        "expect checks ==, contains, rows or fails, not a condition on a column (has label ==); count the rows "
          + "a where keeps: expect labels | first 1 | where label == Model rows >= 1\n"), c.errors)
    XCTAssertTrue(c.run("expect labels | first 1 | where label == Model rows >= 1"), c.errors)
    XCTAssertFalse(c.run("expect labels | first 1 | where label == Person rows >= 1"))
    // `expect` alone names its forms, not a pipeline's.
    for line in ["expect", "expect # nothing yet", "expect; echo after"] {
      let e = try shell()
      XCTAssertFalse(e.run(line), line)
      XCTAssertTrue(
        e.errors.contains(
          "expect needs COMMAND == VALUE, COMMAND contains TEXT, COMMAND rows N or COMMAND fails [TEXT]; "
            + "e.g. expect find GLM rows 3"), "\(line): \(e.errors)")
    }
    // fails: a refusal passes (its error is not printed); success, or another error, fails.
    let r = try shell()
    XCTAssertTrue(r.run("expect show Nobody fails; expect show Nobody fails 'no entity named'"), r.errors)
    XCTAssertEqual(r.errors, "")
    XCTAssertFalse(r.run("expect echo hi fails"))
    XCTAssertTrue(r.errors.hasSuffix("expect failed: echo hi succeeded, expected it to fail\n"), r.errors)
    XCTAssertFalse(r.run("expect show Nobody fails 'is ambiguous'"))
    XCTAssertTrue(
      r.errors.hasSuffix(
        "expect failed: show Nobody failed with 'no entity named 'Nobody'; try find Nobody', expected the error to contain is ambiguous\n"
      ), r.errors)
    let plain = try shell()
    XCTAssertFalse(plain.run("expect labels"))
    XCTAssertTrue(plain.errors.hasSuffix("; e.g. expect find GLM rows 3\n"), plain.errors)
  }

  func testSetChangesSettings() throws {
    let t = try shell()
    XCTAssertTrue(t.run("set on-error continue; set timer off"), t.errors)
    XCTAssertEqual(t.session.settings["on-error"], "continue")
    XCTAssertFalse(t.run("set colour on"))
    XCTAssertTrue(
      t.errors.contains("set: SETTING takes one of layout, on-error, pager, plugin-timeout"), t.errors)
    XCTAssertFalse(t.run("set timer maybe"))
    XCTAssertTrue(t.errors.contains("set timer: VALUE takes on or off, not 'maybe'"), t.errors)
    XCTAssertFalse(t.run("set timeout -5s"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "set timeout: VALUE takes a duration like 5s, 500ms or 2m (at most a day), or off, not '-5s'; "
          + "e.g. set timeout 30s\n"), t.errors)
  }

  func testSourceReportsTheIncludedFilesLine() throws {
    let dir = try temporaryFolder()
    try "echo in a\nsource b.kgsh\necho after a\n".write(
      toFile: "\(dir)/a.kgsh", atomically: true, encoding: .utf8)
    try "let x = 1\n\n\nassert $x == 2\necho after b\n".write(
      toFile: "\(dir)/b.kgsh", atomically: true, encoding: .utf8)
    let t = try shell()
    XCTAssertFalse(t.run("source \(dir)/a.kgsh"))
    XCTAssertEqual(t.errors, "\(dir)/b.kgsh:4:1: assertion failed: got 1, expected 2\n")
    XCTAssertTrue(t.output.contains("in a"), t.output)
    XCTAssertFalse(t.output.contains("after"), t.output)
    XCTAssertEqual(t.session.variables["x"], .int(1))
  }

  func testSourceListPointsAtSourcesUnlessAScriptHasThatName() throws {
    let t = try shell()
    XCTAssertFalse(t.run("source list"))
    XCTAssertTrue(
      t.errors.hasSuffix("; source runs a script; sources lists the knowledge base's sources\n"), t.errors)
    let dir = try temporaryFolder()
    let u = try shell()
    XCTAssertFalse(u.run("source \(dir)/missing.kgsh"))
    XCTAssertTrue(u.errors.contains("cannot read script"), u.errors)
    XCTAssertFalse(u.errors.contains("sources lists"), u.errors)
  }

  func testSourceCycleIsAnError() throws {
    let dir = try temporaryFolder()
    try "source b.kgsh\n".write(toFile: "\(dir)/a.kgsh", atomically: true, encoding: .utf8)
    try "echo b\n\nsource a.kgsh\n".write(toFile: "\(dir)/b.kgsh", atomically: true, encoding: .utf8)
    let t = try shell()
    XCTAssertFalse(t.run("source \(dir)/a.kgsh"))
    XCTAssertTrue(
      t.errors.hasPrefix("\(dir)/b.kgsh:3:1: source cycle: \(dir)/a.kgsh -> \(dir)/b.kgsh -> \(dir)/a.kgsh"),
      t.errors)
    XCTAssertEqual(t.errors.split(separator: "\n").count, 1, t.errors)
  }

  func temporaryFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kgsh-source-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }
}
