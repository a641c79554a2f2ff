import KnowledgeGraph
import ShellCore

/// The parts of one `show` card, each read when it is first asked for: the whole card reads
/// the node's facts and edges once and shares them between sections; one `--section` reads
/// only what it shows.
final class ShowCard {
  let node: Node
  private let session: Session
  private let limit: Int
  private var store: KnowledgeStore { session.store }

  init(node: Node, session: Session, limit: Int) {
    self.node = node
    self.session = session
    self.limit = limit
  }

  private var cachedFacts: [Fact]?
  private var cachedConflicts: [String: [Fact]]?
  /// The edges up to the limit, and the whole count when the limit cut them short.
  private var cachedEdges: (relations: [Relation], total: Int?)?

  private func allFacts() throws -> [Fact] {
    if let cachedFacts { return cachedFacts }
    let facts = try store.facts(of: node.id)
    cachedFacts = facts
    return facts
  }

  private func conflicts() throws -> [String: [Fact]] {
    if let cachedConflicts { return cachedConflicts }
    let conflicts = FactText.conflicts(try allFacts())
    cachedConflicts = conflicts
    return conflicts
  }

  private func edges() throws -> (relations: [Relation], total: Int?) {
    if let cachedEdges { return cachedEdges }
    let read = try store.relations(of: node.id, limit: limit)
    cachedEdges = read
    return read
  }

  /// Every section of the card, in order; group facts, conflicts and see-also only when
  /// they have rows.
  func sections() throws -> [(String, Output)] {
    var sections: [(String, Output)] = [
      ("entity", .record(try entity())), ("facts", .table(try facts())),
      ("relations", .table(try relations())),
    ]
    let groupFacts = try groupFacts()
    if !groupFacts.rows.isEmpty { sections.append(("group facts", .table(groupFacts))) }
    if let conflicts = try conflictTable() { sections.append(("conflicts", .table(conflicts))) }
    sections.append(("sources", .table(try sources())))
    let related = ShowCommand.related(node, session)
    if !related.rows.isEmpty { sections.append(("see also", .table(related))) }
    return sections
  }

  func entity() throws -> [(String, Value)] { try ShowCommand.entityFields(node, store) }

  func facts() throws -> Table {
    ShowCommand.latestFacts(try allFacts(), conflicts: try conflicts(), key: node.key, store: store)
  }

  func relations() throws -> Table {
    let (edges, total) = try edges()
    var relations = ShowCommand.relations(edges)
    if let total { relations.markCut(.of(total)) }
    return relations
  }

  /// Facts about the groups the entity is a member of; when the limit cut the edges short,
  /// the groups come from the store, so none is missed.
  func groupFacts() throws -> Table {
    let (edges, total) = try edges()
    let groups =
      total == nil
      ? edges.filter { $0.outgoing && $0.type == "MEMBER_OF" }.map(\.other)
      : try store.targets(of: node.id, type: "MEMBER_OF")
    return try ShowCommand.groupFacts(groups, store)
  }

  /// The facts whose sources disagree, or nil when they all agree.
  func conflictTable() throws -> Table? {
    let conflicts = try conflicts()
    if conflicts.isEmpty { return nil }
    return FactText.table(conflicts.keys.sorted().flatMap { conflicts[$0]! }, sourced: true)
  }

  /// Every source the entity's facts and relations cite, with how often. Counted from what
  /// the card has read when that is every edge; otherwise by the store.
  func sources() throws -> Table {
    let (edges, total) = try edges()
    let sources =
      total == nil
      ? try store.sources(citedBy: try allFacts(), edges, of: node.id) : try store.sources(of: node.id)
    var table = Table(
      columns: ["source", "title", "publisher", "published", "url", "citations"],
      rows: sources.map { s, c in
        [
          .string(s.key), FactText.text(s.title), FactText.text(s.publisher), FactText.date(s.published),
          FactText.text(s.url), .int(Int64(c)),
        ]
      })
    table.narrowColumns = ["source", "title", "published", "citations", "publisher", "url"]
    return table
  }
}
