import ArgumentParser
import BuiltInPlugins
import ExternalPlugins
import Foundation
import KnowledgeGraph
import LineEditor
import ShellCore
import Team

/// One run of kgsh with its options decided: open the knowledge base, run the init file,
/// then `-c`, a script, the REPL or stdin. `KgshCommand` (swift-argument-parser) and
/// `QuickArguments` (the common command lines, without the parser's start-up cost) both
/// end here.
struct Launch {
  var file: String?
  var commands: String?
  var db: String?
  var readOnly = false
  var continueOnError = false
  var format: String?
  var params: [String] = []
  var noInit = false
  var noPager = false
  var initFile: String?
  var timeout: String?
  var noPlugins = false
  var team: String?

  func run() throws {
    let interactive = file == nil && commands == nil && Terminal.isInteractive()
    let options = try reported { try Options(format: format, timeout: timeout, params: params) }
    SignalHandling.installCommandInterrupt()
    if interactive {
      try runREPL(options)
      return
    }
    // Nobody reads this run's output as it is typed: it goes out in large writes.
    if isatty(1) == 0 { StandardOutput.collect() }
    // `kgsh -c stats extra`: the word after the commands would be dropped without a word.
    if commands != nil, let file {
      KgshCommand.fail(
        "-c gives the commands to run, so '\(file)' is left over; put it inside -c's quotes, "
          + "or run a script on its own: kgsh \(Shell.quoteIfNeeded(file))")
      throw ExitCode(1)
    }
    // `kgsh stats`: a command where a script's path belongs, refused before the file opens.
    if let file, commands == nil,
      let refusal = CommandWords.refusal(
        [file], options: CommandWords.split(CommandLine.arguments.dropFirst()).options)
    {
      KgshCommand.fail(refusal)
      throw ExitCode(1)
    }
    let shell = try reported { try start(options, interactive: false, report: Self.printLine) }
    defer { finish(shell) }
    let ok: Bool
    if let commands {
      ok = shell.run(commands, origin: "-c", continueOnError: continueOnError)
    } else if let file {
      let text = try reported { try TextFile.read(file, what: "script") }
      ok = shell.run(text, origin: file, continueOnError: continueOnError)
    } else {
      ok = BatchReader(shell: shell).run(continueOnError: continueOnError)
    }
    try end(shell, ok: ok)
  }

  /// The REPL. Without an init file to run first, the knowledge base opens on a second
  /// thread while the line editor starts and the prompt is drawn (see `ShellOpening`).
  private func runREPL(_ options: Options) throws {
    let registry = try reported { try SessionFactory.registry() }
    let opening: ShellOpening
    if initFile != nil || (!noInit && FileManager.default.fileExists(atPath: InitFile.defaultPath)) {
      opening = ShellOpening(
        ready: try reported { try start(options, interactive: true, registry: registry) })
    } else {
      // What can be refused cheaply is refused before the greeting.
      if let db, db != ":memory:" {
        _ = try reported { try KnowledgeStore.checkFile(db, readOnly: readOnly) }
      }
      Terminal.prepareUTF8Locale()  // before the second thread: setlocale is not thread-safe
      opening = ShellOpening { opening in
        try start(options, interactive: true, registry: registry, report: opening.report)
      }
    }
    REPL(opening: opening, registry: registry, name: KnowledgeBaseFiles.storeName(db: db)).run()
    let shell: Shell
    switch opening.wait().shell {
    case .success(let made): shell = made
    case .failure(let error):
      if let code = error as? ExitCode { throw code }
      KgshCommand.fail(KgshError.describe(error))
      throw ExitCode(1)
    }
    defer { finish(shell) }
    try end(shell, ok: true)
  }

  /// The session and its shell, ready for the first statement: knowledge base open,
  /// init file run, team joined, command-line options applied (they win over the init file).
  private func start(
    _ options: Options, interactive: Bool, registry: CommandRegistry? = nil,
    report: @escaping (String) -> Void
  ) throws -> Shell {
    let session = try SessionFactory.make(
      db: db, readOnly: readOnly, interactive: interactive, plugins: !noPlugins, registry: registry)
    let shell = Shell(session: session)
    if let path = initFile ?? (interactive && !noInit ? InitFile.defaultPath : nil) {
      try InitFile.run(path, in: shell, required: initFile != nil)
    }
    // A team: pull at start, push after the run's writes, one line each (docs/TEAM.md).
    try joinTeam(session, report: report)
    options.apply(to: session)
    // One JSON document per run: outputs of a script, -c or piped input are collected and
    // written at the end (an array when there are several).
    if !interactive { session.jsonBatch = [] }
    if noPager { session.settings["pager"] = "off" }
    return shell
  }

  private func start(_ options: Options, interactive: Bool, registry: CommandRegistry) throws -> Shell {
    try start(options, interactive: interactive, registry: registry, report: Self.printLine)
  }

  /// After the last statement: the team push, then the exit status.
  private func end(_ shell: Shell, ok: Bool) throws {
    TeamLink.of(shell.session)?.afterWrites(shell.session.store)
    if shell.exitStatus != 0 { throw ExitCode(shell.exitStatus) }
    if !ok { throw ExitCode(1) }
  }

  /// The JSON document, the team connection, the plugins, then the knowledge base (closing
  /// checkpoints the WAL into the file, so copying the file alone is a backup).
  private func finish(_ shell: Shell) {
    shell.finishJSON()
    TeamLink.of(shell.session)?.close()
    PluginHost.of(shell.session)?.stopAll()
    shell.session.store.close()
    // `kgsh script.kgsh > out.txt` on a full disk: the run fails, in words.
    if let failure = StandardOutput.finishRun() {
      KgshCommand.fail(failure + "; the output was lost, and the run counts as failed")
      exit(1)
    }
  }

  /// Runs `body`; a failure is printed as one line and ends the run with status 1.
  private func reported<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let code as ExitCode {
      throw code
    } catch {
      KgshCommand.fail(KgshError.describe(error))
      throw ExitCode(1)
    }
  }

  /// A line for the user on stderr, control characters made visible.
  static func printLine(_ line: String) {
    StandardOutput.error(TextWidth.sanitize(line) + "\n")
  }

  /// The team this run joins (`--team`, `KGSH_TEAM` or the one the knowledge base
  /// remembers), after its start-up pull; nil without a team, and then nothing of the
  /// PostgreSQL driver is touched.
  func joinTeam(_ session: Session, report: @escaping (String) -> Void) throws {
    guard let url = TeamLink.url(option: team, store: session.store) else { return }
    let link = try TeamLink.attach(session, url: url, report: report)
    link.startUp(session.store)
  }
}
