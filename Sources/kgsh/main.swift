// The kgsh executable: flags, the one list of built-in plugins, and the wiring of the
// shell to the terminal. Everything else lives in the modules it imports.
import ArgumentParser
import Foundation
import KnowledgeGraph

MemoryTuning.keepFreedMemory()
// An argument that is not UTF-8 would reach a command with replacement characters in it (a
// name that finds nothing, or a value stored mangled): refused, as scripts and piped input are.
if let bad = (1..<Int(CommandLine.argc)).first(where: { i in
  CommandLine.unsafeArgv[i].map { String(validatingCString: $0) == nil } ?? false
}) {
  KgshCommand.fail(
    "argument \(bad) is not UTF-8 text; pass it in UTF-8 (check the encoding of the terminal or the script)")
  exit(1)
}
// `kgsh mcp ...` is the MCP server, a program of its own (kgsh-mcp) that takes kgsh's place.
if CommandLine.arguments.dropFirst().first == "mcp" {
  MCPLaunch.exec(Array(CommandLine.arguments.dropFirst(2)))
}
// `kgsh --version` alone is answered here, with the line the parser would print
// (CommandLineTests compares the two), without the parser's reflection at start.
if CommandLine.arguments.count == 2 && CommandLine.arguments[1] == "--version" {
  print(KgshCommand.version)
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
// Everything else goes through the parser. A mistake in the command line is one line, in
// the parser's words; help, --version and the command's own failures are the parser's.
let parsed: any ParsableCommand
do {
  parsed = try KgshCommand.parseAsRoot()
} catch {
  guard KgshCommand.exitCode(for: error) == .validationFailure else { KgshCommand.exit(withError: error) }
  let (words, options) = CommandWords.split(CommandLine.arguments.dropFirst())
  KgshCommand.fail(
    (words.count > 1 ? CommandWords.refusal(words, options: options) : nil)
      ?? OptionSynonyms.line(for: KgshCommand.oneLine(KgshCommand.message(for: error))))
  exit(ExitCode.validationFailure.rawValue)
}
do {
  var command = parsed
  try command.run()
} catch {
  KgshCommand.exit(withError: error)
}
