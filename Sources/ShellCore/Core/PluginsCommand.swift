import KnowledgeGraph

/// `plugins`: the plugins and their commands, with origin and version.
struct PluginsCommand: Command {
  let signature = Signature(
    "plugins", summary: "List plugins and their commands",
    examples: [Example("plugins", "where each command comes from", expect: "knowledge")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var rows: [[Value]] = session.registry.plugins.map { p in
      [
        .string(p.name), .string(p.origin), .string(p.version),
        .list(p.commands.map { .string($0.signature.name) }),
      ]
    }
    var user: [String: [String]] = [:]
    for name in session.registry.names {
      let owner = session.registry.owner(of: name) ?? ""
      if !session.registry.plugins.contains(where: { $0.name == owner }) {
        user[owner, default: []].append(name)
      }
    }
    for (owner, names) in user.sorted(by: { $0.key < $1.key }) {
      rows.append([
        .string(owner), .string("user-defined"), .null, .list(names.map { .string($0) }),
      ])
    }
    return .table(Table(columns: ["plugin", "origin", "version", "commands"], rows: rows))
  }
}
