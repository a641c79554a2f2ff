// The kgsh executable: flags, the one list of built-in plugins, and the wiring of the
// shell to the terminal. Everything else lives in the modules it imports.
import ArgumentParser
import Foundation
import KnowledgeGraph

// `kgsh mcp ...` is the MCP server, with options of its own.
if CommandLine.arguments.dropFirst().first == "mcp" {
  MCPCommand.main(Array(CommandLine.arguments.dropFirst(2)))
  exit(0)
}
// The common command lines skip swift-argument-parser's start-up cost; help, --version,
// --recover and every mistake still go through it (see QuickArguments).
if let launch = QuickArguments.parse(CommandLine.arguments.dropFirst()) {
  do {
    try launch.run()
    exit(0)
  } catch let code as ExitCode {
    exit(code.rawValue)
  } catch {
    KgshCommand.fail(KgshError.describe(error))
    exit(1)
  }
}
KgshCommand.main()
