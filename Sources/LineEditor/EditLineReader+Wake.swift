import CEditLine
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Set by the SIGINT handler of ``EditLineReader/readLine(prompt:)``: the read must end.
let readInterrupted = Atomic<Bool>(false)

/// The key the reader feeds itself when the wake descriptor is readable.
private let wakeKey: wchar_t = 0x1E  // Ctrl-^

/// What ``EditLineReader/beforeFirstKey(_:)``'s body asks for, once the first prompt is drawn.
public enum FirstKeyAction: Sendable {
  /// Read keys as usual.
  case read
  /// Print these lines above the prompt, draw the prompt again, then read keys.
  case announce(String)
  /// End the input: `readLine` returns `.endOfInput`.
  case endInput
}

extension EditLineReader {
  /// While a line is edited, calls `wake` whenever `fd` becomes readable (after draining
  /// it); a line it returns is printed above the prompt, and the prompt and the line being
  /// typed are drawn again. kgsh's REPL uses it for changes a team pushed meanwhile.
  ///
  /// ```swift
  /// reader.watch(pipeReadEnd) { "team: 2 changes from alice pulled" }
  /// ```
  public func watch(_ fd: Int32, _ wake: @escaping () -> String?) {
    wakeDescriptor = fd
    self.wake = wake
    installReadFunction()
  }

  /// Runs `body` once, after the first prompt is drawn and before the first key is read.
  /// kgsh's REPL opens the knowledge base on a second thread meanwhile and waits for it
  /// here, so the prompt shows without waiting for the open.
  ///
  /// ```swift
  /// reader.beforeFirstKey { opened.wait() ? .read : .endInput }
  /// ```
  public func beforeFirstKey(_ body: @escaping () -> FirstKeyAction) {
    firstKey = body
    installReadFunction()
  }

  /// Reads keys with ``readCharacter(into:)`` and binds the wake key to announcing what
  /// `wake` (or the first-key body) returns. Done once per reader.
  private func installReadFunction() {
    guard !readsKeysItself else { return }
    readsKeysItself = true
    _ = kgsh_el_add_function(
      editLine, "kgsh-wake", "Announce what arrived while the line was edited",
      { editLine, _ in
        guard let editLine, let reader = EditLineReader.from(editLine) else { return UInt8(CC_NORM) }
        let text = reader.announcement.take() ?? reader.wake?()
        guard let text, !text.isEmpty else { return UInt8(CC_NORM) }
        reader.write(toTerminal: "\r\u{1B}[K" + text + "\n")
        return UInt8(CC_REDISPLAY)
      })
    _ = kgsh_el_bind(editLine, "^^", "kgsh-wake")
    _ = kgsh_el_set_read_function(
      editLine,
      { editLine, character in
        guard let editLine, let character, let reader = EditLineReader.from(editLine) else { return -1 }
        return reader.readCharacter(into: character)
      })
  }

  /// Waits for a key on standard input or a byte on the wake descriptor; decodes UTF-8 with
  /// the locale's converter, as libedit's own reader does.
  func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
    if let body = firstKey.take() {
      switch body() {
      case .read: break
      case .endInput: return 0
      case .announce(let text):
        announcement = text
        character.pointee = wakeKey
        return 1
      }
    }
    var state = mbstate_t()
    var pending = false
    while true {
      var fds = [
        pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
        pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0),
      ]
      if poll(&fds, 2, -1) < 0 {
        if errno == EINTR && !readInterrupted.load(ordering: .relaxed) { continue }
        return -1
      }
      if !pending, fds[1].revents & Int16(POLLIN) != 0 {
        var drain = [UInt8](repeating: 0, count: 64)
        _ = read(wakeDescriptor, &drain, drain.count)
        character.pointee = wakeKey
        return 1
      }
      guard fds[0].revents != 0 else { continue }
      var byte: CChar = 0
      let n = read(0, &byte, 1)
      if n == 0 { return 0 }
      if n < 0 {
        if errno == EINTR && !readInterrupted.load(ordering: .relaxed) { continue }
        return -1
      }
      var wide: wchar_t = 0
      let used = mbrtowc(&wide, &byte, 1, &state)
      if used == -2 {  // an incomplete sequence: read on
        pending = true
        continue
      }
      if used == -1 {  // not valid in this locale: pass the byte on, as libedit does
        character.pointee = wchar_t(UInt8(bitPattern: byte))
        return 1
      }
      character.pointee = wide
      return 1
    }
  }
}
