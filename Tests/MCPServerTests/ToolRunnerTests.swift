import BuiltInPlugins
import Foundation
import KnowledgeGraph
import MCPServer
import ShellCore
import ShellTesting
import XCTest

/// The MCP tools over a real session: schemas from the command contracts, arguments bound by
/// the shell's binder, bounded results, errors as the shell words them, and writes refused by
/// a read-only connection.
final class ToolRunnerTests: XCTestCase {
  /// The default knowledge base in a file, opened read-only as `kgsh mcp` opens it.
  static let readOnlyPath: String = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kgsh-mcp-\(UUID().uuidString).sqlite"
    ).path
    let extensions = BuiltIns.plugins.compactMap(\.storage)
    let builder = try! KnowledgeStore.open(path: path, extensions: extensions)
    try! KnowledgeLoader.ensureBuilt(builder, from: Repository.knowledge, extensions: extensions)
    builder.close()
    return path
  }()

  func runner(allowWrites: Bool = false) throws -> (ToolRunner, TestShell) {
    let extensions = BuiltIns.plugins.compactMap(\.storage)
    let store =
      allowWrites
      ? try Repository.defaultStore()
      : try KnowledgeStore.open(path: Self.readOnlyPath, readOnly: true, extensions: extensions)
    let t = try TestShell(plugins: BuiltIns.plugins, store: store)
    return (ToolRunner(session: t.session, allowWrites: allowWrites), t)
  }

  func testToolsAreTheReadingCommandsWithSchemasFromTheirContracts() throws {
    let (runner, _) = try runner()
    let names = Set(runner.tools.map(\.name))
    for required in [
      "find", "show", "facts", "cite", "timeline", "neighbors", "path", "match", "prices", "compare", "cost",
      "check-claim", "schema",
    ] {
      XCTAssertTrue(names.contains(required), "missing tool \(required)")
    }
    XCTAssertFalse(names.contains("fact_add"), "authoring tools need --allow-writes")
    let show = try XCTUnwrap(runner.tools.first { $0.name == "show" })
    XCTAssertEqual(show.inputSchema.member("required"), .list([.string("entity")]))
    XCTAssertEqual(show.inputSchema.member("properties")?.member("entity")?.member("type"), .string("string"))
    XCTAssertEqual(show.inputSchema.member("properties")?.member("max_rows")?.member("maximum"), .int(1000))
    let neighbors = try XCTUnwrap(runner.tools.first { $0.name == "neighbors" })
    XCTAssertEqual(
      neighbors.inputSchema.member("properties")?.member("depth")?.member("type"), .string("integer"))
    let match = try XCTUnwrap(runner.tools.first { $0.name == "match" })
    XCTAssertEqual(match.inputSchema.member("required"), .list([.string("query")]))
  }

  func testWritingToolsNeedAllowWritesAndAlwaysNameASource() throws {
    let (runner, _) = try runner(allowWrites: true)
    let factAdd = try XCTUnwrap(runner.tools.first { $0.name == "fact_add" })
    XCTAssertNotNil(factAdd.inputSchema.member("properties")?.member("source"))
    XCTAssertNil(factAdd.inputSchema.member("properties")?.member("unsourced"))
    let answer = runner.callNow(
      "fact_add", ["entity": "Zhipu", "predicate": "mcp_test", "value": "1", "unsourced": .bool(true)])
    XCTAssertTrue(answer.isError)
    XCTAssertTrue(answer.text.contains("unknown argument 'unsourced'"), answer.text)
    let missing = runner.callNow("fact_add", ["entity": "Zhipu", "predicate": "mcp_test", "value": "1"])
    XCTAssertTrue(missing.isError)
    XCTAssertTrue(missing.text.contains("--source is required"), missing.text)
    // An entity's own fields and its retraction are tools too; a retraction needs its reason.
    let correct = runner.callNow("entity_correct", ["entity": "baai", "description": "An AI institute"])
    XCTAssertFalse(correct.isError, correct.text)
    XCTAssertEqual(correct.structured?.member("description"), .string("An AI institute"))
    let retract = runner.callNow("entity_retract", ["entity": "baai"])
    XCTAssertTrue(retract.isError)
    XCTAssertTrue(retract.text.contains("--reason is required"), retract.text)
  }

  func testACallAnswersTheStructuredResultAndATextRendering() throws {
    let (runner, _) = try runner()
    let answer = runner.callNow("show", ["entity": "智谱"])
    XCTAssertFalse(answer.isError, answer.text)
    XCTAssertEqual(answer.structured?.member("entity")?.member("name"), .string("Zhipu AI"))
    XCTAssertTrue(answer.text.contains("Zhipu AI"))
    let path = runner.callNow("path", ["from": "Zhipu", "to": "MiniMax"])
    XCTAssertFalse(path.isError, path.text)
    guard case .list(let rows)? = path.structured?.member("rows") else { return XCTFail("no rows: \(path)") }
    XCTAssertFalse(rows.isEmpty)
  }

  func testWarningsTheShellWritesToStderrArePartOfTheAnswer() throws {
    let (runner, t) = try runner()
    let answer = runner.callNow("match", ["query": "(n:Compnay) return n.name"])
    XCTAssertFalse(answer.isError, answer.text)
    XCTAssertEqual(
      answer.structured?.member("warnings"),
      .list([.string("the knowledge base has no label Compnay; did you mean Company?")]))
    XCTAssertTrue(
      answer.text.hasSuffix(
        "(no rows)\nwarning: the knowledge base has no label Compnay; did you mean Company?\n"),
      answer.text)
    // Nothing reached the session's own stderr, and the next answer has no stale warnings.
    XCTAssertFalse(t.errors.contains("Compnay"), t.errors)
    let clean = runner.callNow("match", ["query": "(n:Company) return count(n) as n"])
    XCTAssertNil(clean.structured?.member("warnings"))
  }

  func testTheStructuredResultIsTheShellsJSONDocument() throws {
    let (runner, t) = try runner()
    for (tool, arguments, line) in [
      ("show", ["entity": Value.string("Zhipu")], "show Zhipu --format json"),
      ("prices", ["kind": .string("api")], "prices --kind api --format json"),
    ] {
      let answer = runner.callNow(tool, arguments.merging(["max_rows": .int(1000)]) { $1 })
      XCTAssertFalse(answer.isError, answer.text)
      let before = t.output.count
      XCTAssertTrue(t.run(line), t.errors)
      let shell = try JSON.decode(String(t.output.dropFirst(before)))
      var structured = try XCTUnwrap(answer.structured)
      if case .list = shell { structured = try XCTUnwrap(structured.member("rows")) }
      // Both through the one JSON writer: the same document, key for key.
      XCTAssertEqual(JSON.encode(try JSON.decode(JSON.encode(structured))), JSON.encode(shell), tool)
    }
  }

  func testArgumentMistakesAreToolErrorsWordedAsInTheShell() throws {
    let (runner, t) = try runner()
    let depth = runner.callNow("neighbors", ["entity": "Zhipu", "depth": .int(0)])
    XCTAssertTrue(depth.isError)
    XCTAssertFalse(t.run("neighbors Zhipu --depth 0"))
    let shellLine = t.errors.split(separator: "\n").last.map(String.init) ?? ""
    XCTAssertTrue(shellLine.hasSuffix(depth.text), "shell: \(shellLine)\nmcp: \(depth.text)")
    let unknown = runner.callNow("neighbors", ["entity": "Zhipu", "dept": .int(2)])
    XCTAssertTrue(unknown.isError)
    XCTAssertTrue(unknown.text.contains("did you mean 'depth'?"), unknown.text)
    let shape = runner.callNow("show", ["entity": .list([.string("a"), .string("b")])])
    XCTAssertTrue(shape.isError)
    XCTAssertTrue(shape.text.contains("takes one value"), shape.text)
    let missing = runner.callNow("show", [:])
    XCTAssertTrue(missing.isError)
    // Worded for a JSON caller, not with the shell's usage line.
    XCTAssertTrue(
      missing.text.hasPrefix("show: the argument entity is required; pass it, e.g. {\"entity\": \"...\"}"),
      missing.text)
    let tool = runner.callNow("shwo", [:])
    XCTAssertTrue(tool.isError)
    XCTAssertTrue(tool.text.contains("did you mean 'show'?"), tool.text)
    let write = runner.callNow("fact_add", [:])
    XCTAssertTrue(write.text.contains("--allow-writes"), write.text)
  }

  func testAWritingQueryIsRefusedByTheReadOnlyConnection() throws {
    let (runner, t) = try runner()
    let before = try t.session.store.nodeCount()
    let answer = runner.callNow(
      "match",
      ["query": "MATCH (c:Company) where c.name = 'Zhipu AI' create (x:Company {name: 'Injected'}) return x"])
    XCTAssertTrue(answer.isError)
    XCTAssertTrue(answer.text.contains("read-only"), answer.text)
    XCTAssertEqual(try t.session.store.nodeCount(), before)
    let read = runner.callNow("match", ["query": "MATCH (l:Lab) return l.name limit 2"])
    XCTAssertFalse(read.isError, read.text)
    // A statement that starts with a writing clause is named as one (it was a syntax error
    // at a column of a query the assistant never wrote).
    let create = runner.callNow("match", ["query": "CREATE (x:Company {name: 'Injected'})"])
    XCTAssertEqual(
      create.text,
      "match: a statement that starts with CREATE changes the knowledge base; "
        + "kgsh mcp serves the knowledge base read-only; start it with --allow-writes to change it")
    XCTAssertEqual(try t.session.store.nodeCount(), before)
  }

  /// A syntax error's line and column are counted in the query as the client sent it, with or
  /// without its first keyword.
  func testAQueryErrorIsPlacedInTheQueryTheClientSent() throws {
    let (runner, _) = try runner()
    for (query, position) in [
      ("MATCH (c) retrun c", "(line 1, column 11)"), ("(c) retrun c", "(line 1, column 5)"),
      ("  match (c)\n  where c.x = 1 retrun c", "(line 2, column 17)"),
    ] {
      let answer = runner.callNow("match", ["query": .string(query)])
      XCTAssertTrue(answer.isError, query)
      XCTAssertTrue(answer.text.contains("found 'retrun' \(position)"), "\(query): \(answer.text)")
    }
  }

  /// The one match tool runs every reading statement, whatever clause it starts with.
  func testTheMatchToolRunsStatementsThatStartWithOtherReadingClauses() throws {
    let (runner, _) = try runner()
    for (query, expected) in [
      ("RETURN 1 + 2 AS three", "3"),
      ("UNWIND [1, 2, 3] AS x RETURN sum(x) AS total", "6"),
      ("WITH 'Zhipu AI' AS n MATCH (c {name: n}) RETURN c.key AS key", "zhipu"),
      ("OPTIONAL MATCH (c:Company {name: 'Nobody'}) RETURN c IS NULL AS none", "true"),
      ("CALL db.labels() YIELD label WHERE label = 'Lab' RETURN label", "Lab"),
    ] {
      let answer = runner.callNow("match", ["query": .string(query)])
      XCTAssertFalse(answer.isError, "\(query): \(answer.text)")
      XCTAssertTrue(answer.text.contains(expected), "\(query): \(answer.text)")
    }
  }

  func testACallThatRunsPastTheTimeoutIsInterruptedAndTheNextOneRuns() throws {
    let (runner, _) = try runner()
    runner.timeout = 0.2
    // Three unconnected patterns over every entity: hundreds of millions of rows to count.
    let slow = runner.callNow("match", ["query": "MATCH (a), (b), (c) return count(*)"])
    XCTAssertTrue(slow.isError, slow.text)
    XCTAssertTrue(slow.text.hasPrefix("timed out after 200ms"), slow.text)
    XCTAssertTrue(slow.text.contains("--timeout"), slow.text)
    let next = runner.callNow("match", ["query": "MATCH (l:Lab) return count(l)"])
    XCTAssertFalse(next.isError, next.text)
  }

  func testACutResultSaysSoAndHowToNarrowIt() throws {
    let (runner, _) = try runner()
    let answer = runner.callNow("list", ["max_rows": .int(3)])
    XCTAssertFalse(answer.isError, answer.text)
    guard case .list(let rows)? = answer.structured?.member("rows") else { return XCTFail("\(answer)") }
    XCTAssertEqual(rows.count, 3)
    let cut = answer.structured?.member("truncated")
    XCTAssertEqual(cut?.member("shown"), .int(3))
    guard case .int(let total)? = cut?.member("total") else { return XCTFail("no total") }
    XCTAssertGreaterThan(total, 3)
    XCTAssertTrue(answer.text.contains("result cut: 3 of \(total) rows shown"), answer.text)
    XCTAssertTrue(answer.text.contains("raise max_rows"), answer.text)
    let small = runner.callNow("labels", [:])
    XCTAssertNil(small.structured?.member("truncated"))
    let tooMany = runner.callNow("list", ["max_rows": .int(5000)])
    XCTAssertTrue(tooMany.isError)
    // max_rows exists only over MCP: its mistakes name the JSON key, not a shell flag.
    XCTAssertEqual(
      tooMany.text, "list: max_rows takes a whole number from 1 to 1000, not 5000; e.g. {\"max_rows\": 50}")
    XCTAssertEqual(
      runner.callNow("list", ["max_rows": .string("abc")]).text,
      "list: max_rows takes a whole number from 1 to 1000, not \"abc\"; e.g. {\"max_rows\": 50}")
    // A list argument with too few items says how many and how to pass them.
    XCTAssertEqual(
      runner.callNow("compare", ["items": .string("GLM-4.5")]).text,
      "compare: items takes at least 2 values, got 1; pass a list, e.g. {\"items\": [\"...\", \"...\"]}")
    XCTAssertFalse(
      runner.callNow("compare", ["items": .list([.string("GLM-4.5"), .string("P043")])]).isError)
  }

  func testSchemaListsLabelsRelationTypesPredicatesAndSourcesWithCounts() throws {
    let (runner, t) = try runner()
    let answer = runner.callNow("schema", [:])
    XCTAssertFalse(answer.isError, answer.text)
    for key in ["labels", "relation_types", "predicates", "sources"] {
      guard case .list(let items)? = answer.structured?.member(key) else { return XCTFail("no \(key)") }
      XCTAssertFalse(items.isEmpty, key)
    }
    guard case .list(let labels)? = answer.structured?.member("labels") else { return }
    XCTAssertTrue(labels.contains { $0.member("label") == .string("Company") })
    // Sources, the long list, are cut at max_rows like every table, and say so.
    let total = try t.session.store.readOnlyQuery("select count(*) from source").rows[0][0]
    let few = runner.callNow("schema", ["max_rows": .int(3)])
    guard case .list(let sources)? = few.structured?.member("sources") else { return XCTFail(few.text) }
    XCTAssertEqual(sources.count, 3)
    XCTAssertEqual(few.structured?.member("sources_cut")?.member("total"), total)
    let bad = runner.callNow("schema", ["labels": .bool(true)])
    XCTAssertTrue(bad.isError && bad.text.contains("unknown argument 'labels'"), bad.text)
  }

  func testConcurrentCallsQueueOnTheSession() async throws {
    let (runner, _) = try runner()
    let names = ["Zhipu", "MiniMax", "Moonshot", "DeepSeek", "Zhipu", "MiniMax", "Moonshot", "DeepSeek"]
    let answers = await withTaskGroup(of: (String, ToolAnswer).self) { group in
      for name in names { group.addTask { (name, await runner.call("show", ["entity": .string(name)])) } }
      var out: [(String, ToolAnswer)] = []
      for await answer in group { out.append(answer) }
      return out
    }
    XCTAssertEqual(answers.count, names.count)
    for (name, answer) in answers {
      XCTAssertFalse(answer.isError, answer.text)
      XCTAssertTrue(
        answer.structured?.member("entity")?.member("name")?.plainText.hasPrefix(name) ?? false, name)
    }
  }
}

extension Value {
  /// A member of a map value (tests).
  func member(_ name: String) -> Value? {
    if case .map(let fields) = self { return fields[name] }
    return nil
  }
}

extension Value: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self = .string(value) }
}
