/// A ``LineReading`` that answers from a script instead of a terminal: the test double for
/// code that runs a read-eval-print loop.
///
/// ```swift
/// let reader = ScriptedLineReader([.line("stats"), .interrupted, .line("quit")])
/// runLoop(reader)
/// XCTAssertEqual(reader.prompts, ["kgsh> ", "kgsh> ", "kgsh> "])
/// XCTAssertEqual(reader.history, ["stats", "quit"])
/// ```
public final class ScriptedLineReader: LineReading {
  private var script: [ReadResult]
  /// Every prompt asked for, in order.
  public private(set) var prompts: [String] = []
  /// Every entry added to the history, in order.
  public private(set) var history: [String] = []

  /// - Parameter script: the answers, in order; ``ReadResult/endOfInput`` once they run out.
  public init(_ script: [ReadResult]) {
    self.script = script.reversed()
  }

  /// Answers with lines, in order.
  public convenience init(lines: [String]) {
    self.init(lines.map(ReadResult.line))
  }

  public func readLine(prompt: String) -> ReadResult {
    prompts.append(prompt)
    return script.popLast() ?? .endOfInput
  }

  public func addHistory(_ entry: String) {
    history.append(entry)
  }
}
