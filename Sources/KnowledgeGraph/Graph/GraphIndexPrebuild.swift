import Foundation

/// The graph index of an import into an empty graph, built and saved on a second thread
/// while the import's own thread stores the edges (the processor is otherwise idle then).
///
/// The index is built from what the import holds in memory: its nodes' ids and labels, the
/// edge types, and its edges in the order they are stored (`ImportedEdges`). Its stamp is
/// the one the graph will have once the edges are stored (the import checks that it has);
/// `save` has the file written under a temporary name beside the knowledge base, `finish`
/// (after the commit) renames it into place, and `cancel` (the import failed, or the stamp
/// is not the graph's) waits for the thread and removes the temporary file.
///
/// ```swift
/// let prebuild = GraphIndexPrebuild.start(stamp: stamp) { GraphIndex.build(...) }
/// prebuild.save(path: "kb.sqlite-graphindex")
/// // ... store the edges, COMMIT ...
/// let index = prebuild.finish()
/// ```
final class GraphIndexPrebuild {
  /// The stamp the graph has once the import's edges are stored.
  let stamp: String
  private let index: Background<GraphIndex>
  /// The temporary file being written, and where it goes.
  private var file: (temporary: Background<String?>, path: String)?

  private init(stamp: String, index: Background<GraphIndex>) {
    self.stamp = stamp
    self.index = index
  }

  /// Starts `build` on another thread, for the graph that will have `stamp`.
  static func start(stamp: String, _ build: @escaping @Sendable () -> GraphIndex) -> GraphIndexPrebuild {
    GraphIndexPrebuild(stamp: stamp, index: Background(build))
  }

  /// Has the index written to a temporary file beside `path` (on another thread, once it is
  /// built). Call at most once.
  func save(path: String) {
    let (index, stamp) = (self.index, self.stamp)
    file = (Background { GraphIndexFile.writeTemporary(index.value, stamp: stamp, path: path) }, path)
  }

  /// After the commit: waits for the index (and its file, when `save` was called), puts the
  /// file in place, and answers the index.
  func finish() -> GraphIndex {
    if let file, let temporary = file.temporary.value { GraphIndexFile.install(temporary, at: file.path) }
    file = nil
    return index.value
  }

  /// The import failed: waits for the thread and removes the temporary file.
  func cancel() {
    _ = index.value
    if let temporary = file?.temporary.value { unlink(temporary) }
    file = nil
  }
}
