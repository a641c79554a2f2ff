import Foundation
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
