import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension EditLineReader {
  /// The Tab key: asks the completer, then edits the line or lists the candidates.
  /// Returns a libedit CC_* code.
  func complete() -> UInt8 {
    guard let completer, let info = el_wline(editLine) else { return UInt8(CC_ERROR) }
    let (line, cursor) = Self.lineAndCursor(info.pointee)
    let plan = CompletionPlan(
      line: line, cursor: cursor, completions: completer.completions(line: line, cursor: cursor))
    switch plan {
    case .beep:
      return UInt8(CC_REFRESH_BEEP)
    case .replace(let range, let text):
      // libedit counts wide characters (Unicode scalars), the completer Characters.
      let characters = Array(line)
      let scalarsBefore = characters[..<range.lowerBound].reduce(0) { $0 + $1.unicodeScalars.count }
      // Delete from the word start up to libedit's own cursor, which may sit inside a
      // Character (before a combining mark).
      let deleteCount = (info.pointee.cursor - info.pointee.buffer) - scalarsBefore
      if deleteCount > 0 { el_deletestr(editLine, Int32(deleteCount)) }
      if el_insertstr(editLine, text) != 0 { return UInt8(CC_REFRESH_BEEP) }
      return UInt8(CC_REFRESH)
    case .list(let candidates, let more):
      let lines = completionListing(candidates, more: more, width: Terminal.width() ?? 80)
      write(toTerminal: "\n" + lines.joined(separator: "\n") + "\n")
      return UInt8(CC_REDISPLAY)
    }
  }

  /// The line as a String and the cursor as a Character offset in it.
  static func lineAndCursor(_ info: LineInfoW) -> (String, Int) {
    func text(_ from: UnsafePointer<wchar_t>, _ to: UnsafePointer<wchar_t>) -> String {
      var result = String.UnicodeScalarView()
      var pointer = from
      while pointer < to {
        result.append(Unicode.Scalar(UInt32(bitPattern: pointer.pointee)) ?? "\u{FFFD}")
        pointer += 1
      }
      return String(result)
    }
    let line = text(info.buffer, info.lastchar)
    let cursor = text(info.buffer, info.cursor).count
    return (line, cursor)
  }
}
