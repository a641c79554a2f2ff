import CypherTCK
import KnowledgeGraph

@testable import GraphQuery

extension QueryEngine {
  /// The rows of a query, each value written as the TCK writes it (`'a'`, `[1, 2]`, `null`).
  func tckRows(_ text: String) throws -> [[String]] {
    try run(text).rows.map { $0.map(tckDescription) }
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
