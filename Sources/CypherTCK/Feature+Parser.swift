import Foundation

/// Reads a feature file line by line: the scenario being read, its outline's Examples, and
/// the Background steps every scenario starts with.
struct FeatureParser {
  var feature: Feature
  private var lines: [String] = []
  private var i = 0
  private var current: Feature.Scenario?
  private var isOutline = false
  private var inExamples = false
  private var examples: [[String]] = []
  private var examplesLine: [Int] = []
  /// Steps of a `Background:` section, run before every scenario of the feature.
  private var background: [Feature.Step] = []
  private var inBackground = false

  init(path: String) { feature = Feature(name: "", path: path, scenarios: []) }

  mutating func parse(_ text: String) -> Feature {
    lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
    while i < lines.count {
      let raw = lines[i]
      let line = raw.trimmingCharacters(in: .whitespaces)
      i += 1
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("@") { continue }
      read(line, raw: raw, number: i)
    }
    flush()
    return feature
  }

  private mutating func read(_ line: String, raw: String, number: Int) {
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
      current = Feature.Scenario(name: name, line: number, steps: background)
    } else if line.hasPrefix("Examples:") || line.hasPrefix("Scenarios:") {
      inExamples = true
    } else if line.hasPrefix("|") {
      let cells = Feature.splitRow(line)
      if inExamples {
        examples.append(cells)
        examplesLine.append(number)
      } else {
        appendToLastStep { $0.table = ($0.table ?? []) + [cells] }
      }
    } else if line.hasPrefix("\"\"\"") {
      let body = docString(indent: raw.prefix { $0 == " " }.count)
      appendToLastStep { $0.docString = body }
    } else if let keyword = ["Given ", "When ", "Then ", "And ", "But "].first(where: { line.hasPrefix($0) })
    {
      let step = Feature.Step(text: String(line.dropFirst(keyword.count)), line: number)
      if inBackground { background.append(step) } else { current?.steps.append(step) }
    }
  }

  /// The lines up to the closing `"""`, without the opening line's indentation.
  private mutating func docString(indent: Int) -> String {
    var body: [String] = []
    while i < lines.count {
      let l = lines[i]
      i += 1
      if l.trimmingCharacters(in: .whitespaces).hasPrefix("\"\"\"") { break }
      body.append(String(l.dropFirst(min(indent, l.prefix { $0 == " " }.count))))
    }
    return body.joinedText("\n")
  }

  private mutating func appendToLastStep(_ body: (inout Feature.Step) -> Void) {
    if inBackground {
      if !background.isEmpty { body(&background[background.count - 1]) }
    } else if current != nil, !current!.steps.isEmpty {
      body(&current!.steps[current!.steps.count - 1])
    }
  }

  /// Ends the scenario being read: an outline becomes one scenario per Examples row.
  private mutating func flush() {
    guard let scenario = current else { return }
    guard isOutline else {
      feature.scenarios.append(scenario)
      return
    }
    guard let header = examples.first else { return }
    for (row, line) in zip(examples.dropFirst(), examplesLine.dropFirst()) {
      func fill(_ s: String) -> String {
        var out = s
        for (k, v) in zip(header, row) { out = out.replacingOccurrences(of: "<\(k)>", with: v) }
        return out
      }
      var copy = scenario
      copy.line = line
      copy.steps = scenario.steps.map { step in
        var s = step
        s.text = fill(s.text)
        s.docString = s.docString.map(fill)
        s.table = s.table?.map { $0.map(fill) }
        return s
      }
      feature.scenarios.append(copy)
    }
  }
}
