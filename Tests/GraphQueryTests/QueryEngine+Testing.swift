import CypherTCK
import KnowledgeGraph

@testable import GraphQuery

extension QueryEngine {
  /// The rows of a query, each value written as the TCK writes it (`'a'`, `[1, 2]`, `null`).
  func tckRows(_ text: String) throws -> [[String]] {
    try run(text).rows.map { $0.map(tckDescription) }
  }

  /// The message a query fails with, or "no error" when it runs.
  func errorMessage(_ text: String) -> String {
    do {
      _ = try run(text)
      return "no error"
    } catch {
      return (error as? KgshError)?.message ?? "\(error)"
    }
  }

  /// The error code a query fails with (`"DeleteConnectedNode"`), or nil when it runs.
  func errorCode(_ text: String) -> String? {
    do {
      _ = try run(text)
      return nil
    } catch {
      return (error as? KgshError)?.code ?? "\(error)"
    }
  }
}
