import Foundation
import GraphQuery
import KnowledgeGraph

/// One scenario as it runs: its store and engine, the parameters given, the last query and
/// its result, and the graph before it (for the side effects). Each step is a set-up (given),
/// a query (when) or a check (then).
struct ScenarioRun {
  typealias Failure = TCKRunner.Failure
  let runner: TCKRunner
  let store: KnowledgeStore
  var engine: QueryEngine
  var parameters: [String: ResultValue] = [:]
  var result: Result<QueryResult, any Error>?
  /// Whether the last query's error was found before it ran (parse, check, plan).
  var compileTime = false
  var before: TCKRunner.State

  init(runner: TCKRunner) throws {
    self.runner = runner
    store = try KnowledgeStore.inMemory()
    engine = QueryEngine(store: store)
    let deadline = Date().addingTimeInterval(runner.timeLimit)
    let limit = runner.timeLimit
    engine.interrupt = { if Date() > deadline { throw ScenarioTimeout(seconds: limit) } }
    before = try store.queryGraphState()
  }

  /// Runs one step; false when the step is none this runner knows.
  mutating func run(_ step: Feature.Step) throws -> Bool {
    try setUp(step) || query(step) || check(step) || checkSideEffects(step)
  }

  /// A graph, a set-up query, a procedure or parameters.
  private mutating func setUp(_ step: Feature.Step) throws -> Bool {
    let text = step.text
    if text == "an empty graph" || text == "any graph" { return true }
    if text.hasPrefix("the "), text.hasSuffix(" graph") {
      try loadGraph(String(text.dropFirst(4).dropLast(6)))
    } else if text.hasPrefix("having executed") {
      do {
        _ = try engine.run(step.docString ?? "")
      } catch let e as KgshError where e.kind == .unsupported {
        throw Failure(outcome: .skip, reason: "setup: \(e)")
      } catch {
        throw Failure(outcome: .fail, reason: "setup query failed: \(error)")
      }
    } else if text.hasPrefix("there exists a procedure") {
      guard let procedure = try DeclaredProcedure.parse(text, table: step.table ?? []) else {
        throw Failure(outcome: .fail, reason: "cannot read the procedure declaration '\(text)'")
      }
      engine.procedures[procedure.name] = procedure
    } else if text.hasPrefix("parameters are") {
      for row in step.table ?? [] where row.count >= 2 {
        guard let v = try TCKValue.parse(row[1]).parameter else {
          throw Failure(outcome: .fail, reason: "parameter \(row[0]) is not a plain value")
        }
        parameters[row[0]] = v
      }
    } else {
      return false
    }
    return true
  }

  /// One of the TCK's named graphs, from its `.cypher` file.
  private mutating func loadGraph(_ name: String) throws {
    guard let dir = runner.graphsDirectory else {
      throw Failure(outcome: .skip, reason: "graph \(name) needs --graphs")
    }
    let file = dir.appendingPathComponent(name).appendingPathComponent("\(name).cypher")
    guard let script = try? String(contentsOf: file, encoding: .utf8) else {
      throw Failure(outcome: .skip, reason: "graph \(name) not found in \(dir.path)")
    }
    do {
      _ = try engine.run(script)
    } catch {
      throw Failure(outcome: .fail, reason: "loading graph \(name) failed: \(error)")
    }
  }

  /// `executing query`: runs it, noting whether a failure came before it ran.
  private mutating func query(_ step: Feature.Step) throws -> Bool {
    guard step.text.hasPrefix("executing query") || step.text.hasPrefix("executing control query") else {
      return false
    }
    let queryText = step.docString ?? ""
    before = try store.queryGraphState()
    compileTime = false
    do {
      _ = try engine.explain(queryText, parameters: parameters)
    } catch {
      compileTime = true
    }
    let (engine, parameters) = (engine, parameters)
    result = Result { try engine.run(queryText, parameters: parameters) }
    if case .failure(let e as ScenarioTimeout)? = result {
      throw Failure(outcome: .fail, reason: e.description)
    }
    return true
  }

  /// The result's rows, or the error it should have raised.
  private func check(_ step: Feature.Step) throws -> Bool {
    let text = step.text
    if text.hasPrefix("the result should be empty") {
      let rows = try runner.successful(result)
      if !rows.rows.isEmpty {
        throw Failure(outcome: .fail, reason: "expected no rows, got \(rows.rows.count)")
      }
    } else if text.hasPrefix("the result should be") {
      try runner.compare(
        try runner.successful(result), step.table ?? [], ordered: text.contains("in order"),
        unorderedLists: text.contains("ignoring element order"))
    } else if let expected = ExpectedError(step: text) {
      switch result {
      case .failure(let e as KgshError)? where e.kind == .unsupported:
        throw Failure(outcome: .skip, reason: e.description)
      case .failure(let e)?:
        if let why = expected.mismatch(e, compileTime: compileTime) {
          throw Failure(outcome: .fail, reason: why)
        }
      case .success?:
        throw Failure(outcome: .fail, reason: "expected an error (\(text)), the query succeeded")
      case nil: throw Failure(outcome: .fail, reason: "no query ran")
      }
    } else {
      return false
    }
    return true
  }

  /// `no side effects` and `the side effects should be`, after a query that succeeded.
  private func checkSideEffects(_ step: Feature.Step) throws -> Bool {
    let none = step.text.hasPrefix("no side effects")
    guard none || step.text.hasPrefix("the side effects should be") else { return false }
    guard case .success? = result else { return true }
    let effects = TCKRunner.sideEffects(before, try store.queryGraphState())
    var expected: [String: Int] = [:]
    for row in none ? [] : step.table ?? [] where row.count >= 2 { expected[row[0]] = Int(row[1]) ?? -1 }
    if effects != expected {
      throw Failure(
        outcome: .fail,
        reason: none
          ? "expected no side effects, got \(TCKRunner.describe(effects))"
          : "side effects: expected \(TCKRunner.describe(expected)), got \(TCKRunner.describe(effects))")
    }
    return true
  }
}
