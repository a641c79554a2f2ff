import KnowledgeGraph
import ShellCore

/// `team log [--author A] [--since DATE] [--limit N]`: the shared history, from the server.
struct TeamLogCommand: Command {
  static let author: Param<String?> = .option("author", .text, "only this author's changes (any case)")
  static let since: Param<String?> = .option("since", .date, "only changes made on or after this date")
  static let limit = Param.option("limit", .integer(min: 1), default: 50, "show at most this many")
  let signature = Signature(
    "team log", summary: "Show the team's shared history from the server, newest first",
    parameters: [author.spec, since.spec, limit.spec],
    help: "Each change with its author (who made it) and the PostgreSQL role that pushed it.",
    examples: [Example("team log --author alice --since 2026-03", "alice's changes since March")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let link = try TeamPlugin.link(session, "team log")
    let limit = call[Self.limit]
    // One more than shown: whether older changes exist (no more than a limit can hold).
    let changes = try link.connection().log(
      author: call[Self.author], since: call[Self.since], limit: limit == .max ? limit : limit + 1)
    let rows: [[Value]] = changes.prefix(limit).map { c in
      let r = c.record
      return [
        .int(c.seq), .string(r.time), .string(r.author), .string(r.kind.rawValue),
        .string(r.targetType.rawValue), .string(r.target), r.entity.map(Value.string) ?? .null,
        .string(c.pushedBy),
      ]
    }
    return .table(
      Table(
        columns: ["seq", "time", "author", "kind", "about", "target", "entity", "pushed by"], rows: rows,
        notes: rows.isEmpty ? ["no shared changes match"] : [],
        limitCut: changes.count > limit ? .moreExist(shown: "the \(limit) newest changes") : nil))
  }
}
