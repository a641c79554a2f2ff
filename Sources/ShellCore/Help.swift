/// Help text generated from signatures.
public enum Help {
  /// The full help of one command: usage, summary, arguments, flags, examples.
  public static func text(for s: Signature) -> String {
    var lines = ["\(s.name) — \(s.summary)", "", "usage: \(s.usage)"]
    if !s.aliases.isEmpty { lines.append("aliases: \(s.aliases.joined(separator: ", "))") }
    if !s.help.isEmpty { lines += ["", s.help] }
    if !s.arguments.isEmpty {
      lines.append("")
      lines.append("arguments:")
      for a in s.arguments { lines.append("  \(a.name.uppercased().padding(16))\(a.help)") }
    }
    if !s.flags.isEmpty {
      lines.append("")
      lines.append("flags:")
      for f in s.flags {
        let def = f.defaultValue.map { " (default \($0))" } ?? ""
        lines.append("  --\(f.name.padding(14))\(f.help)\(def)")
      }
    }
    lines.append("  --format F      \(OutputFormat.names.joined(separator: ", ")) for this command")
    if !s.examples.isEmpty {
      lines.append("")
      lines.append("examples:")
      for e in s.examples { lines.append("  \(e.command)\n      \(e.description)") }
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  func padding(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
