import XCTest

final class PluginTestsPlaceholder: XCTestCase {}
