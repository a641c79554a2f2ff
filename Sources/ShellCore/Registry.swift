import KnowledgeGraph

/// The explicit list of commands in a session: built-in plugins first, then user-defined ones.
public final class CommandRegistry: @unchecked Sendable {
  public private(set) var plugins: [Plugin] = []
  private var byName: [String: (any Command, String)] = [:]
  /// The first words of the two-word names (`import` of `import prices`): only these can
  /// start a subcommand, so other statements skip the two-word lookup.
  private var groups: Set<String> = []
  /// The names and aliases of raw-text commands (`sql`, `match`): the parser asks for every
  /// statement, and most are not (a set lookup, no signature copied out of a command).
  private var rawText: Set<String> = []

  private static func groups(of names: some Sequence<String>) -> Set<String> {
    Set(names.compactMap { name in name.utf8.firstIndex(of: 32).map { String(name[..<$0]) } })
  }

  public init() {}

  /// Registers a plugin's commands.
  /// - Throws: `KgshError` when a name is already taken (names are never silently shadowed).
  public func register(_ plugin: Plugin) throws {
    // Each command's names are read once (a signature is copied out of its command).
    let named = plugin.commands.map { command in
      let signature = command.signature
      return (command, [signature.name] + signature.aliases)
    }
    for (_, names) in named {
      for name in names {
        if let (_, owner) = byName[name] {
          throw KgshError(.plugin, "command '\(name)' of plugin \(plugin.name) clashes with plugin \(owner)")
        }
      }
    }
    byName.reserveCapacity(byName.count + named.reduce(0) { $0 + $1.1.count })
    for (command, names) in named {
      for name in names {
        byName[name] = (command, plugin.name)
        if let space = name.utf8.firstIndex(of: 32) { groups.insert(String(name[..<space])) }
        if command.signature.takesRawText { rawText.insert(name) }
      }
    }
    plugins.append(plugin)
  }

  /// Removes a plugin and its commands (`plugin remove`); returns false when it is not registered.
  @discardableResult
  public func unregister(plugin name: String) -> Bool {
    guard let index = plugins.firstIndex(where: { $0.name == name }) else { return false }
    plugins.remove(at: index)
    byName = byName.filter { $0.value.1 != name }
    groups = Self.groups(of: byName.keys)
    rawText = rawText.filter { byName[$0] != nil }
    return true
  }

  /// Adds or replaces a single command owned by `owner` (user-defined commands).
  public func define(_ command: any Command, owner: String) {
    let signature = command.signature
    byName[signature.name] = (command, owner)
    groups = Self.groups(of: byName.keys)
    if signature.takesRawText { rawText.insert(signature.name) } else { rawText.remove(signature.name) }
  }

  /// The command for a name or alias (case-insensitive).
  public func command(_ name: String) -> (any Command)? {
    // A name already in lower case (as typed, nearly always) is looked up once.
    if !Self.mayHaveCapitals(name) { return byName[name]?.0 }
    return byName[name.lowercased()]?.0 ?? byName[name]?.0
  }

  /// The raw-text command (its text after the name is not split into words) for a name in
  /// lower case; nil for any other command.
  public func rawTextCommand(_ name: String) -> (any Command)? {
    rawText.contains(name) ? byName[name]?.0 : nil
  }

  /// False when `name` is ASCII with no capital, so that `lowercased()` would return it unchanged.
  private static func mayHaveCapitals(_ name: String) -> Bool {
    name.utf8.contains { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) }
  }

  /// The command for the first words of a statement: a two-word subcommand such as
  /// `import prices` when one is registered under `first second`, else `first` alone.
  /// `consumed` is 2 when the subcommand matched.
  public func resolve(_ first: String, _ second: String?) -> (command: any Command, consumed: Int)? {
    if let second, !groups.isEmpty,
      groups.contains(first) || (Self.mayHaveCapitals(first) && groups.contains(first.lowercased())),
      !second.hasPrefix("-"),
      let sub = command(first + " " + second.lowercased())
    {
      return (sub, 2)
    }
    return command(first).map { ($0, 1) }
  }

  /// The subcommand words registered under a group name (`plugin` -> add, list, ...).
  public func subcommands(of group: String) -> [String] {
    let prefix = group.lowercased() + " "
    return names.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
  }

  /// The plugin that owns a command name.
  public func owner(of name: String) -> String? { byName[name]?.1 }

  /// Every command name (not aliases), sorted.
  public var names: [String] {
    byName.filter { $0.key == $0.value.0.signature.name }.keys.sorted()
  }

  /// Every name and alias, for suggestions and completion.
  public var allNames: [String] { byName.keys.sorted() }

  /// The words that can start a statement: single-word names and the groups of
  /// subcommands (`import` for `import prices`).
  public var firstWords: [String] {
    Array(Set(byName.keys.map { String($0.prefix { $0 != " " }) })).sorted()
  }
}
