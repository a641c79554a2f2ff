import XCTest

final class ShellCoreTestsPlaceholder: XCTestCase {}
