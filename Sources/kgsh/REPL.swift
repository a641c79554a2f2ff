import Foundation
import KnowledgeGraph
import LineEditor
import ShellCore
import Team

/// The interactive loop: prompt with the knowledge base's name, continuation prompts while
/// a statement is incomplete, history, completion and Ctrl-C / Ctrl-D.
///
/// The greeting and the first prompt are drawn while the shell is still being made
/// (`ShellOpening`); the first key waits for it.
final class REPL: LineCompleting {
  let opening: ShellOpening
  let registry: CommandRegistry
  let name: String
  /// The shell, once `opening` is done; nil before, and when the opening failed.
  private var shell: Shell?
  /// Announces what a team pushes, while a line is edited.
  private var listener: TeamListener?
  private var watched: ObjectIdentifier?

  init(opening: ShellOpening, registry: CommandRegistry, name: String) {
    self.opening = opening
    self.registry = registry
    self.name = name
  }

  func completions(line: String, cursor: Int) -> LineCompletions {
    guard let r = ready()?.complete(line: line, cursor: cursor) else {
      return LineCompletions(start: cursor, candidates: [], total: 0)
    }
    return LineCompletions(start: r.start, candidates: r.candidates, total: r.total)
  }

  /// The greeting: version and knowledge base, then two commands to try (the first examples
  /// of `show` and `compare`, when those plugins are loaded), then how to get help and leave.
  static func welcome(registry: CommandRegistry, name: String) -> String {
    let tries = ["show", "compare"].compactMap { registry.command($0)?.signature.examples.first?.command }
    var text = "kgsh \(KgshCommand.version) — \(name).\n"
    // One suggestion a line, so none is broken at the edge of an 80-column terminal.
    for (i, command) in tries.enumerated() { text += (i == 0 ? "Try:  " : "      ") + command + "\n" }
    return text + "Type help for the commands by plugin, Tab to complete names, Ctrl-D to leave.\n"
  }

  /// Waits for the shell (at once after the first time); nil when it could not be made.
  private func ready() -> Shell? {
    if let shell { return shell }
    shell = try? opening.wait().shell.get()
    return shell
  }

  func run() {
    let reader = makeLineReader(
      programName: "kgsh", historyPath: SessionFactory.stateDirectory() + "/history", completer: self)
    FileHandle.standardOutput.write(Data(Self.welcome(registry: registry, name: name).utf8))
    if let editor = reader as? EditLineReader {
      // The prompt is drawn; now the shell must be there. Lines reported meanwhile go above it.
      editor.beforeFirstKey { [self] in
        let (made, lines) = opening.wait()
        guard case .success(let made) = made else { return .endInput }
        shell = made
        watchTeam(made.session, reader)
        return lines.isEmpty ? .read : .announce(lines.map(TextWidth.sanitize).joinedText("\n"))
      }
    }
    defer { listener?.stop() }
    var buffer = ""
    while shell?.shouldExit != true {
      if let shell { watchTeam(shell.session, reader) }  // a team connected by a command
      let prompt = buffer.isEmpty ? "kgsh:\(shell?.session.store.name ?? name)> " : "...> "
      switch reader.readLine(prompt: prompt) {
      case .endOfInput:
        if buffer.isEmpty {
          FileHandle.standardOutput.write(Data("\n".utf8))
          return
        }
        buffer = ""
      case .interrupted:
        buffer = ""
      case .line(let line):
        guard let shell = ready() else { return }
        buffer += buffer.isEmpty ? line : "\n" + line
        if buffer.hasSuffix("\\") || !shell.isComplete(buffer) { continue }
        let text = buffer
        buffer = ""
        guard !text.isEmpty, !Trim.spaces(text).isEmpty else { continue }
        run(text, in: shell, reader)
      }
    }
  }

  private func run(_ text: String, in shell: Shell, _ reader: any LineReading) {
    let session = shell.session
    reader.addHistory(text)
    session.history.append(text)
    interruptFlag.store(false, ordering: .relaxed)
    if !shell.run(text) { session.failedHistory.insert(session.history.count - 1) }
    TeamLink.of(session)?.afterWrites(session.store)  // also after a team connect here
  }

  /// Changes others push arrive live: the listener wakes the line editor, which pulls and
  /// announces them above the prompt. Started once, when the session has a team.
  private func watchTeam(_ session: Session, _ reader: any LineReading) {
    guard let team = TeamLink.of(session), watched != ObjectIdentifier(team) else { return }
    watched = ObjectIdentifier(team)  // tried once per team, whether or not it listens
    listener?.stop()
    listener = TeamListener.start(team.address)
    guard let started = listener else { return }
    if let editor = reader as? EditLineReader {
      editor.watch(started.descriptor) { [session] in team.pullNow(session.store) }
    }
  }
}

/// Reads statements from a non-terminal stdin: no prompt, no escape codes; errors are
/// reported as `stdin:LINE:COLUMN: message`.
///
/// A statement still open at the end of the input (an unclosed bracket or quote) is
/// reported, and the lines after the mistake are read again as statements of their own: one
/// typo does not swallow the rest of the script.
struct BatchReader {
  let shell: Shell
  typealias Line = (number: Int, text: String)

  func run(continueOnError: Bool) -> Bool {
    let reader = PlainLineReader()
    reader.beforeWaiting = { StandardOutput.flush() }
    var again: ArraySlice<Line> = []  // lines to read again, in order
    var buffer: [Line] = []
    var read = 0
    var ok = true
    var stops: Bool { !continueOnError && shell.session.settings["on-error"] != "continue" }
    while !shell.shouldExit {
      let line: Line
      if !again.isEmpty {
        line = again.popFirst()!
      } else if case .line(let text) = reader.readLine(prompt: "") {
        read += 1
        line = (read, text)
        guard reader.lastLineIsUTF8 else {
          shell.report(
            KgshError(
              .invalidValue, "the text is not UTF-8",
              hint: "save the script as UTF-8 (it may be GBK or Latin-1); the statement was not run"),
            origin: "stdin", line: line.number, column: nil)
          ok = false
          buffer = []
          if stops { return false }
          continue
        }
      } else {
        guard !buffer.isEmpty else { break }
        let (ran, resumeAfter) = finish(buffer, continueOnError: continueOnError)
        ok = ran && ok
        guard let after = resumeAfter, !stops else { break }
        again = ArraySlice(buffer.filter { $0.number > after })
        buffer = []
        continue
      }
      buffer.append(line)
      // Parsed once: the statements of a complete entry run as they are.
      guard
        let ran = shell.runIfComplete(
          text(of: buffer), origin: "stdin", firstLine: buffer[0].number, continueOnError: continueOnError)
      else { continue }
      if !ran {
        ok = false
        if stops { return false }
      }
      buffer = []
    }
    return ok
  }

  /// At the end of the input, the statement left in `buffer`: when a bracket or quote is
  /// still open it is reported, and the lines after the place it went wrong are read again:
  /// after the statement's first line when that line alone leaves it open, else after the
  /// line where the open bracket or quote is. Otherwise it runs as it is (a raw-text command
  /// left open reports its own error).
  private func finish(_ buffer: [Line], continueOnError: Bool) -> (ok: Bool, resumeAfter: Int?) {
    let first = buffer[0].number
    for lines in [Array(buffer.prefix(1)), buffer] {
      do {
        _ = try shell.parser.parse(text(of: lines), file: "stdin", firstLine: first)
      } catch let error as SyntaxError where error.isIncomplete {
        shell.report(error, origin: "stdin", line: error.location.line, column: error.location.column)
        return (false, lines.count == 1 ? first : max(first, error.location.line))
      } catch {}
    }
    return (
      shell.run(text(of: buffer), origin: "stdin", firstLine: first, continueOnError: continueOnError), nil
    )
  }

  private func text(of lines: [Line]) -> String { lines.map(\.text).joined(separator: "\n") }
}
