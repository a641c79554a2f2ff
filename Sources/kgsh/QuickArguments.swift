/// The common command lines (`kgsh`, `kgsh -c '...'`, `kgsh --db FILE script.kgsh`, ...)
/// read without swift-argument-parser, whose first parse costs a few milliseconds of
/// reflection and type look-ups at every start.
///
/// Only unambiguous spellings are taken: each option once (except `--param` and `-c`, whose
/// commands run in turn, one -c after the other, as psql's do), its value the
/// next argument and not starting with `-`, at most one script. Anything else (`--help`,
/// `--version`, `--recover`, `--db=FILE`, `--`, an unknown or repeated option, a missing
/// value) returns nil, and the parser handles it with its own messages, so what a user sees
/// is the same either way.
enum QuickArguments {
  /// The options whose value is the next argument (CommandWords reads the same list).
  static let valued = ["-c", "--db", "--format", "--init", "--timeout", "--param", "--team"]

  /// The launch these arguments (without the program name) describe, or nil to let the
  /// full parser decide.
  static func parse(_ arguments: some Collection<String>) -> Launch? {
    var launch = Launch()
    // An array, not a Set: a Set of String costs a runtime conformance look-up at start.
    var seen: [String] = []
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      guard argument.hasPrefix("-") else {
        guard launch.file == nil, isValue(argument) else { return nil }
        launch.file = argument
        continue
      }
      guard argument == "--param" || argument == "-c" || !seen.contains(argument) else { return nil }
      seen.append(argument)
      switch argument {
      case "--read-only": launch.readOnly = true
      case "--continue-on-error": launch.continueOnError = true
      case "--no-init": launch.noInit = true
      case "--no-pager": launch.noPager = true
      case "--no-plugins": launch.noPlugins = true
      default:
        guard valued.contains(argument), let value = rest.popFirst(), isValue(value) else { return nil }
        switch argument {
        case "-c": launch.commands = launch.commands.map { $0 + "\n" + value } ?? value
        case "--db": launch.db = value
        case "--format": launch.format = value
        case "--init": launch.initFile = value
        case "--timeout": launch.timeout = value
        case "--param": launch.params.append(value)
        case "--team": launch.team = value
        default: return nil
        }
      }
    }
    return launch
  }

  /// A value the parser would take as it is: not empty, not option-like.
  private static func isValue(_ text: String) -> Bool {
    !text.isEmpty && !text.hasPrefix("-")
  }
}
