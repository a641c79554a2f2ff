import KnowledgeGraph
import ShellCore

/// The command-line parser and scanner: statements, pipelines, words, quotes, variables.
/// Any input must parse or throw a `KgshError`; never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let parser = CommandLineParser()
  _ = parser.isComplete(text)
  if let statements = try? parser.parse(text) {
    for statement in statements {
      for stage in statement.stages { _ = stage.words.map(\.literal) }
    }
  } else {
    do { _ = try parser.parse(text) } catch { _ = KgshError.describe(error) }
  }
  return 0
}
