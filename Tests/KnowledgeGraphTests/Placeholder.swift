import XCTest

final class KnowledgeGraphTestsPlaceholder: XCTestCase {}
