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
    let session: Session
    do {
      session = try SessionFactory.make(
        db: db, readOnly: readOnly, interactive: interactive, plugins: !noPlugins)
    } catch {
      KgshCommand.fail(KgshError.describe(error))
      throw ExitCode(1)
    }
    let options: Options
    do {
      options = try Options(format: format, timeout: timeout, params: params)
    } catch {
      KgshCommand.fail(KgshError.describe(error))
      throw ExitCode(1)
    }
    // Closing checkpoints the WAL into the file, so copying the file alone is a backup.
    defer { session.store.close() }
    let shell = Shell(session: session)
    defer { PluginHost.of(session)?.stopAll() }
    SignalHandling.installCommandInterrupt()
    if let path = initFile ?? (interactive && !noInit ? InitFile.defaultPath : nil) {
      do {
        try InitFile.run(path, in: shell, required: initFile != nil)
      } catch {
        KgshCommand.fail(KgshError.describe(error))
        throw ExitCode(1)
      }
    }
    // A team: pull at start, push after the run's writes, one line each (docs/TEAM.md).
    try joinTeam(session)
    defer { TeamLink.of(session)?.close() }
    // Command-line options are applied after the init file, so they win over it.
    options.apply(to: session)
    // One JSON document per run: outputs of a script, -c or piped input are collected and
    // written at the end (an array when there are several).
    if !interactive { session.jsonBatch = [] }
    defer { shell.finishJSON() }
    if noPager { session.settings["pager"] = "off" }
    let ok: Bool
    if let commands {
      ok = shell.run(commands, origin: "-c", continueOnError: continueOnError)
    } else if let file {
      let text: String
      do {
        text = try TextFile.read(file, what: "script")
      } catch {
        KgshCommand.fail(KgshError.describe(error))
        throw ExitCode(1)
      }
      ok = shell.run(text, origin: file, continueOnError: continueOnError)
    } else if interactive {
      REPL(shell: shell).run()
      ok = true
    } else {
      ok = BatchReader(shell: shell).run(continueOnError: continueOnError)
    }
    TeamLink.of(session)?.afterWrites(session.store)
    if shell.exitStatus != 0 { throw ExitCode(shell.exitStatus) }
    if !ok { throw ExitCode(1) }
  }

  /// The team this run joins (`--team`, `KGSH_TEAM` or the one the knowledge base
  /// remembers), after its start-up pull; nil without a team, and then nothing of the
  /// PostgreSQL driver is touched.
  func joinTeam(_ session: Session) throws {
    guard let url = TeamLink.url(option: team, store: session.store) else { return }
    do {
      let link = try TeamLink.attach(session, url: url) { line in
        FileHandle.standardError.write(Data((TextWidth.sanitize(line) + "\n").utf8))
      }
      link.startUp(session.store)
    } catch {
      KgshCommand.fail(KgshError.describe(error))
      throw ExitCode(1)
    }
  }
}
