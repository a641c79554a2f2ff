import Foundation
import KnowledgeGraph
import ShellCore

/// The init file: statements (`def`, `format`, `set`, `let`) run before the session starts.
/// Interactive sessions read `$XDG_CONFIG_HOME/kgsh/init.kgsh` (default
/// `~/.config/kgsh/init.kgsh`); `--init FILE` reads another file in any mode. It runs
/// silently (only errors are shown), and command-line options are applied after it.
enum InitFile {
  static var defaultPath: String { SessionFactory.configDirectory() + "/init.kgsh" }

  /// Runs the file with output discarded; errors go to stderr with the file's line.
  /// - Throws: `KgshError` when a required file (`--init`) is missing or unreadable.
  static func run(_ path: String, in shell: Shell, required: Bool) throws {
    guard FileManager.default.fileExists(atPath: path) else {
      if required {
        throw KgshError(.notFound, "--init: no file '\(path)'", hint: "check the path, or drop --init")
      }
      return
    }
    let text: String
    do {
      text = try TextFile.read(path, what: "init file")
    } catch {
      if required { throw error }
      shell.session.err.write("kgsh: \(KgshError.describe(error))\n")
      return
    }
    let session = shell.session
    let out = session.out
    session.out = BufferSink()
    defer { session.out = out }
    _ = shell.run(text, origin: path, continueOnError: true)
  }
}

/// The command-line options that change session state, checked before anything runs and
/// applied after the init file, so they win over it.
struct Options {
  var format: OutputFormat?
  var timeout: String?
  var params: [(String, String)] = []

  init(format: String?, timeout: String?, params: [String]) throws {
    if let format {
      self.format = try OutputFormat.named(format)
    }
    if let timeout {
      do {
        self.timeout = try Interruption.parseTimeout(timeout).map(Interruption.format) ?? "off"
      } catch {
        throw KgshError(.invalidValue, "--timeout: \(KgshError.describe(error))")
      }
    }
    for param in params {
      guard let eq = param.firstIndex(of: "="), eq != param.startIndex else {
        throw KgshError(
          .usage, "--param takes NAME=VALUE, not '\(param)'", hint: "e.g. --param company=Zhipu")
      }
      let name = String(param[..<eq])
      guard Variables.isName(name) else {
        throw KgshError(
          .usage, "--param: '\(name)' is not a variable name",
          hint: "\(Variables.nameRule), e.g. --param limit=5")
      }
      self.params.append((name, String(param[param.index(after: eq)...])))
    }
  }

  func apply(to session: Session) {
    if let format { session.format = format }
    if let timeout { session.settings["timeout"] = timeout }
    // As `let` reads a bare word: --param limit=5 is the number 5 (SKIP $limit needs one).
    for (name, value) in params { session.variables[name] = Variables.scalar(value) ?? .string(value) }
  }
}
