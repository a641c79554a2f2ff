import PluginProtocol
import XCTest

final class ProtocolCodecTests: XCTestCase {
  func testVersionParsing() {
    XCTAssertEqual(ProtocolVersion("1.0"), ProtocolVersion(major: 1, minor: 0))
    XCTAssertNil(ProtocolVersion("x"))
  }
}
