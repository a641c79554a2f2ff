import Foundation
import KnowledgeGraph
import ShellTesting
import XCTest

@testable import ShellCore

/// A command with an entity argument and a date option, so two of them can make the same
/// mistakes: the wording must not depend on which command made it.
struct EntityProbe: Command {
  static let entity = Param<String>.argument("entity", .entity, "a name")
  static let asOf: Param<String?> = .option("as-of", .date, "a date")
  let name: String
  var signature: Signature {
    Signature(name, summary: "probe", parameters: [Self.entity.spec, Self.asOf.spec])
  }
  func run(_ call: Call, _ session: Session) throws -> Output {
    .message(try session.resolve(call[Self.entity]).name)
  }
}

/// Real failures carry their kind, read as one line without a Swift type name, and the same
/// mistake reads the same in every command.
final class KgshErrorTests: XCTestCase {
  func temp(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kgsh-errors-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
  }

  func shell(store: KnowledgeStore? = nil) throws -> TestShell {
    let store = try store ?? KnowledgeStore.inMemory()
    if !store.isReadOnly {
      try store.write { w in
        try w.upsertNode(key: "zhipu", name: "Zhipu AI", labels: ["Company"])
        try w.upsertNode(key: "glm-4.5", name: "GLM", labels: ["Model"])
        try w.upsertNode(key: "glm-4.6", name: "GLM", labels: ["Model"])
      }
    }
    let commands: [any Command] = [
      EntityProbe(name: "alpha"), EntityProbe(name: "beta"), NodeWriter(declared: true),
    ]
    return try TestShell(plugins: [Plugin(name: "t", summary: "t", commands: commands)], store: store)
  }

  /// The error `text` throws when evaluated as one statement.
  func failure(_ t: TestShell, _ text: String, file: StaticString = #filePath, line: UInt = #line)
    -> KgshError?
  {
    do {
      _ = try t.shell.evaluate(text: text)
      XCTFail("\(text) did not fail", file: file, line: line)
      return nil
    } catch let stage as StageError {
      return expectKgshError(stage.underlying, file: file, line: line)
    } catch {
      return expectKgshError(error, file: file, line: line)
    }
  }

  func failure(file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) -> KgshError? {
    do {
      try body()
      XCTFail("no error", file: file, line: line)
      return nil
    } catch { return expectKgshError(error, file: file, line: line) }
  }

  func expectKgshError(_ error: any Error, file: StaticString, line: UInt) -> KgshError? {
    guard let e = error as? KgshError else {
      XCTFail("not a KgshError: \(error)", file: file, line: line)
      return nil
    }
    assertOneLine(e, file: file, line: line)
    return e
  }

  /// One line, never a Swift type name or a debug dump.
  func assertOneLine(_ e: KgshError, file: StaticString = #filePath, line: UInt = #line) {
    let text = e.description
    XCTAssertFalse(text.contains("\n"), text, file: file, line: line)
    XCTAssertFalse(text.isEmpty, file: file, line: line)
    for leak in ["KgshError", "DatabaseError", "Optional(", "Error(", "Swift.", "GRDB"] {
      XCTAssertFalse(text.contains(leak), "\(leak) in: \(text)", file: file, line: line)
    }
  }

  func testAnUnknownCommandIsAUsageError() throws {
    let e = failure(try shell(), "alpah Zhipu")
    XCTAssertEqual(e?.kind, .usage)
    XCTAssertEqual(e?.description, "unknown command 'alpah'; did you mean 'alpha'?")
    XCTAssertEqual(failure(try shell(), "\\q")?.kind, .usage)
  }

  func testAnUnknownEntityIsNotFoundAndReadsTheSameInEveryCommand() throws {
    let t = try shell()
    let alpha = failure(t, "alpha Zhipuu")
    XCTAssertEqual(alpha?.kind, .notFound)
    XCTAssertEqual(alpha?.description, "no entity named 'Zhipuu'; did you mean 'Zhipu AI'?")
    XCTAssertEqual(failure(t, "beta Zhipuu"), alpha)
    let far = failure(t, "alpha Qqqqqqqq")
    XCTAssertEqual(far?.kind, .notFound)
    XCTAssertEqual(far?.suggestions, [], "no did-you-mean for a name nothing is close to")
    XCTAssertEqual(far?.description, "no entity named 'Qqqqqqqq'; try find Qqqqqqqq")
  }

  func testAnAmbiguousNameIsAmbiguousAndListsTheKeys() throws {
    let t = try shell()
    let e = failure(t, "alpha GLM")
    XCTAssertEqual(e?.kind, .ambiguous)
    XCTAssertEqual(
      e?.description, "'GLM' is ambiguous: GLM (glm-4.5), GLM (glm-4.6); use one of the keys in parentheses")
    XCTAssertEqual(failure(t, "beta GLM"), e)
  }

  func testABadDateIsAnInvalidValueWordedOnce() throws {
    let t = try shell()
    let alpha = failure(t, "alpha Zhipu --as-of jan")
    XCTAssertEqual(alpha?.kind, .invalidValue)
    XCTAssertEqual(alpha?.message, "alpha: --as-of takes a date like 2025-07 or 2025-07-01, not 'jan'")
    let beta = failure(t, "beta Zhipu --as-of jan")
    XCTAssertEqual(beta?.message.replacingOccurrences(of: "beta:", with: "alpha:"), alpha?.message)
    XCTAssertEqual(beta?.hint, alpha?.hint)
    XCTAssertEqual(failure { _ = try Interruption.parseTimeout("soon") }?.kind, .invalidValue)
  }

  func testAWriteToAReadOnlyKnowledgeBaseIsReadOnlyWherever() throws {
    let path = temp("kb.sqlite")
    try KnowledgeStore.open(path: path).close()
    let store = try KnowledgeStore.open(path: path, readOnly: true)
    let command = failure(try shell(store: store), "declared")
    XCTAssertEqual(command?.kind, .readOnly)
    XCTAssertEqual(command, KgshError.readOnly("declared"))
    let direct = failure { _ = try store.write { w in try w.upsertNode(key: "a", name: "A", labels: []) } }
    XCTAssertEqual(direct?.kind, .readOnly)
    let x = StoreExtension(owner: "x", migrations: [StoreMigration("x1", sql: "CREATE TABLE x_notes(a)")])
    let upgrade = failure { try store.apply([x]) }
    XCTAssertEqual(upgrade?.kind, .readOnly)
  }

  func testCtrlCIsInterruptedAndSaysNothingChanged() throws {
    let t = try shell()
    interruptFlag.store(true, ordering: .relaxed)
    defer { interruptFlag.store(false, ordering: .relaxed) }
    let e = failure { try t.session.checkInterrupt() }
    XCTAssertEqual(e, KgshError.interrupted)
    XCTAssertEqual(e?.description, "interrupted; nothing was changed")
  }

  func testADamagedOrForeignFileIsAnIOError() throws {
    let path = temp("kb.sqlite")
    let store = try KnowledgeStore.open(path: path)
    try store.write { w in
      for i in 0..<3000 { try w.upsertNode(key: "k\(i)", name: "Node \(i)", labels: ["T"]) }
    }
    store.close()
    let whole = try Data(contentsOf: URL(fileURLWithPath: path))
    try whole.prefix(whole.count / 2 + 100).write(to: URL(fileURLWithPath: path))
    let damaged = failure { _ = try KnowledgeStore.open(path: path) }
    XCTAssertEqual(damaged?.kind, .io)
    XCTAssertTrue(damaged?.message.contains("is damaged") == true, damaged?.description ?? "")

    let text = temp("notes.txt")
    try "not a database, just enough text to fill a header".write(
      toFile: text, atomically: true, encoding: .utf8)
    XCTAssertEqual(failure { _ = try KnowledgeStore.open(path: text) }?.kind, .io)
  }

  func testFilesSayWhetherTheyAreMissingOrUnreadable() throws {
    let missing = failure { _ = try TextFile.read(temp("nothing.kgsh"), what: "script") }
    XCTAssertEqual(missing?.kind, .notFound)
    XCTAssertEqual(failure { _ = try TextFile.read(NSTemporaryDirectory()) }?.kind, .io)
    XCTAssertEqual(failure { _ = try JSON.decode("{\"a\": }") }?.kind, .invalidValue)
  }
}
