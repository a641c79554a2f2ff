import ArgumentParser
import BuiltInPlugins
import ExternalPlugins
import Foundation
import KnowledgeGraph
import LineEditor
import ShellCore

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
    if shell.exitStatus != 0 { throw ExitCode(shell.exitStatus) }
    if !ok { throw ExitCode(1) }
  }
}
