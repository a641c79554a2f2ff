import Dispatch
import Foundation

/// The rows of an edges file as read, before their ends are node ids.
struct RawEdges: Equatable {
  /// The rows in file order. `src` and `dst` are key codes: a key that is a small canonical
  /// decimal is its value (its `ImportKeyMap` slot, >= 0), any other key is `-1 - k` for
  /// `keys[k]`. `type` is a position in `typeNames`; `props` one in `props` (-1: none).
  var rows: [PendingEdges.Row] = []
  /// The line each row starts on.
  var lines: [Int32] = []
  /// The keys that are not small decimals, each once.
  var keys: [String] = []
  var typeNames: [String] = []
  var props: [String] = []
  /// The error of the header or of the first bad row: every row before it is in `rows`.
  var failure: KgshError?
  /// Whether `src` and `dst` are positions in the import's nodes file instead of key codes
  /// (see `placeEnds`).
  var endsAreNodePositions = false
}

/// Reads an edges file on a second thread, so that reading, splitting and checking its rows
/// overlaps the storing of the nodes. Node ids are not known yet: the rows keep their keys,
/// and `GraphImporter.resolveEdges` turns them into ids afterwards, in file order, so the
/// first bad row is still the one reported.
///
/// ```swift
/// let reader = EdgeFileReader.start(try CSVReader(path: "edges.csv"), defaultType: "RELATED_TO")
/// // ... store the nodes ...
/// let raw = reader.take()
/// ```
final class EdgeFileReader: @unchecked Sendable {
  private let lock = NSLock()
  private let finished = DispatchSemaphore(value: 0)
  private var cancelled = false
  private var result: RawEdges?

  /// Starts reading `file` on another thread; with `nodes`, the nodes file of the same
  /// import, the rows' ends are then placed among its nodes and sorted (`placeEnds`).
  static func start(_ file: CSVReader, defaultType: String, nodes: CSVReader? = nil) -> EdgeFileReader {
    let reader = EdgeFileReader()
    DispatchQueue.global(qos: .userInitiated).async {
      let isCancelled = { reader.lock.withLock { reader.cancelled } }
      var raw = read(file, defaultType: defaultType, isCancelled: isCancelled)
      if let nodes { _ = raw.placeEnds(amongNodesOf: nodes, isCancelled: isCancelled) }
      reader.lock.withLock { reader.result = raw }
      reader.finished.signal()
    }
    return reader
  }

  /// Waits for the reading to end and hands over its rows (once; later calls get none).
  func take() -> RawEdges {
    finished.wait()
    finished.signal()
    return lock.withLock {
      defer { result = nil }
      return result ?? RawEdges()
    }
  }

  /// Stops the reading at its next check and waits for the thread to end.
  func cancel() {
    lock.withLock { cancelled = true }
    finished.wait()
    finished.signal()
  }

  /// Reads and checks the rows of `file` (header, field counts, quoting); stops at the first
  /// bad one, or when `isCancelled` says so (checked every 8,192 rows).
  static func read(_ file: CSVReader, defaultType: String, isCancelled: () -> Bool = { false }) -> RawEdges {
    var raw = RawEdges()
    var header: [String] = []
    var src = 0, dst = 1, typeColumn: Int? = nil
    var propertyColumns: [Int] = []
    var keyCodes: [String: Int64] = [:]
    var typePositions: [String: Int32] = [:]
    var lastType: (name: String?, position: Int32) = (nil, 0)
    func code(_ key: String) -> Int64 {
      if let slot = ImportKeyMap.slot(key) { return Int64(slot) }
      if let known = keyCodes[key] { return known }
      raw.keys.append(key)
      keyCodes[key] = -Int64(raw.keys.count)
      return -Int64(raw.keys.count)
    }
    do {
      try file.forEachRecord { fields, line, _ in
        if header.isEmpty {
          header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
          guard let s = GraphImporter.column(header, GraphImporter.sourceColumns),
            let d = GraphImporter.column(header, GraphImporter.targetColumns)
          else {
            throw GraphImporter.failure(
              file, line, "the header needs src and dst columns (found: \(header.joinedText(", ")))",
              hint: GraphImporter.headerHint(header, file: file.path, nodes: false))
          }
          (src, dst) = (s, d)
          typeColumn = GraphImporter.column(header, ["type", "relation", ":type", "rel"])
          propertyColumns = GraphImporter.propertyColumns(header, skip: [src, dst, typeColumn])
          return
        }
        guard fields.count == header.count else {
          throw GraphImporter.failure(file, line, "expected \(header.count) fields, found \(fields.count)")
        }
        let typeName = typeColumn.map { fields[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? defaultType
        // Rows of one type usually come together: the last one is compared before hashing.
        if typeName != lastType.name {
          let position = typePositions[typeName] ?? Int32(raw.typeNames.count)
          if position == raw.typeNames.count {
            raw.typeNames.append(typeName)
            typePositions[typeName] = position
          }
          lastType = (typeName, position)
        }
        var props: Int32 = -1
        if let object = GraphImporter.properties(fields, header, columns: propertyColumns) {
          props = Int32(raw.props.count)
          raw.props.append(object)
        }
        raw.rows.append(
          PendingEdges.Row(
            src: code(fields[src]), dst: code(fields[dst]), type: lastType.position, props: props))
        raw.lines.append(Int32(truncatingIfNeeded: line))
        if raw.rows.count % 8192 == 0, isCancelled() { throw CancellationError() }
      }
    } catch let error as KgshError {
      raw.failure = error
    } catch {
      raw.failure = KgshError.interrupted
    }
    if raw.failure == nil, header.isEmpty {
      raw.failure = GraphImporter.noHeader(file, example: "src,type,dst")
    }
    return raw
  }
}
