import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines with libedit: emacs key bindings, history (Up/Down, Ctrl-R) kept in a file,
/// Tab completion, Ctrl-C to drop the line being edited, Ctrl-D on an empty line to end.
///
/// Use it only when standard input and output are terminals (``makeLineReader(programName:historyPath:completer:)``
/// decides). Creating one sets the process locale (see ``Terminal/prepareUTF8Locale()``).
///
/// Signals: while a line is edited the terminal does not turn Ctrl-C into SIGINT; the key
/// is bound to dropping the line. A SIGINT from elsewhere (`kill -INT`) is handled here by
/// a handler that only interrupts the read (installed without SA_RESTART); the previous
/// SIGINT action is put back before ``readLine(prompt:)`` returns. The shell installs its own handler while a
/// command runs; this reader never exits the process.
public final class EditLineReader: LineReading {
  /// The libedit handle.
  let editLine: OpaquePointer
  private let history: HistoryStore
  /// Answers Tab. Held strongly so that a completer made on the spot keeps working.
  public var completer: (any LineCompleting)?
  /// The prompt as a C string, owned here; libedit asks for it through the EL_PROMPT callback.
  private var promptText: UnsafeMutablePointer<CChar>
  /// Set by the Ctrl-C key binding: the line libedit returns is dropped.
  private var interrupted = false
  /// See ``watch(_:_:)``: a descriptor that wakes the reader, and what to announce then.
  var wakeDescriptor: Int32 = -1
  var wake: (() -> String?)?
  /// See ``beforeFirstKey(_:)``: run once before the first key is read.
  var firstKey: (() -> FirstKeyAction)?
  /// Lines the wake key prints above the prompt (from the first-key body).
  var announcement: String?
  /// Whether ``readCharacter(into:)`` is libedit's read function (after `watch` or `beforeFirstKey`).
  var readsKeysItself = false

  /// Characters between two of these in a prompt take no room on the line: wrap colour
  /// escapes in them, e.g. "\u{1}\u{1B}[1m\u{1}kgsh\u{1}\u{1B}[0m\u{1}> ".
  public static let promptInvisibleMarker: Character = "\u{1}"

  /// - Parameters:
  ///   - programName: the name for `~/.editrc` lines (`kgsh:bind ...`).
  ///   - historyPath: the history file (its directory is created); nil keeps none.
  ///   - completer: answers Tab; nil turns completion off.
  public init(programName: String, historyPath: String?, completer: (any LineCompleting)?) {
    Terminal.prepareUTF8Locale()
    guard let editLine = el_init(programName, kgsh_stdin(), kgsh_stdout(), kgsh_stderr()) else {
      fatalError("libedit: el_init failed (out of memory)")
    }
    self.editLine = editLine
    self.history = HistoryStore(path: historyPath)
    if history.isUnreadable, let historyPath {
      fputs(
        "\(programName): not saving history: \(historyPath) is not a libedit history file\n", kgsh_stderr())
    }
    self.completer = completer
    self.promptText = strdup("")!

    _ = kgsh_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
    _ = kgsh_el_set_editor(editLine, "emacs")
    _ = kgsh_el_set_signal(editLine, 1)
    _ = kgsh_el_set_history(editLine, history.handle)
    _ = kgsh_el_set_prompt(
      editLine,
      { editLine in
        guard let editLine, let reader = EditLineReader.from(editLine) else {
          // libedit cannot take NULL here: hand it a static empty string.
          return UnsafeMutableRawPointer(mutating: ("" as StaticString).utf8Start)
            .assumingMemoryBound(to: CChar.self)
        }
        return reader.promptText
      }, CChar(Self.promptInvisibleMarker.asciiValue!))
    _ = kgsh_el_add_function(
      editLine, "kgsh-complete", "Complete the word before the cursor",
      { editLine, _ in
        guard let editLine, let reader = EditLineReader.from(editLine) else {
          return UInt8(CC_ERROR)
        }
        return reader.complete()
      })
    _ = kgsh_el_bind(editLine, "^I", "kgsh-complete")
    // Ctrl-C drops the line as a key press (not a SIGINT racing with the read).
    _ = kgsh_el_keys_not_signals(editLine)
    _ = kgsh_el_add_function(
      editLine, "kgsh-interrupt", "Drop the line being edited",
      { editLine, _ in
        guard let editLine, let reader = EditLineReader.from(editLine) else { return UInt8(CC_ERROR) }
        reader.interrupted = true
        return UInt8(CC_NEWLINE)
      })
    _ = kgsh_el_bind(editLine, "^C", "kgsh-interrupt")
    // With the terminal's signal keys off while editing, Ctrl-Z suspends explicitly; libedit's
    // own SIGTSTP/SIGCONT handling (EL_SIGNAL) restores the terminal and redraws the line.
    _ = kgsh_el_add_function(
      editLine, "kgsh-suspend", "Suspend kgsh (job control)",
      { _, _ in
        raise(SIGTSTP)
        return UInt8(CC_REDISPLAY)  // back from fg: prompt and line again
      })
    _ = kgsh_el_bind(editLine, "^Z", "kgsh-suspend")
    _ = kgsh_el_bind(editLine, "^R", "em-inc-search-prev")
    // The user's ~/.editrc comes last so that it can change any of the above.
    _ = el_source(editLine, nil)
  }

  deinit {
    el_end(editLine)
    free(promptText)
  }

  /// The reader registered as client data of `editLine`.
  static func from(_ editLine: OpaquePointer) -> EditLineReader? {
    guard let data = kgsh_el_get_client_data(editLine) else { return nil }
    return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
  }

  public func readLine(prompt: String) -> ReadResult {
    free(promptText)
    promptText = strdup(prompt)!

    var previous = sigaction()
    var action = sigaction()
    // Only interrupts the read (EINTR), and says so to a watching reader's poll.
    action.__sigaction_handler.sa_handler = { _ in readInterrupted.store(true, ordering: .relaxed) }
    readInterrupted.store(false, ordering: .relaxed)
    action.sa_flags = 0  // no SA_RESTART: el_gets must return
    sigemptyset(&action.sa_mask)
    sigaction(SIGINT, &action, &previous)
    defer { sigaction(SIGINT, &previous, nil) }

    var count: Int32 = 0
    errno = 0
    interrupted = false
    let text = el_gets(editLine, &count)
    let error = errno
    if interrupted {
      interrupted = false
      write(toTerminal: "\n")  // leave the dropped line on screen, as shells do
      return .interrupted
    }
    guard let text, count > 0 else {
      if error == EINTR {
        // The line is dropped; el_gets starts the next one empty. Move below it.
        write(toTerminal: "\n")
        return .interrupted
      }
      return .endOfInput
    }
    var line = String(decoding: UnsafeRawBufferPointer(start: text, count: Int(count)), as: UTF8.self)
    if line.hasSuffix("\n") { line.removeLast() }
    if line.hasSuffix("\r") { line.removeLast() }
    return .line(line)
  }

  public func addHistory(_ entry: String) {
    history.add(entry)
  }

  /// Writes `text` to the terminal, after anything libedit has buffered.
  func write(toTerminal text: String) {
    fputs(text, kgsh_stdout())
    fflush(kgsh_stdout())
  }
}
