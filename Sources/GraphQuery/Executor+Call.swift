import Foundation
import KnowledgeGraph

/// CALL: per input row, the procedure's output rows bound to the yielded variables.
final class CallStage: Stage {
  let procedure: Procedure
  let arguments: [Expr]
  /// Per yielded variable: its output's index and its row slot.
  let bindings: [(output: Int, slot: Int)]
  let inputScope: Scope
  let scope: Scope
  let predicate: Expr?
  let evaluator: Evaluator
  /// Set for kgsh's graph procedures, which answer with graph values (`GraphProcedures`).
  let graphMode: ShortestMode?

  init(
    procedure: Procedure, arguments: [Expr], bindings: [(output: Int, slot: Int)], inputScope: Scope,
    scope: Scope, predicate: Expr?, evaluator: Evaluator
  ) {
    graphMode = GraphProcedures.mode(procedure.name)
    self.procedure = procedure
    self.arguments = arguments
    self.bindings = bindings
    self.inputScope = inputScope
    self.scope = scope
    self.predicate = predicate
    self.evaluator = evaluator
  }

  override func push(_ row: Row) throws {
    var values: [QValue] = []
    for (field, e) in zip(procedure.inputs, arguments) {
      let v = try evaluator.eval(e, row, inputScope)
      guard field.accepts(v) else {
        throw KgshError.runtime(
          "\(procedure.name) takes a \(field.type) for '\(field.name)', not \(v.typeNameWithArticle)",
          code: "InvalidArgumentType")
      }
      values.append(v)
    }
    let outputs: [[QValue]]
    if let graphMode {
      outputs = try GraphProcedures.rows(graphMode, procedure.name, values, evaluator)
    } else {
      let args = try values.map(evaluator.graph.result)
      // A procedure without outputs leaves the rows as they are.
      if procedure.outputs.isEmpty {
        _ = try procedure.body(args)
        try next!.push(row)
        return
      }
      outputs = try procedure.body(args).map { try $0.map(QValue.init) }
    }
    for output in outputs {
      var out = row
      while out.count < scope.count { out.append(.null) }
      for b in bindings { out[b.slot] = output[b.output] }
      if let predicate, try evaluator.truth(try evaluator.eval(predicate, out, scope)) != .yes { continue }
      try next!.push(out)
    }
  }
}

extension Executor {
  /// Checks a CALL against its procedure and declares the yielded variables.
  /// - Returns: the stage, and for a standalone CALL the result columns.
  mutating func callStage(_ c: CallClause, _ scope: inout Scope, standalone: Bool) throws -> (Stage, [String])
  {
    guard
      let procedure = procedures[c.name] ?? BuiltInProcedures.lookup(c.name, graph)
        ?? GraphProcedures.signature(c.name)
    else {
      let known = BuiltInProcedures.names + GraphProcedures.names + procedures.keys.sorted()
      let near = Names.suggestions(for: c.name, among: known, limit: 1)
      let lower = c.name.lowercased()
      let elsewhere =
        lower.hasPrefix("db.schema") || lower == "apoc.meta.schema" || lower == "apoc.meta.graph"
        ? "the shell's relations --schema shows which labels each relation type connects, and labels LABEL what a label's facts say"
        : lower.hasPrefix("apoc.")
          ? "APOC is a Neo4j plugin, not part of Cypher; the procedures are \(known.joinedText(", "))"
          : nil
      throw KgshError(
        .semantic, "there is no procedure \(c.name)",
        hint: elsewhere ?? near.first.map { "did you mean \($0)?" }
          ?? "the procedures are \(known.joinedText(", "))",
        code: "ProcedureNotFound", at: c.position)
    }
    if c.yieldAll && !standalone {
      throw KgshError.syntax(
        "YIELD * is only allowed in a standalone CALL; name the outputs", at: c.position,
        code: "UnexpectedSyntax")
    }
    let arguments = try callArguments(c, procedure, scope, standalone: standalone)
    let inputScope = scope
    var yields = c.yields ?? []
    if c.yieldAll || (standalone && c.yields == nil) {
      yields = procedure.outputs.map { ($0.name, $0.name, c.position) }
    }
    var bindings: [(output: Int, slot: Int)] = []
    for (output, variable, pos) in yields {
      guard let index = procedure.outputs.firstIndex(where: { $0.name == output }) else {
        throw KgshError.semantic(
          "\(procedure.name) has no output '\(output)'", code: "UndefinedVariable", at: pos)
      }
      if scope.slots[variable] != nil {
        throw KgshError.semantic(
          "variable '\(variable)' is already bound", code: "VariableAlreadyBound", at: pos)
      }
      bindings.append((index, scope.add(variable, .value)))
    }
    if let predicate = c.predicate { try checkDefined(predicate, scope) }
    let stage = CallStage(
      procedure: procedure, arguments: arguments, bindings: bindings, inputScope: inputScope, scope: scope,
      predicate: c.predicate, evaluator: evaluator)
    return (stage, standalone ? yields.map(\.variable) : [])
  }

  /// The argument expressions: explicit ones checked for count, aggregates and literal
  /// types; implicit ones (no parentheses, standalone only) read from parameters.
  func callArguments(_ c: CallClause, _ p: Procedure, _ scope: Scope, standalone: Bool) throws -> [Expr] {
    guard let args = c.arguments else {
      if p.inputs.isEmpty { return [] }
      guard standalone else {
        throw KgshError.semantic(
          "\(p.name) needs its arguments in parentheses inside a query", code: "InvalidArgumentPassingMode",
          at: c.position)
      }
      for field in p.inputs where evaluator.parameters[field.name] == nil {
        throw KgshError(
          .semantic, "parameter $\(field.name) for \(p.name) is not set", code: "MissingParameter",
          at: c.position)
      }
      return p.inputs.map { .parameter($0.name, c.position) }
    }
    guard args.count == p.inputs.count else {
      throw KgshError.semantic(
        "\(p.name) takes \(p.inputs.count.counted("argument")), got \(args.count)",
        code: "InvalidNumberOfArguments",
        at: c.position)
    }
    for (field, arg) in zip(p.inputs, args) {
      try checkDefined(arg, scope)
      if arg.containsAggregate {
        throw KgshError.semantic(
          "a procedure argument cannot aggregate", code: "InvalidAggregation", at: c.position)
      }
      if case .literal(let v) = arg, !field.accepts(v) {
        throw KgshError.semantic(
          "\(p.name) takes a \(field.type) for '\(field.name)', not \(v.typeNameWithArticle)",
          code: "InvalidArgumentType", at: c.position)
      }
    }
    return args
  }
}
