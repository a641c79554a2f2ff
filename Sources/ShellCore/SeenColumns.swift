/// The columns of the tables this session's pipelines produced: what Tab offers after
/// `| sort` or `| where`. Kept by the words of the pipeline up to each stage (`find GLM |
/// select name`), and by the first command's name for the same command typed with other
/// arguments.
public struct SeenColumns: Sendable {
  private var byPipeline: [String: [String]] = [:]
  private var byCommand: [String: [String]] = [:]
  /// Distinct pipelines kept; past it they are all forgotten and kept afresh (a long script
  /// runs many).
  static let capacity = 500

  /// Notes the columns the last of `stages` produced; `stages` are the words of each stage,
  /// nil for a stage whose text is not read as words (a Cypher query).
  mutating func record(_ stages: [[String]?], _ columns: [String]) {
    if stages.count == 1, let name = stages[0]?.first?.lowercased() { byCommand[name] = columns }
    guard let key = Self.key(stages) else { return }
    if byPipeline.count >= Self.capacity { byPipeline.removeAll(keepingCapacity: true) }
    byPipeline[key] = columns
  }

  /// Notes a first stage's columns by its command's name.
  mutating func record(command name: String, _ columns: [String]) { byCommand[name.lowercased()] = columns }

  /// The columns the table piped in after `stages` is likely to have: those of the same
  /// pipeline when it ran, else those its first command produced last time; none when
  /// neither ran in this session.
  func columns(after stages: [[String]]) -> [String] {
    if let key = Self.key(stages), let seen = byPipeline[key] { return seen }
    guard let name = stages.first?.first?.lowercased() else { return [] }
    return byCommand[name] ?? []
  }

  private static func key(_ stages: [[String]?]) -> String? {
    var key = ""
    for (i, stage) in stages.enumerated() {
      guard let stage else { return nil }
      if i > 0 { key += " | " }
      key += stage.joined(separator: " ")
    }
    return key
  }
}
