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
    // A verb given no column names the columns of the table piped in.
    for verb in ["sort", "select", "where"] {
      let x = try shell()
      XCTAssertFalse(x.run("labels | \(verb)"))
      XCTAssertTrue(x.errors.contains(": missing "), x.errors)
      XCTAssertTrue(x.errors.contains("; the table's columns: label, count; usage: \(verb) "), x.errors)
    }
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
