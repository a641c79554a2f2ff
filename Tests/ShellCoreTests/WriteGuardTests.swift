import KnowledgeGraph
import ShellTesting
import XCTest

@testable import ShellCore

/// A command that writes a node; `declared` says whether its signature admits it.
struct NodeWriter: Command {
  let declared: Bool
  var signature: Signature {
    Signature(declared ? "declared" : "sneaky", summary: "writes a node", writes: declared)
  }
  func run(_ call: Call, _ session: Session) throws -> Output {
    try session.store.write { w in try w.upsertNode(key: signature.name, name: signature.name, labels: ["T"])
    }
    return .message("wrote")
  }
}

/// A read-only command that runs other shell text (like `source` or a user command).
struct RunText: Command {
  let signature = Signature("runtext", summary: "runs its argument", arguments: [Argument("text", "text")])
  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let shell = session.shell, shell.run(call.arguments[0], origin: "inner") else {
      throw KgshError(.failed, "inner run failed")
    }
    return .empty
  }
}

/// A command cannot change the knowledge base unless it declares that it writes.
final class WriteGuardTests: XCTestCase {
  func make() throws -> TestShell {
    try TestShell(plugins: [
      Plugin(
        name: "t", summary: "t",
        commands: [NodeWriter(declared: true), NodeWriter(declared: false), RunText()])
    ])
  }

  func testAnUndeclaredWriteIsRefusedAndChangesNothing() throws {
    let t = try make()
    XCTAssertFalse(t.run("sneaky"))
    XCTAssertTrue(t.errors.contains("sneaky does not declare that it changes the knowledge base"), t.errors)
    XCTAssertEqual(try t.session.store.nodeCount(), 0)
    XCTAssertNil(t.session.store.writeGuard, "the guard outlived the command")
  }

  func testADeclaredWriteWorksAlsoInsideAReadOnlyCommand() throws {
    let t = try make()
    XCTAssertTrue(t.run("declared"), t.errors)
    XCTAssertTrue(t.run("runtext declared"), t.errors)
    XCTAssertFalse(t.run("runtext sneaky"))
    XCTAssertEqual(try t.session.store.nodeCount(), 1)
  }

  func testAllowingWritesIsExplicitAndScoped() throws {
    let store = try KnowledgeStore.inMemory()
    store.writeGuard = "plugin"
    _ = try store.allowingWrites { try store.write { w in try w.upsertNode(key: "a", name: "A", labels: []) } }
    XCTAssertEqual(store.writeGuard, "plugin")
    XCTAssertThrowsError(try store.write { w in try w.upsertNode(key: "b", name: "B", labels: []) })
  }
}
