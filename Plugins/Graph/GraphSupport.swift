import Foundation
import KnowledgeGraph
import ShellCore

/// Shared plumbing of the graph commands: resolving names to graph index positions, parsing
/// `--rel`/`--dir`, and naming nodes.
struct GraphContext {
  let session: Session
  let adj: GraphIndex
  private var cache: [Int32: Node] = [:]

  init(_ session: Session) throws {
    self.session = session
    self.adj = try session.store.graphIndex()
  }

  /// The graph index position of a name typed by the user (resolution errors come from the session).
  func index(_ name: String) throws -> Int32 {
    let id = try session.resolveID(name)
    guard let i = adj.index(of: id) else {
      throw KgshError(.notFound, "'\(name)' is not in the graph index", hint: "run the command again")
    }
    return i
  }

  /// Type ids of `--rel A,B`; nil when the option is absent. Unknown types are an error.
  func types(_ call: Call) throws -> Set<Int32>? {
    let names = (call[GraphParams.rel] ?? "").split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    guard !names.isEmpty else { return nil }
    var ids = Set<Int32>()
    for name in names {
      guard let id = adj.typeID(name) ?? adj.typeID(Names.relationType(name)) else {
        throw KgshError.notFound(
          "relation type", name, suggestions: Names.suggestions(for: name, among: adj.typeNames, limit: 1),
          hint: "see relations for the types")
      }
      ids.insert(id)
    }
    return ids
  }

  /// The edges `--rel` and `--dir` allow.
  func filter(_ call: Call) throws -> EdgeFilter {
    EdgeFilter(
      types: try types(call), direction: TraversalDirection(rawValue: call[GraphParams.dir]) ?? .both)
  }

  /// A hop as a relationship pattern seen from `from`: `-[TYPE]->` when the edge points away
  /// from it, `<-[TYPE]-` when it points at it.
  func pattern(_ type: Int32, pointsAway: Bool) -> Value {
    let t = typeName(type)
    return .string(pointsAway ? "-[\(t)]->" : "<-[\(t)]-")
  }

  func typeName(_ t: Int32) -> String { adj.typeName(t) }

  /// A node's key, name and labels (graph commands never need its properties).
  mutating func node(_ i: Int32) throws -> Node {
    if let n = cache[i] { return n }
    guard let n = try session.store.nodeHeads(ids: [adj.nodeIDs[Int(i)]]).values.first else {
      throw KgshError(.notFound, "node \(adj.nodeIDs[Int(i)]) was deleted", hint: "run the command again")
    }
    cache[i] = n
    return n
  }

  /// Loads many nodes in one query, so naming thousands of rows does not cost a query each.
  mutating func prefetch(_ indices: [Int32]) throws {
    let missing = indices.filter { cache[$0] == nil }
    guard !missing.isEmpty else { return }
    let nodes = try session.store.nodeHeads(ids: missing.map { adj.nodeIDs[Int($0)] })
    for i in missing { if let n = nodes[adj.nodeIDs[Int(i)]] { cache[i] = n } }
  }

  mutating func name(_ i: Int32) throws -> String { try node(i).name }

  /// Labels of nodes, for `--label` filters over many nodes at once.
  func nodes(withLabel label: String) throws -> Set<Int32> {
    // The index lists each label's members: no entity is read (a label of a big graph has
    // hundreds of thousands).
    guard let l = adj.labelIndex[label] else { return [] }
    return Set(adj.labelMembers[Int(l)])
  }
}

/// The options every traversal shares.
enum GraphParams {
  static let rel: Param<String?> = .option(
    "rel", .relationType, "only these relation types (comma-separated)")
  static let dir = Param.option(
    "dir", .choice(["out", "in", "both"]), default: "both", "follow edges out of, into, or both ways")
  static let label: Param<String?> = .option("label", .label, "only entities with this label")
}
