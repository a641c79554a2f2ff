// kgsh-mcp: the MCP server behind `kgsh mcp` (see MCPCommand).
import ArgumentParser
import Foundation
import KnowledgeGraph
import ShellCore

MemoryTuning.keepFreedMemory()
// A mistake in the command line is one line, as kgsh's own are; help and the server's
// failures are the parser's.
do {
  var command = try MCPCommand.parseAsRoot()
  try command.run()
} catch {
  guard MCPCommand.exitCode(for: error) == .validationFailure else { MCPCommand.exit(withError: error) }
  FileHandle.standardError.write(
    Data(
      ("kgsh mcp: " + ParserMessage.oneLine(MCPCommand.message(for: error))
        + "; kgsh mcp --help lists the options\n").utf8))
  exit(ExitCode.validationFailure.rawValue)
}
