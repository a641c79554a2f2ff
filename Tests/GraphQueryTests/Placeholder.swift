import XCTest

final class GraphQueryTestsPlaceholder: XCTestCase {}
