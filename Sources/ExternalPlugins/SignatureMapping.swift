import KnowledgeGraph
import PluginProtocol
import ShellCore

/// Turns a plugin's declared signatures into the shell's, refusing what the shell could
/// not parse or complete.
enum SignatureMapping {
  /// The shell signature of a plugin command.
  static func signature(_ wire: WireSignature) -> Signature {
    Signature(
      wire.name, aliases: wire.aliases ?? [], summary: wire.summary,
      arguments: (wire.arguments ?? []).map {
        Argument(
          $0.name, $0.help ?? "", completion: hint($0.completion), optional: $0.optional ?? false,
          variadic: $0.variadic ?? false)
      },
      flags: (wire.flags ?? []).map {
        Flag($0.name, $0.help ?? "", kind: kind($0), default: $0.default, completion: hint($0.completion))
      },
      help: wire.help ?? "",
      examples: (wire.examples ?? []).map { Example($0.command, $0.description ?? "", expect: $0.expect) },
      writes: wire.writes ?? false)
  }

  static func hint(_ wire: WireCompletion?) -> CompletionHint {
    switch wire ?? .none {
    case .none: return .none
    case .entity: return .entity
    case .label: return .label
    case .relation: return .relationType
    case .file: return .file
    case .command: return .command
    case .variable: return .variable
    case .values(let values): return .values(values)
    }
  }

  static func kind(_ flag: WireFlag) -> FlagKind {
    switch flag.kind ?? "string" {
    case "bool": return .bool
    case "int": return .int
    case "choice": return .choice((flag.choices ?? []).map { $0.lowercased() })
    default: return .string
    }
  }

  /// Checks a plugin's declared commands.
  /// - Throws: `KgshError` naming the plugin and the command that is wrong.
  static func validate(_ commands: [WireSignature], plugin: String, features: [String]) throws {
    guard !commands.isEmpty else {
      throw KgshError(
        .plugin,
        "plugin \(plugin) declares no commands", hint: "its hello must list at least one command")
    }
    var seen = Set<String>()
    for command in commands {
      let words = command.name.split(separator: " ")
      guard (1...2).contains(words.count), words.allSatisfy(isWord) else {
        throw KgshError(
          .plugin,
          "plugin \(plugin): '\(command.name)' is not a valid command name",
          hint: "use one or two words of letters, digits, - and _")
      }
      for name in [command.name] + (command.aliases ?? []) {
        guard seen.insert(name.lowercased()).inserted else {
          throw KgshError(.plugin, "plugin \(plugin) declares '\(name)' twice")
        }
      }
      for flag in command.flags ?? [] {
        guard WireFlag.kinds.contains(flag.kind ?? "string"), isWord(Substring(flag.name)) else {
          throw KgshError(
            .plugin,
            "plugin \(plugin): flag --\(flag.name) of \(command.name) is invalid",
            hint: "a flag needs a name of letters, digits, - and _ and a kind: bool, int, string or choice")
        }
        if flag.kind == "choice" && (flag.choices ?? []).isEmpty {
          throw KgshError(
            .plugin, "plugin \(plugin): choice flag --\(flag.name) of \(command.name) lists no choices")
        }
      }
      if command.writes == true && !features.contains(Feature.write) {
        throw KgshError(
          .plugin,
          "plugin \(plugin): command \(command.name) writes but the plugin did not declare the write feature")
      }
    }
  }

  static func isWord(_ word: Substring) -> Bool {
    !word.isEmpty && word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
  }
}
