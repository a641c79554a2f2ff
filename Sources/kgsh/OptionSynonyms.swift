import KnowledgeGraph

/// What other shells' options (psql, sqlite3, cypher-shell, bash, Nushell) mean in kgsh's
/// words, for the one line a mistaken command line gets.
enum OptionSynonyms {
  static let meanings: [String: String] = [
    "-f": "to run a script, give its path: kgsh FILE.kgsh",
    "--file": "to run a script, give its path: kgsh FILE.kgsh",
    "--script": "to run a script, give its path: kgsh FILE.kgsh",
    "-e": "to run commands, use -c 'COMMANDS'",
    "--command": "to run commands, use -c 'COMMANDS'",
    "--execute": "to run commands, use -c 'COMMANDS'",
    "-C": "to run commands, use -c 'COMMANDS'",
    "-d": "to open a knowledge base file, use --db FILE",
    "--database": "to open a knowledge base file, use --db FILE",
    "--dbname": "to open a knowledge base file, use --db FILE",
    "-r": "to open it read-only, use --read-only",
    "--readonly": "to open it read-only, use --read-only",
    "-o": "to write output in a format, use --format table|json|jsonl|csv|tsv|markdown",
    "--json": "for JSON, use --format json",
    "--csv": "for CSV, use --format csv",
    "-v": "for the version, use --version",
  ]

  /// The line for a command-line mistake in the parser's words (`unknown option '-f'`), with
  /// what to write instead: another tool's option in kgsh's words, the parser's did-you-mean
  /// when it is close (it offered `--db` for `--wat`), else where the options are listed.
  static func line(for message: String) -> String {
    let fallback = "kgsh --help lists the options"
    guard let open = message.range(of: "unknown option '"),
      let close = message[open.upperBound...].firstIndex(of: "'")
    else { return message + "; " + fallback }
    let option = String(message[open.upperBound..<close])
    let stated = "unknown option '\(option)'"
    let name = option.split(separator: "=", maxSplits: 1).first.map(String.init) ?? option
    if let meaning = meanings[name] { return stated + "; " + meaning }
    if let mean = message.range(of: "Did you mean '"),
      let end = message[mean.upperBound...].firstIndex(of: "'")
    {
      let offered = String(message[mean.upperBound..<end])
      if !Names.suggestions(for: name, among: [offered]).isEmpty {
        return stated + "; did you mean \(offered)?"
      }
    }
    return stated + "; " + fallback
  }
}
