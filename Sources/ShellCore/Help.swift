/// Help text generated from signatures, wrapped at word boundaries to the terminal width.
public enum Help {
  /// The width help is wrapped to when the terminal's is unknown (pipes, scripts).
  public static let defaultWidth = 80
  /// Where descriptions start after a `--flag` or ARGUMENT name.
  static let nameColumn = 18

  /// The full help of one command: summary, usage, description, arguments, options, the
  /// global options once, and examples; no line wider than `width`.
  public static func text(for s: Signature, width: Int = defaultWidth) -> String {
    let width = max(width, 40)
    var lines = wrap("\(s.name) — \(s.summary)", width: width, indent: 2)
    lines.append("")
    lines += wrap(usageWords(s), width: width, first: "usage: ", indent: 4).map {
      $0.replacingOccurrences(of: "\u{A0}", with: " ")
    }
    if !s.aliases.isEmpty {
      lines += wrap("aliases: \(s.aliases.joinedText(", "))", width: width, indent: 4)
    }
    if !s.help.isEmpty {
      lines.append("")
      lines += paragraphs(s.help, width: width)
    }
    if !s.arguments.isEmpty {
      lines += ["", "arguments:"]
      for a in s.arguments {
        lines += entry(a.name.uppercased() + (a.isVariadic ? "..." : ""), a.help, width: width)
      }
    }
    let options = s.parameters.filter(\.isOption)
    if !options.isEmpty {
      lines += ["", "options:"]
      for p in options {
        let name = p.isToggle ? "--\(p.name)" : "--\(p.name) \(p.type.placeholder(for: p.name))"
        let def = p.defaultText.map { " (default \($0))" } ?? ""
        lines += entry(name, p.help + def, width: width)
      }
    }
    lines += ["", "global options (any command):"] + globalOptions(width: width)
    if !s.examples.isEmpty {
      lines += ["", "examples:"]
      for e in s.examples {
        lines += wrap(e.command, width: width, first: "  ", indent: 6)
        lines += wrap(e.description, width: width, first: "      ", indent: 6)
      }
    }
    return lines.joinedText("\n")
  }

  /// A command's help text: lines that start at the margin are reflowed into paragraphs
  /// (blank lines separate them); indented lines (`  labels    node labels: ...`) keep their
  /// own line and wrap under their description column.
  static func paragraphs(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var prose: [String] = []
    // An indented entry being collected: its name part, description and description column.
    var entry: (head: String, body: String, column: Int)?
    func flush() {
      if !prose.isEmpty { lines += wrap(prose.joinedText(" "), width: width, indent: 0) }
      prose = []
      if let (head, body, column) = entry {
        let indent = column < width / 2 ? column : head.prefix { $0 == " " }.count + 4
        lines += wrap(body, width: width, first: head, indent: indent)
      }
      entry = nil
    }
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      let leading = raw.prefix { $0 == " " }.count
      let trimmed = raw.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty {
        flush()
        lines.append("")
      } else if leading == 0 {
        if entry != nil { flush() }
        prose.append(raw)
      } else if let current = entry, leading == current.column {
        // A continuation of the entry above: reflowed with it.
        entry = (current.head, current.body + " " + trimmed, current.column)
      } else {
        flush()
        let chars = Array(raw)
        var column = leading
        // The description column: after the first run of two or more spaces past the indent.
        var i = leading
        while i + 1 < chars.count, !(chars[i] == " " && chars[i + 1] == " ") { i += 1 }
        if i + 1 < chars.count {
          while i < chars.count, chars[i] == " " { i += 1 }
          column = i
        }
        entry = (String(chars[..<column]), String(chars[column...]), TextWidth.of(String(chars[..<column])))
      }
    }
    flush()
    return lines
  }

  /// `--format` and `--help`, which every command takes.
  static func globalOptions(width: Int) -> [String] {
    entry(
      "--format F", OutputFormat.names.joinedText(", ") + " for this command's output", width: width)
      + entry("--help", "this help", width: width)
  }

  /// Every command grouped by plugin, each with its summary, then the user's own commands.
  public static func overview(_ registry: CommandRegistry, width: Int = defaultWidth) -> String {
    let width = max(width, 40)
    var groups: [(title: String, commands: [(String, String)])] = registry.plugins.map { plugin in
      (
        "\(plugin.name) — \(plugin.summary)",
        plugin.commands.map { ($0.signature.name, $0.signature.summary) }
      )
    }
    let owned = Set(registry.plugins.flatMap { $0.commands.map(\.signature.name) })
    var others: [String: [(String, String)]] = [:]
    for name in registry.names where !owned.contains(name) {
      guard let command = registry.command(name) else { continue }
      others[registry.owner(of: name) ?? "user", default: []].append((name, command.signature.summary))
    }
    for owner in others.keys.sorted() {
      groups.append((owner == "user" ? "user — commands defined with def" : owner, others[owner]!))
    }
    var lines = wrap(
      "Commands by plugin; help COMMAND shows its usage, options and examples.", width: width, indent: 0)
    for group in groups where !group.commands.isEmpty {
      lines.append("")
      lines += wrap(group.title, width: width, indent: 2)
      for (name, summary) in group.commands { lines += entry(name, summary, width: width) }
    }
    lines += ["", "global options (any command):"] + globalOptions(width: width)
    return lines.joinedText("\n")
  }

  /// An indented name with its description in a column, wrapped under the column (or on the
  /// next line when the name is too long for it).
  static func entry(_ name: String, _ text: String, width: Int) -> [String] {
    let head = "  " + name
    if TextWidth.of(head) + 2 <= nameColumn {
      return wrap(text, width: width, first: head.padding(nameColumn), indent: nameColumn)
    }
    return wrap(name, width: width, first: "  ", indent: 4)
      + wrap(text, width: width, first: String(repeating: " ", count: nameColumn), indent: nameColumn)
  }

  /// The usage line's words: `show ENTITY [--section S]` (kept together: `[--c` / `hart]` never).
  static func usageWords(_ s: Signature) -> String {
    var depth = 0
    return String(
      s.usage.map { c -> Character in
        if c == "[" { depth += 1 }
        if c == "]" { depth -= 1 }
        return c == " " && depth > 0 ? "\u{A0}" : c
      })
  }

  /// Wraps `text` at spaces (or between CJK characters) so no line is wider than `width`:
  /// the first line starts with `first`, the others with `indent` spaces. A word wider than
  /// a whole line is the only thing ever cut.
  static func wrap(_ text: String, width: Int, first: String = "", indent: Int) -> [String] {
    let pad = String(repeating: " ", count: indent)
    var lines: [String] = []
    var line = first
    var lineHasWord = false
    func flush() {
      lines.append(line)
      line = pad
      lineHasWord = false
    }
    for word in units(text) {
      let w = TextWidth.of(word.text)
      let sep = lineHasWord && word.spaced ? 1 : 0
      if lineHasWord && TextWidth.of(line) + sep + w > width { flush() }
      if lineHasWord && word.spaced && !line.hasSuffix(" ") { line += " " }
      var rest = word.text
      while TextWidth.of(line) + TextWidth.of(rest) > width,
        let cut = split(rest, room: width - TextWidth.of(line))
      {
        line += cut.head
        rest = cut.tail
        flush()
      }
      line += rest
      lineHasWord = true
    }
    if lineHasWord || lines.isEmpty { lines.append(line) }
    return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
  }

  /// Words separated by spaces; a CJK character is a unit of its own, joined without a space.
  static func units(_ text: String) -> [(text: String, spaced: Bool)] {
    var out: [(text: String, spaced: Bool)] = []
    var current = ""
    var spaced = false
    func push(_ nextSpaced: Bool) {
      if !current.isEmpty { out.append((current, spaced)) }
      current = ""
      spaced = nextSpaced
    }
    for c in text {
      if c == " " || c == "\t" {
        push(true)
      } else if c.unicodeScalars.contains(where: { TextWidth.of($0) == 2 }) {
        let before = current.isEmpty ? spaced : false
        push(false)
        out.append((String(c), before))
      } else {
        current.append(c)
      }
    }
    push(false)
    return out
  }

  /// The part of a too-wide word that fits in `room` columns, and the rest.
  static func split(_ word: String, room: Int) -> (head: String, tail: String)? {
    var head = ""
    for c in word {
      if TextWidth.of(head + String(c)) > room { break }
      head.append(c)
    }
    if head.isEmpty { return nil }
    return (head, String(word.dropFirst(head.count)))
  }
}

extension String {
  func padding(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
