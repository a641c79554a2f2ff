import GraphQuery
import KnowledgeGraph

nonisolated(unsafe) let engine = QueryEngine(store: try! KnowledgeStore.inMemory())

/// GraphQuery's lexer, parser and planner: `explain` parses and plans a query without
/// running it. Any input must explain or throw; never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = try? engine.explain(text)
  return 0
}
