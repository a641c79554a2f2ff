import KnowledgeGraph
import XCTest

/// One rule makes ids from names: price ids from model names, keys suggested from names.
final class SlugTests: XCTestCase {
  func testNamesBecomeLowerCaseIdsWithOneDashPerGap() {
    XCTAssertEqual(Slug.make("GPT-4o mini (2024)"), "gpt-4o-mini-2024")
    XCTAssertEqual(Slug.make("  Acme AI (HK)  "), "acme-ai-hk")
    XCTAssertEqual(Slug.make("GLM-4.5 智谱"), "glm-4.5-智谱")
    XCTAssertEqual(Slug.make("GLM-4.5 智谱", asciiOnly: true), "glm-4.5")
    XCTAssertEqual(Slug.make("智谱", asciiOnly: true), "")
  }
}
