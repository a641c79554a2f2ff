#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The line reader for this process: libedit when standard input and output are both
/// terminals, otherwise a plain buffered reader over standard input.
///
/// - Parameters:
///   - programName: the name libedit uses for `~/.editrc` lines (`kgsh:bind ...`).
///   - historyPath: where the history lives (its directory is created); nil keeps none.
///   - completer: answers Tab; nil turns completion off.
public func makeLineReader(
  programName: String = "kgsh", historyPath: String?, completer: (any LineCompleting)?
) -> any LineReading {
  if Terminal.isInteractive() {
    return EditLineReader(programName: programName, historyPath: historyPath, completer: completer)
  }
  return PlainLineReader(fileDescriptor: 0)
}
