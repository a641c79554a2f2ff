import Foundation
import XCTest

/// A test case with a temporary folder of its own, made before each test and removed after
/// it, and a way to write small files into it.
class FileTestCase: XCTestCase {
  /// The folder's path.
  var dir = ""

  override func setUpWithError() throws {
    try super.setUpWithError()
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgtest-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: dir)
    try super.tearDownWithError()
  }

  /// Writes `text` to the file `name` in the folder and returns its path.
  @discardableResult
  func file(_ name: String, _ text: String) -> String {
    let path = dir + "/" + name
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }
}
