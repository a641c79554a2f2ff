import Foundation
import GraphQuery
import KnowledgeGraph

/// An error the TCK expects: `a SyntaxError should be raised at compile time: UndefinedVariable`.
struct ExpectedError: Equatable {
  enum Phase: String { case compileTime = "compile time", runtime = "runtime", anyTime = "any time" }
  /// SyntaxError, SemanticError, TypeError, ArgumentError, EntityNotFound, ...
  var type: String
  var phase: Phase
  /// The detail code (`UndefinedVariable`), nil for `*`.
  var detail: String?

  /// Parses the step text; nil when it is not an error step.
  init?(step text: String) {
    let words = text.split(separator: " ", maxSplits: 2).map(String.init)
    guard words.count == 3, words[0] == "a" || words[0] == "an",
      let raised = words[2].range(of: "should be raised at ")
    else { return nil }
    type = words[1]
    let rest = words[2][raised.upperBound...]
    let parts = rest.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
    guard let phase = Phase(rawValue: parts[0]) else { return nil }
    self.phase = phase
    detail = parts.count > 1 && parts[1] != "*" && !parts[1].isEmpty ? parts[1] : nil
  }

  /// Why an actual error does not fit, or nil when it does.
  ///
  /// The detail code must be the expected one, and the phase must match: an error found by
  /// parsing and planning alone is a compile-time error, any other a runtime error.
  func mismatch(_ error: any Error, compileTime: Bool) -> String? {
    let code = (error as? KgshError)?.code
    if let detail, code != detail {
      return "expected \(type) \(detail), got \(code ?? "an error without a code"): \(error)"
    }
    switch phase {
    case .compileTime where !compileTime:
      return "expected \(type) at compile time, raised at runtime: \(error)"
    case .runtime where compileTime:
      return "expected \(type) at runtime, raised at compile time: \(error)"
    default: return nil
    }
  }
}

/// Stops a scenario that runs past its time limit (checked between rows by the engine).
struct ScenarioTimeout: Error, CustomStringConvertible {
  var seconds: Double
  var description: String { "scenario ran past its \(Int(seconds)) s time limit" }
}

/// A procedure declared by a step: `there exists a procedure test.my.proc(in :: INTEGER?) :: (out :: STRING?):`
/// with a table of input values then output values.
enum DeclaredProcedure {
  static func parse(_ text: String, table: [[String]]) throws -> Procedure? {
    let prefix = "there exists a procedure "
    guard text.hasPrefix(prefix) else { return nil }
    var rest = Substring(text.dropFirst(prefix.count))
    guard let open = rest.firstIndex(of: "(") else { return nil }
    let name = rest[..<open].trimmingCharacters(in: .whitespaces)
    rest = rest[rest.index(after: open)...]
    guard let close = rest.firstIndex(of: ")") else { return nil }
    let inputs = fields(rest[..<close])
    rest = rest[rest.index(after: close)...]
    guard let open2 = rest.firstIndex(of: "("), let close2 = rest.lastIndex(of: ")") else { return nil }
    let outputs = fields(rest[rest.index(after: open2)..<close2])
    let rows = try table.dropFirst().filter { !$0.isEmpty }.map { row in
      try row.map { cell -> ResultValue in
        guard let v = try TCKValue.parse(cell).parameter else { return .null }
        return v
      }
    }
    return Procedure.table(name: name, inputs: inputs, outputs: outputs, rows: rows)
  }

  /// `in :: INTEGER?, name :: STRING?` as fields.
  static func fields(_ text: Substring) -> [Procedure.Field] {
    text.split(separator: ",").compactMap { part in
      let pieces = part.components(separatedBy: "::").map { $0.trimmingCharacters(in: .whitespaces) }
      return pieces.count == 2 ? Procedure.Field(pieces[0], pieces[1]) : nil
    }
  }
}
