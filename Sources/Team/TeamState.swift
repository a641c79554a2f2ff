import Foundation
import KnowledgeGraph

/// What a knowledge base remembers of its team, in its own table (`team_state`): the URL
/// without its password, how far it has pushed (a position in the local change log) and
/// pulled (the server's sequence number), and when.
public enum TeamState {
  /// The local table, created the first time a knowledge base joins a team: a file that
  /// never joins one is not changed.
  public static let storage = StoreExtension(
    owner: "team",
    migrations: [
      StoreMigration(
        "team-v1-state", sql: "CREATE TABLE team_state(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
    ])

  /// The layers a push sends: what people wrote here, by hand or by import.
  public static let pushedLayers: Set<ChangeLayer> = [.user, .imported]

  public enum Key: String {
    case url, pushedPosition = "pushed_position", pulledSeq = "pulled_seq", lastPull = "last_pull",
      lastPush = "last_push"
  }

  /// Creates the table when it is missing.
  public static func prepare(_ store: KnowledgeStore) throws {
    try store.apply([storage])
  }

  /// A remembered value, or nil (also when the knowledge base never joined a team).
  public static func get(_ store: KnowledgeStore, _ key: Key) -> String? {
    guard let rows = try? store.select("SELECT value FROM team_state WHERE key = ?", [.string(key.rawValue)])
    else { return nil }
    return rows.first?["value"]?.plainText
  }

  public static func set(_ w: GraphWriter, _ key: Key, _ value: String) throws {
    try w.run(
      "INSERT INTO team_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      [.string(key.rawValue), .string(value)])
  }

  public static func pushedPosition(_ store: KnowledgeStore) -> Int64 {
    get(store, .pushedPosition).flatMap { Int64($0) } ?? 0
  }

  public static func pulledSeq(_ store: KnowledgeStore) -> Int64 {
    get(store, .pulledSeq).flatMap { Int64($0) } ?? 0
  }

  /// The records waiting to be pushed, oldest first.
  public static func queue(_ store: KnowledgeStore, limit: Int? = nil) throws -> [(
    position: Int64, record: ChangeRecord
  )] {
    try store.changes(after: pushedPosition(store), layers: pushedLayers, limit: limit)
  }

  public static func queueCount(_ store: KnowledgeStore) throws -> Int {
    try store.changeCount(after: pushedPosition(store), layers: pushedLayers)
  }

  /// Now, as the change log writes times.
  static func now() -> String {
    let f = ISO8601DateFormatter()
    return f.string(from: Date())
  }
}
