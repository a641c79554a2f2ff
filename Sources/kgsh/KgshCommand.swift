import ArgumentParser
import BuiltInPlugins
import ExternalPlugins
import Foundation
import KnowledgeGraph
import LineEditor
import ShellCore

/// `kgsh [FILE.kgsh] [-c COMMANDS] [--db PATH] ...`
struct KgshCommand: ParsableCommand {
  static let version = KnowledgeBaseFiles.version
  static let configuration = CommandConfiguration(
    commandName: "kgsh",
    abstract: "A knowledge-graph shell over AI companies, investors, models and prices.",
    // One line a paragraph: the help wraps them to the terminal's width.
    discussion: """
      With no FILE and no -c, kgsh starts an interactive shell when stdin is a terminal, and \
      otherwise reads commands from stdin. Type help inside the shell for the commands.

      Output taller than the terminal is paged through $KGSH_PAGER, else $PAGER, else \
      less -FRX (interactive shells only; --no-pager or set pager off to print it).

      Init file: an interactive shell first runs $XDG_CONFIG_HOME/kgsh/init.kgsh (default \
      ~/.config/kgsh/init.kgsh), silently, e.g. for def and format; command-line options \
      win over what it sets. --init FILE runs another file, also with -c, a script or stdin.
      """,
    version: version)

  @ArgumentParser.Argument(help: "A script (*.kgsh) to run.") var file: String?
  @Option(
    name: .customShort("c"),
    help: ArgumentHelp(
      "Run these commands (separated by ';') and exit; several -c run in turn.", valueName: "commands"))
  var commands: [String] = []
  @Option(
    help:
      ArgumentHelp(
        "Open this knowledge base file instead of the default one (created when missing); :memory: for a scratch one.",
        valueName: "file")
  ) var db: String?
  @ArgumentParser.Flag(help: "Open the knowledge base read-only; writes are refused.") var readOnly = false
  @ArgumentParser.Flag(help: "Run on after a failed command; exit 1 at the end if any failed.")
  var continueOnError = false
  @Option(help: "Output format: table, json (one document per run), jsonl, csv, tsv or markdown.") var format:
    String?
  @Option(
    name: .customLong("param"),
    help: ArgumentHelp(
      "Set a variable: NAME=VALUE (repeatable); a number or true/false is one, as with let.",
      valueName: "name=value")) var params: [String] =
      []
  @ArgumentParser.Flag(help: "Do not read the init file.") var noInit = false
  @ArgumentParser.Flag(help: "Print long output instead of paging it (same as set pager off).")
  var noPager = false
  @Option(
    name: .customLong("init"),
    help:
      ArgumentHelp(
        "Run this init file first, also with -c or a script (default: ~/.config/kgsh/init.kgsh, interactive only).",
        valueName: "file")
  ) var initFile: String?
  @Option(
    help: ArgumentHelp(
      "Stop any statement that runs longer than this (5s, 500ms, 2m; default off).", valueName: "duration")
  ) var timeout: String?
  @ArgumentParser.Flag(help: "Do not load third-party plugins (plugin add still works).") var noPlugins =
    false
  @Option(
    help:
      ArgumentHelp(
        "Join this team knowledge base for this run: postgresql://USER@HOST/DATABASE (also KGSH_TEAM; see team connect).",
        valueName: "url")
  ) var team: String?
  @ArgumentParser.Flag(
    help:
      "Copy what can be read from a damaged --db file into a new file next to it (the original is not changed)."
  ) var recover = false

  func run() throws {
    if recover { return try runRecover() }
    try Launch(
      file: file, commands: commands.isEmpty ? nil : commands.joined(separator: "\n"), db: db,
      readOnly: readOnly, continueOnError: continueOnError,
      format: format, params: params, noInit: noInit, noPager: noPager, initFile: initFile,
      timeout: timeout, noPlugins: noPlugins, team: team
    ).run()
  }

  /// Writes `kgsh: MESSAGE` on stderr as one line, with control characters made visible.
  static func fail(_ message: String) {
    StandardOutput.error("kgsh: " + TextWidth.sanitize(message) + "\n")
  }

  /// The parser's message as one line that starts in lower case ("unknown option '--bogus'").
  static func oneLine(_ message: String) -> String { ParserMessage.oneLine(message) }

  /// `kgsh --db FILE --recover`.
  func runRecover() throws {
    guard let db else {
      Self.fail("--recover needs --db FILE: the damaged knowledge base")
      throw ExitCode(1)
    }
    do {
      let extensions = BuiltIns.storageExtensions
      let (target, rows) = try KnowledgeStore.recover(db, extensions: extensions)
      let store = try KnowledgeStore.open(path: target, readOnly: true, extensions: extensions)
      print(
        "recovered \(rows) rows (\(try store.nodeCount()) entities) from \(db) into \(target); \(db) is unchanged"
      )
      print("check it with: kgsh --db \(target) stats")
    } catch {
      Self.fail(KgshError.describe(error))
      throw ExitCode(1)
    }
  }
}
