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
    var feature = Feature(name: "", path: path, scenarios: [])
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
    var i = 0
    var current: Scenario?
    var isOutline = false
    var examples: [[String]] = []
    var examplesLine: [Int] = []

    func flush() {
      guard let scenario = current else { return }
      if isOutline {
        guard let header = examples.first else { return }
        for (row, line) in zip(examples.dropFirst(), examplesLine.dropFirst()) {
          var copy = scenario
          copy.line = line
          func fill(_ s: String) -> String {
            var out = s
            for (k, v) in zip(header, row) { out = out.replacingOccurrences(of: "<\(k)>", with: v) }
            return out
          }
          copy.steps = scenario.steps.map { step in
            var s = step
            s.text = fill(s.text)
            s.docString = s.docString.map(fill)
            s.table = s.table?.map { $0.map(fill) }
            return s
          }
          feature.scenarios.append(copy)
        }
      } else {
        feature.scenarios.append(scenario)
      }
    }

    var inExamples = false
    // Steps of a `Background:` section, run before every scenario of the feature.
    var background: [Step] = []
    var inBackground = false
    func appendToLastStep(_ body: (inout Step) -> Void) {
      if inBackground {
        if !background.isEmpty { body(&background[background.count - 1]) }
      } else if current != nil, !current!.steps.isEmpty {
        body(&current!.steps[current!.steps.count - 1])
      }
    }
    while i < lines.count {
      let raw = lines[i]
      let line = raw.trimmingCharacters(in: .whitespaces)
      let lineNumber = i + 1
      i += 1
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("@") { continue }
      if line.hasPrefix("Feature:") {
        feature.name = line.dropFirst("Feature:".count).trimmingCharacters(in: .whitespaces)
      } else if line.hasPrefix("Background:") {
        flush()
        current = nil
        inBackground = true
      } else if line.hasPrefix("Scenario Outline:") || line.hasPrefix("Scenario:")
        || line.hasPrefix("Scenario Template:")
      {
        flush()
        inBackground = false
        isOutline = !line.hasPrefix("Scenario:")
        examples = []
        examplesLine = []
        inExamples = false
        let name = line[line.index(after: line.firstIndex(of: ":")!)...].trimmingCharacters(in: .whitespaces)
        current = Scenario(name: name, line: lineNumber, steps: background)
      } else if line.hasPrefix("Examples:") || line.hasPrefix("Scenarios:") {
        inExamples = true
      } else if line.hasPrefix("|") {
        let cells = splitRow(line)
        if inExamples {
          examples.append(cells)
          examplesLine.append(lineNumber)
        } else {
          appendToLastStep { $0.table = ($0.table ?? []) + [cells] }
        }
      } else if line.hasPrefix("\"\"\"") {
        let indent = raw.prefix { $0 == " " }.count
        var body: [String] = []
        while i < lines.count {
          let l = lines[i]
          i += 1
          if l.trimmingCharacters(in: .whitespaces).hasPrefix("\"\"\"") { break }
          body.append(String(l.dropFirst(min(indent, l.prefix { $0 == " " }.count))))
        }
        appendToLastStep { $0.docString = body.joinedText("\n") }
      } else if let keyword = ["Given ", "When ", "Then ", "And ", "But "].first(where: { line.hasPrefix($0) }
      ) {
        let step = Step(text: String(line.dropFirst(keyword.count)), line: lineNumber)
        if inBackground { background.append(step) } else { current?.steps.append(step) }
      }
    }
    flush()
    return feature
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
