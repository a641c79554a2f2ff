import BuiltInPlugins
import Foundation
import ShellCore

/// `kgsh show Zhipu` and `kgsh stats`: a command's words where kgsh takes a script's path
/// (git and Nushell's `nu -c` users type them so). The refusal says how to run them.
enum CommandWords {
  /// The arguments that are not options or option values (`words`), and the rest as given.
  static func split(_ arguments: some Collection<String>) -> (words: [String], options: [String]) {
    var words: [String] = []
    var options: [String] = []
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      if argument == "--" {
        words += rest
        break
      }
      if argument.hasPrefix("-"), argument.count > 1 {
        options.append(argument)
        if QuickArguments.valued.contains(argument), let value = rest.popFirst() { options.append(value) }
        continue
      }
      words.append(argument)
    }
    return (words, options)
  }

  /// The refusal for `words` (the positional arguments) when they are not a file and start
  /// with a kgsh command; nil otherwise. `options` are repeated in the line it suggests.
  static func refusal(_ words: [String], options: [String] = []) -> String? {
    guard let path = words.first, !FileManager.default.fileExists(atPath: path) else { return nil }
    let split = words.flatMap { $0.split(separator: " ").map(String.init) }
    guard let first = split.first, let registry = try? BuiltIns.registry(),
      let (command, _) = registry.resolve(first, split.dropFirst().first)
    else { return nil }
    let line = words.count == 1 ? path : words.map(Shell.quoteIfNeeded).joinedText(" ")
    let quoted = line.contains("'") ? "\"\(line.replacingOccurrences(of: "\"", with: "\\\""))\"" : "'\(line)'"
    let before = options.map(Shell.quoteIfNeeded).map { $0 + " " }.joined()
    return
      "'\(command.signature.name)' is a command, not a script file; run it with kgsh \(before)-c \(quoted)"
  }
}
