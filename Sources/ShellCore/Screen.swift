/// The terminal a session prints to, measured each time it is asked: the window can be
/// resized between two commands. The real one lives at the edge (the executable); tests
/// use a fixed size.
public protocol TerminalScreen: AnyObject {
  /// Columns and rows now; nil when unknown.
  var size: (columns: Int, rows: Int)? { get }
}

/// Shows text taller than the terminal a page at a time (`less -FRX`, `$PAGER`).
public protocol Pager: AnyObject {
  /// Shows `text` through the pager and returns when the user leaves it (q, Ctrl-C).
  /// - Returns: false when no pager could run; the caller then prints the text itself.
  func page(_ text: String) -> Bool
}

/// A screen of a fixed size, for tests and for sessions that know their width.
public final class FixedScreen: TerminalScreen {
  public var size: (columns: Int, rows: Int)?
  public init(columns: Int, rows: Int) { size = (columns, rows) }
}

extension Session {
  /// Whether output goes to the terminal now: stdout is one, and `output FILE` has not
  /// sent it elsewhere. Only then are tables fitted, colours used and long output paged.
  public var rendersForTerminal: Bool { isTerminal && out === terminalOut }

  /// The renderer for the next output: measured now, in the session's layout settings.
  public func renderer(format: OutputFormat) -> Renderer {
    let terminal = rendersForTerminal
    return Renderer(
      format: format, width: terminal ? width : nil, color: terminal && useColor,
      layout: rendering.layout, maxLines: rendering.maxLines)
  }

  /// Shows `text` through the pager when this is an interactive session printing to the
  /// terminal, the pager is on, and the text is taller than the terminal.
  /// - Returns: true when the pager showed it (the caller must not print it again).
  public func page(_ text: String) -> Bool {
    guard let pager, rendersForTerminal, settings["pager"] != "off", let rows = screen?.size?.rows else {
      return false
    }
    var lines = 0
    for byte in text.utf8 where byte == 0x0A { lines += 1 }
    // One row stays for the prompt.
    guard lines > max(1, rows - 1) else { return false }
    return pager.page(text)
  }
}

/// `timer`, `layout` and `wrap` as values (see `Session.settings`).
struct RenderSettings {
  var timer: Bool
  var layout: TableLayout
  var maxLines: Int?

  init(_ settings: [String: String]) {
    timer = settings["timer"] == "on"
    layout = TableLayout(rawValue: settings["layout"] ?? "") ?? .auto
    maxLines = settings["wrap"].flatMap { Int($0) }
  }
}
