import XCTest

@testable import KnowledgeGraph

/// `resolveID` answers what `resolve` answers, as ids: keys first, then folded names and
/// aliases, several entities for a shared alias, suggestions when nothing matches.
final class ResolveIDTests: FileTestCase {
  func testResolveIDAgreesWithResolve() throws {
    let store = try KnowledgeStore.inMemory()
    let nodes = file("n.csv", "id,name\nzhipu,智谱 AI\nminimax,MiniMax\nglm,GLM-4.5\nz2,Zhipu Two\n")
    _ = try store.importGraph(nodes: nodes, edges: nil)
    guard let zhipu = try store.node(key: "zhipu")?.id, let two = try store.node(key: "z2")?.id,
      let glm = try store.node(key: "glm")?.id
    else { return XCTFail("import lost a node") }
    try store.write { w in
      try w.addAlias(zhipu, "ZAI")
      try w.addAlias(two, "zai")
      try w.addAlias(glm, "minimax")  // a name that is also another entity's key
    }

    XCTAssertEqual(try store.resolveID(" zhipu "), .found(zhipu), "a key, spaces trimmed")
    XCTAssertEqual(try store.resolveID("智譜 ai"), .found(zhipu), "a name, script and case folded")
    XCTAssertEqual(try store.resolveID("minimax"), .found(try store.node(key: "minimax")!.id), "keys win")
    XCTAssertEqual(try store.resolveID("Zai"), .ambiguous([zhipu, two].sorted()))
    guard case .notFound(let suggestions) = try store.resolveID("Zhipu Tow") else {
      return XCTFail("a typo resolved")
    }
    XCTAssertEqual(suggestions, ["Zhipu Two"])

    for text in [" zhipu ", "智譜 ai", "minimax", "Zai", "Zhipu Tow", "GLM-4.5", "nothing like it"] {
      let ids = try store.resolveID(text)
      switch try store.resolve(text) {
      case .found(let node): XCTAssertEqual(ids, .found(node.id), text)
      case .ambiguous(let nodes): XCTAssertEqual(ids, .ambiguous(nodes.map(\.id)), text)
      case .notFound(let s): XCTAssertEqual(ids, .notFound(suggestions: s), text)
      }
    }
  }

  /// Names that fold alike give one id, not one per name; a key beats every name.
  func testNamesThatFoldAlikeGiveTheirEntityOnce() throws {
    let store = try KnowledgeStore.inMemory()
    let nodes = file("n.csv", "id,name\nzhipu,Zhipu AI\nother,Other\n")
    _ = try store.importGraph(nodes: nodes, edges: nil)
    guard let zhipu = try store.node(key: "zhipu")?.id, let other = try store.node(key: "other")?.id else {
      return XCTFail("import lost a node")
    }
    try store.write { w in
      for alias in ["智谱", "智譜", "ＺＨＩＰＵ", "zhipu ai", "other"] { try w.addAlias(zhipu, alias) }
    }
    XCTAssertEqual(try store.resolveID("智譜"), .found(zhipu))
    XCTAssertEqual(try store.resolveID("ZHIPU AI"), .found(zhipu))
    XCTAssertEqual(try store.resolveID("other"), .found(other), "a key, though also an alias of zhipu")
    XCTAssertEqual(try store.resolveID("Other"), .ambiguous([zhipu, other].sorted()))
  }
}
