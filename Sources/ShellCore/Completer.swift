import Foundation
import KnowledgeGraph

/// Completion candidates for a position in a command line, from the signatures' hints.
public struct CompletionResult: Sendable, Equatable {
  /// Character offset where the word being completed starts.
  public var start: Int
  public var candidates: [String]
  /// How many candidates exist in all (more than `candidates.count` when cut).
  public var total: Int
}

extension Shell {
  /// The page size of completion lists; past it only the count is reported.
  public static let completionPage = 60

  /// Completes the word before `cursor` in `line`: command names first, then flags and
  /// argument values (entities, labels, relation types, files, fixed values).
  public func complete(line: String, cursor: Int) -> CompletionResult {
    let before = String(line.prefix(cursor))
    let (typed, current, quoted, written, piped) = CommandLineParser.completionContext(before)
    let start = cursor - written
    func result(_ all: [String], total: Int? = nil) -> CompletionResult {
      let matching = all.filter { $0.lowercased().hasPrefix(current.lowercased()) }
      return CompletionResult(
        start: start, candidates: Array(matching.prefix(Shell.completionPage)).map(Shell.quoteIfNeeded),
        total: total ?? matching.count)
    }
    let registry = session.registry
    guard let first = typed.first else { return result(registry.firstWords) }
    let subcommands = registry.subcommands(of: first)
    if typed.count == 1, !subcommands.isEmpty, !current.hasPrefix("-") {
      // `import pr<TAB>` offers the subcommands (and the group's own arguments, if any).
      var offered = subcommands
      if let group = registry.command(first), let argument = group.signature.arguments.first {
        offered +=
          candidates(for: argument.completion, prefix: current, start: start, quoted: quoted).candidates
      }
      return result(offered)
    }
    guard let (command, consumed) = registry.resolve(first, typed.dropFirst().first) else {
      return CompletionResult(start: start, candidates: [], total: 0)
    }
    if command.signature.takesRawText {
      let words = command.vocabulary(session)
      if command.signature.name == "sql" { return completeWord(before, cursor: cursor, from: words) }
      return completeCypher(before, cursor: cursor, words: words)
    }
    if !quoted, let variable = completeVariable(current, start: start) { return variable }
    let words = [first] + typed.dropFirst(consumed)
    let sig = command.signature
    if current.hasPrefix("--") {
      return result(sig.flags.map { "--" + $0.name } + ["--format", "--help"])
    }
    if let last = words.last, last.hasPrefix("--") {
      let name = String(last.dropFirst(2))
      if name == "format" { return result(OutputFormat.allCases.map(\.rawValue)) }
      if let flag = sig.flags.first(where: { $0.name == name }), flag.kind != .bool {
        if case .choice(let values) = flag.kind { return result(values) }
        return candidates(for: flag.completion, prefix: current, start: start, quoted: quoted)
      }
    }
    let position = Self.argumentPosition(words, sig)
    guard !sig.arguments.isEmpty else { return CompletionResult(start: start, candidates: [], total: 0) }
    let argument = sig.arguments[min(position, sig.arguments.count - 1)]
    if position >= sig.arguments.count && !argument.isVariadic {
      return CompletionResult(start: start, candidates: [], total: 0)
    }
    if argument.completion == .column { return result(pipedColumns(piped)) }
    return candidates(for: argument.completion, prefix: current, start: start, quoted: quoted)
  }

  /// Which argument the next word is: the words after the command, less flags and their values.
  static func argumentPosition(_ words: [String], _ sig: Signature) -> Int {
    var position = 0
    var i = 1
    while i < words.count {
      if words[i].hasPrefix("--") {
        if let flag = sig.flags.first(where: { "--" + $0.name == words[i] }), flag.kind != .bool { i += 1 }
      } else {
        position += 1
      }
      i += 1
    }
    return position
  }

  func candidates(for hint: CompletionHint, prefix: String, start: Int, quoted: Bool) -> CompletionResult {
    func filtered(_ all: [String]) -> CompletionResult {
      let matching = all.filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
      return CompletionResult(
        start: start, candidates: Array(matching.prefix(Shell.completionPage)).map(Shell.quoteIfNeeded),
        total: matching.count)
    }
    switch hint {
    case .none: return CompletionResult(start: start, candidates: [], total: 0)
    case .command: return filtered(session.registry.firstWords)
    case .values(let values): return filtered(values)
    case .variable: return filtered(session.variables.keys.sorted())
    case .label: return filtered((try? session.store.labelNames()) ?? [])
    case .relationType: return filtered((try? session.store.edgeTypes()) ?? [])
    case .predicate: return filtered((try? session.store.predicates()) ?? [])
    case .factId:
      // F0001; a word that cannot be a fact id completes as an entity (cite takes either).
      if let f = prefix.first, f != "F" && f != "f" || prefix.dropFirst().contains(where: { !$0.isNumber }) {
        return completeEntity(prefix: prefix, start: start)
      }
      return filtered((try? session.store.factKeys(prefix: prefix, limit: 500)) ?? [])
    case .entity: return completeEntity(prefix: prefix, start: start)
    case .plugin: return filtered(session.registry.plugins.map(\.name))
    case .column: return CompletionResult(start: start, candidates: [], total: 0)  // needs the pipeline
    case .dynamic(let name):
      return filtered(session.completionProviders[name].map { $0(session, prefix) } ?? [])
    case .file:
      let dir = prefix.contains("/") ? String(prefix[..<prefix.lastIndex(of: "/")!]) + "/" : ""
      let path = dir.isEmpty ? "." : (dir as NSString).expandingTildeInPath
      let entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map {
        entry -> String in
        var isDir: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path + "/" + entry, isDirectory: &isDir)
        return dir + entry + (isDir.boolValue ? "/" : "")
      }
      return filtered(entries)
    }
  }

  /// Quotes a candidate that contains spaces or shell characters.
  public static func quoteIfNeeded(_ word: String) -> String {
    if word.contains(where: { " \t'\"|;#$\\()[]{}".contains($0) }) {
      return "\""
        + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        + "\""
    }
    return word
  }
}
