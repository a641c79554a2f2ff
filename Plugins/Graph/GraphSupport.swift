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
    let node = try session.resolve(name)
    guard let i = adj.index(of: node.id) else { throw ShellError("'\(node.name)' is not in the graph index") }
    return i
  }

  /// Type ids of `--rel A,B`; nil when the flag is absent. Unknown types are an error.
  func types(_ call: Call) throws -> Set<Int32>? {
    let names = call.list("rel")
    guard !names.isEmpty else { return nil }
    var ids = Set<Int32>()
    for name in names {
      let id = adj.typeID(name) ?? adj.typeID(name.uppercased())
      guard let id else {
        let near = Names.suggestions(for: name, among: adj.typeNames)
        throw ShellError(
          "\(call.name): no relation type '\(name)'",
          hint: near.first.map { "did you mean \($0)? (see relations)" } ?? "see relations for the types")
      }
      ids.insert(id)
    }
    return ids
  }

  func filter(_ call: Call) throws -> EdgeFilter {
    EdgeFilter(
      types: try types(call), direction: TraversalDirection(rawValue: call.flag("dir") ?? "both") ?? .both)
  }

  func typeName(_ t: Int32) -> String { adj.typeName(t) }

  /// A node's key, name and labels (graph commands never need its properties).
  mutating func node(_ i: Int32) throws -> Node {
    if let n = cache[i] { return n }
    guard let n = try session.store.nodeHeads(ids: [adj.nodeIDs[Int(i)]]).values.first else {
      throw ShellError("node \(adj.nodeIDs[Int(i)]) vanished")
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

  /// `A -[T]-> B <-[U]- C`
  mutating func describe(_ path: GraphPath) throws -> String {
    var text = try name(path.nodes[0])
    for (k, hop) in path.hops.enumerated() {
      let t = typeName(hop.type)
      text += hop.forward ? " -[\(t)]-> " : " <-[\(t)]- "
      text += try name(path.nodes[k + 1])
    }
    return text
  }

  /// Labels of nodes, for `--label` filters over many nodes at once.
  func nodes(withLabel label: String) throws -> Set<Int32> {
    var out = Set<Int32>()
    for n in try session.store.nodes(label: label) { if let i = adj.index(of: n.id) { out.insert(i) } }
    return out
  }
}

/// A bounded number flag: a clear error outside `range`.
func boundedInt(_ call: Call, _ flag: String, _ range: ClosedRange<Int>) throws -> Int {
  let v = call.int(flag) ?? range.lowerBound
  guard range.contains(v) else {
    throw ShellError(
      "\(call.name): --\(flag) must be between \(range.lowerBound) and \(range.upperBound), not \(v)",
      hint: "e.g. --\(flag) \(min(range.upperBound, 2))")
  }
  return v
}

let relFlag = Flag("rel", "only these relation types (comma-separated)", completion: .relationType)
let dirFlag = Flag(
  "dir", "follow edges out of, into, or both ways", kind: .choice(["out", "in", "both"]), default: "both")
