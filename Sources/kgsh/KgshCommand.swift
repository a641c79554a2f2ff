import ArgumentParser
import ExternalPlugins
import Foundation
import KnowledgeGraph
import LineEditor
import ShellCore

/// `kgsh [FILE.kgsh] [-c COMMANDS] [--db PATH] ...`
struct KgshCommand: ParsableCommand {
  static let version = "0.1.0"
  static let configuration = CommandConfiguration(
    commandName: "kgsh",
    abstract: "A knowledge-graph shell over AI companies, investors, models and prices.",
    discussion: """
      With no FILE and no -c, kgsh starts an interactive shell when stdin is a terminal, and
      otherwise reads commands from stdin. Type help inside the shell for the commands.
      """,
    version: version)

  @ArgumentParser.Argument(help: "A script (*.kgsh) to run.") var file: String?
  @Option(name: .customShort("c"), help: "Run these commands (separated by ';') and exit.") var commands: String?
  @Option(help: "Open this knowledge base file instead of the default one (created when missing).") var db: String?
  @ArgumentParser.Flag(help: "Open the knowledge base read-only; writes are refused.") var readOnly = false
  @ArgumentParser.Flag(help: "Run on after a failed command; exit 1 at the end if any failed.") var continueOnError = false
  @Option(help: "Output format: table, json, csv, tsv or markdown.") var format: String?
  @Option(name: .customLong("param"), help: "Set a variable: NAME=VALUE (repeatable).") var params: [String] = []
  @ArgumentParser.Flag(help: "Do not read the init file.") var noInit = false
  @ArgumentParser.Flag(help: "Do not load third-party plugins (plugin add still works).") var noPlugins = false

  func run() throws {
    let interactive = file == nil && commands == nil && Terminal.isInteractive()
    let session: Session
    do {
      session = try SessionFactory.make(
        db: db, readOnly: readOnly, interactive: interactive, plugins: !noPlugins)
    } catch {
      FileHandle.standardError.write(Data(("kgsh: " + ShellError.describe(error) + "\n").utf8))
      throw ExitCode(1)
    }
    if let format {
      guard let f = OutputFormat(rawValue: format.lowercased()) else {
        FileHandle.standardError.write(Data("kgsh: unknown format '\(format)'; use table, json, csv, tsv or markdown\n".utf8))
        throw ExitCode(1)
      }
      session.format = f
    }
    for param in params {
      guard let eq = param.firstIndex(of: "="), eq != param.startIndex else {
        FileHandle.standardError.write(Data("kgsh: --param takes NAME=VALUE, not '\(param)'\n".utf8))
        throw ExitCode(1)
      }
      session.variables[String(param[..<eq])] = .string(String(param[param.index(after: eq)...]))
    }
    let shell = Shell(session: session)
    defer { PluginHost.of(session)?.stopAll() }
    SignalHandling.installCommandInterrupt()
    if !noInit {
      let initFile = SessionFactory.configDirectory() + "/init.kgsh"
      if let data = FileManager.default.contents(atPath: initFile) {
        _ = shell.run(String(decoding: data, as: UTF8.self), origin: initFile, continueOnError: true)
      }
    }
    let ok: Bool
    if let commands {
      ok = shell.run(commands, origin: "-c", continueOnError: continueOnError)
    } else if let file {
      guard let data = FileManager.default.contents(atPath: file) else {
        FileHandle.standardError.write(Data("kgsh: cannot read \(file); check the path\n".utf8))
        throw ExitCode(1)
      }
      ok = shell.run(String(decoding: data, as: UTF8.self), origin: file, continueOnError: continueOnError)
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
