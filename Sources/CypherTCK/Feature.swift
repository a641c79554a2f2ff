import Foundation
import GraphQuery

/// A parsed Gherkin `.feature` file of the openCypher TCK.
package struct Feature: Sendable {
  package var name: String
  package var path: String
  package var scenarios: [Scenario]

  package struct Scenario: Sendable {
    package var name: String
    package var line: Int
    package var steps: [Step]
  }

  package struct Step: Sendable {
    /// The step text without its keyword: `executing query:`, `an empty graph`, ...
    package var text: String
    package var line: Int
    package var docString: String?
    package var table: [[String]]?
  }

  /// Parses a feature file; Scenario Outlines are expanded, one scenario per Examples row.
  package static func parse(_ text: String, path: String) -> Feature {
    var parser = FeatureParser(path: path)
    return parser.parse(text)
  }

  /// Splits `| a | 'x|y' | b |` into trimmed cells, keeping `|` inside quotes; Gherkin's
  /// cell escapes `\|` and `\\` stand for `|` and `\`, any other `\x` is kept as written.
  static func splitRow(_ line: String) -> [String] {
    var cells: [String] = []
    var cell = ""
    var quote: Character?
    var escaped = false
    for c in line.dropFirst() {
      if escaped {
        if c != "|" && c != "\\" { cell.append("\\") }
        cell.append(c)
        escaped = false
        continue
      }
      if c == "\\" {
        escaped = true
        continue
      }
      if let q = quote {
        if c == q { quote = nil }
        cell.append(c)
      } else if c == "'" || c == "\"" {
        quote = c
        cell.append(c)
      } else if c == "|" {
        cells.append(cell.trimmingCharacters(in: .whitespaces))
        cell = ""
      } else {
        cell.append(c)
      }
    }
    return cells
  }
}
