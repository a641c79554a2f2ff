import GraphPlugin
import KnowledgeGraph
import KnowledgePlugin
import PricingPlugin
import QueryPlugin
import ScriptingPlugin
import ShellCore

/// The shell with every built-in plugin, on an empty in-memory store.
nonisolated(unsafe) let shell: Shell = {
  let registry = CommandRegistry()
  let plugins = [
    CorePlugin.plugin, KnowledgePlugin.plugin, GraphPlugin.plugin, QueryPlugin.plugin, PricingPlugin.plugin,
    ScriptingPlugin.plugin,
  ]
  for plugin in plugins { try! registry.register(plugin) }
  let session = Session(
    store: try! KnowledgeStore.inMemory(), registry: registry, out: BufferSink(), err: BufferSink())
  return Shell(session: session)
}()

/// The script reading path: lines are gathered until `Shell.isComplete` says the statement
/// is whole (raw-text commands such as `match` ask the Cypher parser), then parsed, the way
/// `kgsh < script` and the REPL read multi-line statements. Nothing is run.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  var buffer = ""
  for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
    buffer += buffer.isEmpty ? String(line) : "\n" + line
    if !shell.isComplete(buffer) { continue }
    do { _ = try shell.parser.parse(buffer) } catch { _ = KgshError.describe(error) }
    buffer = ""
  }
  if !buffer.isEmpty {
    do { _ = try shell.parser.parse(buffer) } catch { _ = KgshError.describe(error) }
  }
  return 0
}
