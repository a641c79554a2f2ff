import KnowledgeGraph
import ShellCore

/// `relations [ENTITY]`: edge types with counts, across the graph or around one entity;
/// `relations --schema`: which labels each type connects.
struct RelationsCommand: Command {
  static let entity: Param<String?> = .optionalArgument(
    "entity", .entity, "only the edges of this entity, by direction")

  static let explain = Param.toggle(
    "explain", "list the entity's relations one by one, with their ids (for unlink) and sources")
  static let type: Param<String?> = .option("type", .relationType, "only relations of this type")
  static let schema = Param.toggle(
    "schema", "which labels each type connects: from labels, type, to labels, count (the graph's shape)")

  let signature = Signature(
    "relations", aliases: ["types"],
    summary: "Relation (edge) types with counts, overall or around one entity",
    parameters: [entity.spec, explain.spec, type.spec, schema.spec],
    examples: [
      Example("relations", "INVESTS_IN, LISTED_ON ...", expect: "LISTED_ON"),
      Example("relations Zhipu", "Zhipu AI's edge types, outgoing and incoming", expect: "LISTED_ON"),
      Example("relations MiniMax --explain", "each of MiniMax's relations with its id", expect: "E0007"),
      Example(
        "relations Zhipu --explain --type listed_on", "only where Zhipu AI is listed",
        expect: "Hong Kong Stock Exchange"),
      Example("relations --schema --type listed_on", "what is listed on what", expect: "Exchange"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let type = try call[Self.type].map { try Self.knownType($0, session) }
    if call[Self.schema] {
      guard call[Self.entity] == nil, !call[Self.explain] else {
        throw KgshError(
          .usage, "relations: --schema describes the whole graph",
          hint: "leave out the entity and --explain: relations --schema [--type TYPE]")
      }
      return .table(try Self.schema(session.store.graphIndex(), type: type))
    }
    if call[Self.explain] {
      guard let name = call[Self.entity] else {
        throw KgshError(
          .usage, "relations: --explain lists one entity's relations",
          hint: "name it, e.g. relations Zhipu --explain")
      }
      let node = try session.resolve(name)
      var table = try Self.explained(node, session)
      if let type { table.rows = table.rows.filter { $0[2] == .string(type) } }
      if table.rows.isEmpty { table.notes = [Self.noRelations(node, type: type)] }
      return .table(table)
    }
    guard let name = call[Self.entity] else {
      return .table(
        Table(
          columns: ["type", "count"],
          rows: try session.store.edgeTypeCounts().filter { type == nil || $0.type == type }.map {
            [.string($0.type), .int(Int64($0.count))]
          }))
    }
    let node = try session.resolve(name)
    let adj = try session.store.graphIndex()
    let none = [Self.noRelations(node, type: type)]
    guard let i = adj.index(of: node.id) else {
      return .table(Table(columns: ["type", "direction", "count"], rows: [], notes: none))
    }
    var counts: [String: (out: Int, in: Int)] = [:]
    for (_, t) in adj.outgoing(i) { counts[adj.typeName(t), default: (0, 0)].out += 1 }
    for (_, t) in adj.incoming(i) { counts[adj.typeName(t), default: (0, 0)].in += 1 }
    if let type { counts = counts.filter { $0.key == type } }
    var rows: [[Value]] = []
    for (type, c) in counts.sorted(by: { $0.key < $1.key }) {
      if c.out > 0 { rows.append([.string(type), .string("out"), .int(Int64(c.out))]) }
      if c.in > 0 { rows.append([.string(type), .string("in"), .int(Int64(c.in))]) }
    }
    // The counts of one type: where the relations themselves are.
    let each =
      type.map { "each one with its source: relations \(Shell.quoteIfNeeded(name)) --type \($0) --explain" }
    return .table(
      Table(
        columns: ["type", "direction", "count"], rows: rows,
        notes: rows.isEmpty ? none : (each.map { [$0] } ?? [])))
  }

  /// The note of an entity without relations (of one type): how to add one.
  static func noRelations(_ node: Node, type: String?) -> String {
    "\(node.name) has no \(type.map { "\($0) " } ?? "")relations; "
      + "link \(Shell.quoteIfNeeded(node.key)) TYPE ENTITY --source SOURCE adds one"
  }

  /// The relation type as the graph spells it (`listed_on` is LISTED_ON); an unknown one
  /// is refused with the nearest.
  static func knownType(_ typed: String, _ session: Session) throws -> String {
    let types = try session.store.edgeTypes()
    if types.contains(typed) { return typed }
    let normal = Names.relationType(typed)
    if types.contains(normal) { return normal }
    throw KgshError.notFound(
      "relation type", typed, suggestions: Names.suggestions(for: typed, among: types, limit: 1),
      hint: "relations lists the types")
  }

  /// Each relation of `node`, leaving ones first: its id, direction, type, the entity at the
  /// other end, and its source.
  static func explained(_ node: Node, _ session: Session) throws -> Table {
    let (outgoing, incoming) = try session.store.edges(of: node.id)
    let rows = (outgoing.map { ($0, $1, "out") } + incoming.map { ($0, $1, "in") }).map {
      edge, other, direction in
      [
        edge.key.map(Value.string) ?? .null, .string(direction), .string(edge.type), .entity(other.ref),
        edge.provenance.source.map(Value.string) ?? .null, edge.provenance.asOf.map(Value.string) ?? .null,
      ]
    }
    var table = Table(columns: ["edge", "direction", "type", "entity", "source", "as_of"], rows: rows)
    // In a narrow terminal: which id is which relation, and its date (a pipe shows the sources).
    table.narrowColumns = ["direction", "type", "entity", "edge", "as_of"]
    return table
  }
}
