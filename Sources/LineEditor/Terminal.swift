import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about the terminal the shell runs in.
public enum Terminal {
  /// True when both standard input and standard output are terminals: only then is line
  /// editing used (with piped stdin libedit reads one byte per syscall and records the
  /// script in the history; with piped stdout it turns editing off).
  public static func isInteractive() -> Bool {
    isatty(0) == 1 && isatty(1) == 1
  }

  /// The width in columns: `$COLUMNS` when set (as psql does), else that of the terminal
  /// on standard output, else on standard error; nil when none is known.
  public static func width() -> Int? {
    if let columns = environmentNumber("COLUMNS") { return columns }
    for fd: Int32 in [1, 2] {
      let columns = kgsh_terminal_columns(fd)
      if columns > 0 { return Int(columns) }
    }
    return nil
  }

  /// The height in rows: `$LINES` when set, else that of the terminal on standard output;
  /// nil when none is known.
  public static func height() -> Int? {
    if let rows = environmentNumber("LINES") { return rows }
    let rows = kgsh_terminal_rows(1)
    return rows > 0 ? Int(rows) : nil
  }

  /// A positive number from the environment (`COLUMNS=100`), nil when unset or not one.
  static func environmentNumber(_ name: String) -> Int? {
    guard let text = getenv(name), let value = Int(String(cString: text)), value > 0 else { return nil }
    return value
  }

  /// Makes multibyte (e.g. Chinese) input work: takes the locale from the environment and,
  /// when that leaves the character type as plain "C"/"POSIX" (LANG unset), switches
  /// LC_CTYPE to C.UTF-8. Without it libedit silently drops every non-ASCII key.
  /// LC_NUMERIC is kept at "C" so that C-level number formatting never uses a decimal comma.
  /// Must run before `el_init`, which looks at the locale once, and before a second thread
  /// starts (setlocale is not safe while another thread formats or converts text); it
  /// changes the locale once per process.
  public static func prepareUTF8Locale() {
    _ = localePrepared
  }

  private static let localePrepared: Void = {
    _ = setlocale(LC_ALL, "")
    _ = setlocale(LC_NUMERIC, "C")
    let ctype = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
    if ctype == "C" || ctype == "POSIX" {
      if setlocale(LC_CTYPE, "C.UTF-8") == nil {
        _ = setlocale(LC_CTYPE, "en_US.UTF-8")
      }
    }
  }()
}
