import Foundation
import KnowledgeGraph
import LineEditor
import ShellCore
import Team

/// The interactive loop: prompt with the knowledge base's name, continuation prompts while
/// a statement is incomplete, history, completion and Ctrl-C / Ctrl-D.
final class REPL: LineCompleting {
  let shell: Shell

  init(shell: Shell) { self.shell = shell }

  func completions(line: String, cursor: Int) -> LineCompletions {
    let r = shell.complete(line: line, cursor: cursor)
    return LineCompletions(start: r.start, candidates: r.candidates, total: r.total)
  }

  /// The greeting: version and knowledge base, then two commands to try (the first examples
  /// of `show` and `compare`, when those plugins are loaded), then how to get help and leave.
  static func welcome(_ session: Session) -> String {
    let tries = ["show", "compare"].compactMap {
      session.registry.command($0)?.signature.examples.first?.command
    }
    var text = "kgsh \(KgshCommand.version) — \(session.store.name).\n"
    // One suggestion a line, so none is broken at the edge of an 80-column terminal.
    for (i, command) in tries.enumerated() { text += (i == 0 ? "Try:  " : "      ") + command + "\n" }
    return text + "Type help for the commands by plugin, Tab to complete names, Ctrl-D to leave.\n"
  }

  func run() {
    let session = shell.session
    let reader = makeLineReader(
      programName: "kgsh", historyPath: SessionFactory.stateDirectory() + "/history", completer: self)
    session.out.write(Self.welcome(session))
    let team = TeamLink.of(session)
    // Changes others push arrive live: the listener wakes the line editor, which pulls and
    // announces them above the prompt.
    let listener = team.flatMap { TeamListener.start($0.address) }
    defer { listener?.stop() }
    if let team, let listener, let editor = reader as? EditLineReader {
      editor.watch(listener.descriptor) { [session] in team.pullNow(session.store) }
    }
    var buffer = ""
    while !shell.shouldExit {
      let prompt = buffer.isEmpty ? "kgsh:\(session.store.name)> " : "...> "
      switch reader.readLine(prompt: prompt) {
      case .endOfInput:
        if buffer.isEmpty {
          session.out.write("\n")
          return
        }
        buffer = ""
      case .interrupted:
        buffer = ""
      case .line(let line):
        buffer += buffer.isEmpty ? line : "\n" + line
        if buffer.hasSuffix("\\") || !shell.isComplete(buffer) { continue }
        let text = buffer
        buffer = ""
        guard !text.isEmpty, !Trim.spaces(text).isEmpty else { continue }
        reader.addHistory(text)
        session.history.append(text)
        interruptFlag.store(false, ordering: .relaxed)
        if !shell.run(text) { session.failedHistory.insert(session.history.count - 1) }
        TeamLink.of(session)?.afterWrites(session.store)  // also after a team connect here
      }
    }
  }
}

/// Reads statements from a non-terminal stdin: no prompt, no escape codes; errors are
/// reported as `stdin:LINE:COLUMN: message`.
struct BatchReader {
  let shell: Shell

  func run(continueOnError: Bool) -> Bool {
    let reader = PlainLineReader()
    var buffer = ""
    var startLine = 1
    var lineNumber = 0
    var ok = true
    while !shell.shouldExit {
      let result = reader.readLine(prompt: "")
      guard case .line(let line) = result else { break }
      lineNumber += 1
      if buffer.isEmpty { startLine = lineNumber }
      buffer += buffer.isEmpty ? line : "\n" + line
      // Parsed once: the statements of a complete entry run as they are.
      guard
        let ran = shell.runIfComplete(
          buffer, origin: "stdin", firstLine: startLine, continueOnError: continueOnError)
      else { continue }
      if !ran {
        ok = false
        if !continueOnError && shell.session.settings["on-error"] != "continue" { return false }
      }
      buffer = ""
    }
    if !buffer.isEmpty && !Trim.spacesAndNewlines(buffer).isEmpty {
      ok = shell.run(buffer, origin: "stdin", firstLine: startLine, continueOnError: continueOnError) && ok
    }
    return ok
  }
}
