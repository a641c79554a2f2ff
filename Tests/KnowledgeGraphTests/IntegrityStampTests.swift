import Foundation
import XCTest

@testable import KnowledgeGraph

#if canImport(Glibc)
  import Glibc
#endif

/// `PRAGMA quick_check` at open is skipped while a stamp shows the file unchanged since a
/// clean check; any change to the file (even one that restores its modification time), a
/// copy, or a write too close to the check brings the check back, and damage is refused.
final class IntegrityStampTests: XCTestCase {
  private var dir = ""
  private var stamps: String { dir + "/state/checked" }

  override func setUp() {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgstamp-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  }

  override func tearDown() {
    try? FileManager.default.removeItem(atPath: dir)
  }

  /// A closed knowledge base of 3,000 nodes whose last change lies clearly in the past.
  private func settledFile(_ name: String = "kb.sqlite") throws -> String {
    let path = dir + "/" + name
    let store = try KnowledgeStore.open(path: path)
    try store.write { w in
      for i in 0..<3000 { try w.upsertNode(key: "k\(i)", name: "Node number \(i)", labels: ["T"]) }
    }
    store.close()
    XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))
    usleep(200_000)  // the stamp is only written for times older than the check by a margin
    return path
  }

  private func opensWithCheck(_ path: String) throws -> Bool {
    let store = try KnowledgeStore.open(path: path, checkStamps: stamps)
    defer { store.close() }
    XCTAssertEqual(try store.nodeCount(), 3000)
    return store.ranIntegrityCheck
  }

  /// Overwrites the header of a b-tree page in the middle of the file (the size stays).
  private func damagePage(_ path: String) throws {
    let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: path))
    try handle.seek(toOffset: UInt64(size / 4096 / 2 * 4096))
    handle.write(Data([0x0D, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]))
    try handle.close()
  }

  private func modificationTime(_ path: String) -> timespec {
    var info = stat()
    XCTAssertEqual(stat(path, &info), 0)
    return info.st_mtim
  }

  private func setModificationTime(_ path: String, _ time: timespec) {
    let omit = (1 << 30) - 2  // UTIME_OMIT: leave the access time
    var times = [timespec(tv_sec: 0, tv_nsec: omit), time]
    XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
  }

  func testTheCheckIsSkippedWhileTheFileIsUnchangedSinceACleanCheck() throws {
    let path = try settledFile()
    XCTAssertTrue(try opensWithCheck(path))
    XCTAssertFalse(try opensWithCheck(path), "an unchanged file was checked again")
    XCTAssertFalse(try opensWithCheck(path))
    // Without a stamp directory every open checks.
    let plain = try KnowledgeStore.open(path: path)
    XCTAssertTrue(plain.ranIntegrityCheck)
    plain.close()
  }

  func testAFileDamagedAfterACleanCheckIsRefusedAtOpen() throws {
    let path = try settledFile()
    XCTAssertTrue(try opensWithCheck(path))
    XCTAssertFalse(try opensWithCheck(path))
    try damagePage(path)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    XCTAssertThrowsError(try KnowledgeStore.open(path: path, checkStamps: stamps)) { error in
      XCTAssertTrue("\(error)".contains("damaged") && "\(error)".contains("--recover"), "\(error)")
    }
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes, "the damaged file was changed")
  }

  func testDamageThatRestoresTheModificationTimeIsStillRefused() throws {
    let path = try settledFile()
    XCTAssertTrue(try opensWithCheck(path))
    let before = modificationTime(path)
    try damagePage(path)
    setModificationTime(path, before)  // what `touch -r` or a careless copy tool does
    XCTAssertThrowsError(try KnowledgeStore.open(path: path, checkStamps: stamps)) { error in
      XCTAssertTrue("\(error)".contains("damaged"), "\(error)")
    }
  }

  func testAWriteOrACopyIsCheckedAgain() throws {
    let path = try settledFile()
    XCTAssertTrue(try opensWithCheck(path))
    let store = try KnowledgeStore.open(path: path, checkStamps: stamps)
    try store.write { w in try w.execute("UPDATE node SET description = 'changed' WHERE key = 'k1'") }
    store.close()
    XCTAssertTrue(try opensWithCheck(path), "a file written since its check was not checked")
    let copy = dir + "/copy.sqlite"
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    XCTAssertTrue(try opensWithCheck(copy), "a copy was taken for the checked original")
  }

  func testAFileChangedAfterTheCheckStartedGetsNoStamp() throws {
    let path = try settledFile()
    // A modification time after the check's start: the kernel's coarse clock could give a
    // damaging write in the same tick the same time, so the clean check is not recorded.
    var future = modificationTime(path)
    future.tv_sec += 3600
    setModificationTime(path, future)
    XCTAssertTrue(try opensWithCheck(path))
    XCTAssertTrue(try opensWithCheck(path), "a stamp was recorded for a file changed during its check")
  }
}
