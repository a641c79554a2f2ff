import XCTest

final class LineEditorTestsPlaceholder: XCTestCase {}
