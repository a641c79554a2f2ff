import Foundation
import KnowledgeGraph
import Synchronization
import XCTest

@testable import Team

/// Many writers against one server. CI runs a small version; `KGSH_TEAM_LOAD=1` runs the
/// issue's: 20 writers x 1,000 changes, each change its own push (as after each write in
/// the shell), then a pull of 100,000 changes into an empty knowledge base, and NOTIFY latency.
/// The figures are printed (`team figure: ...`), never asserted.
final class TeamLoadTests: XCTestCase {
  var full: Bool { ProcessInfo.processInfo.environment["KGSH_TEAM_LOAD"] == "1" }

  func testConcurrentWritersLoseNothingAndPullsCatchUp() throws {
    let cluster = try PostgresCluster.start()
    defer { cluster.stop() }
    try cluster.createDatabase("load")
    let url = cluster.url(database: "load")
    var parsed = try TeamAddress.parse(url, environment: [:], passwordFile: "")
    parsed.password = PostgresCluster.ownerPassword
    let address = parsed
    let owner = try TeamServer.connect(address)
    defer { owner.close() }
    _ = try owner.migrate()

    let writers = full ? 20 : 4
    let each = full ? 1_000 : 50
    let acknowledged = Mutex<[String]>([])
    let failures = Mutex<[String]>([])
    let started = Date()
    DispatchQueue.concurrentPerform(iterations: writers) { w in
      do {
        let server = try TeamServer.connect(address)
        defer { server.close() }
        for i in 0..<each {
          let r = Self.record(author: "writer\(w)", key: "w\(w)-\(i)")
          if try server.push([r]) == 1 { acknowledged.withLock { $0.append(r.id) } }
        }
      } catch {
        failures.withLock { $0.append(KgshError.describe(error)) }
      }
    }
    let seconds = Date().timeIntervalSince(started)
    XCTAssertEqual(failures.withLock { $0 }, [])
    let ids = acknowledged.withLock { $0 }
    XCTAssertEqual(ids.count, writers * each)
    print(
      "team figure: \(writers) writers x \(each) pushes of 1 change: \(ids.count) in \(String(format: "%.2f", seconds)) s = "
        + "\(Int(Double(ids.count) / seconds)) changes/s")

    // Every acknowledged change is on the server once: count and an order-free checksum.
    let pulled = try owner.changes(after: 0, limit: 10_000_000)
    XCTAssertEqual(pulled.count, ids.count)
    XCTAssertEqual(Set(pulled.map(\.record.id)).count, pulled.count, "no record twice")
    XCTAssertEqual(Self.checksum(pulled.map(\.record.id)), Self.checksum(ids))
    XCTAssertEqual(pulled.map(\.seq), Array(pulled.map(\.seq)).sorted(), "seq grows")

    // Top up to the pull size with batched pushes, then time a pull into an empty knowledge base.
    let target = full ? 100_000 : 2_000
    var batchStart = Date()
    var topped = 0
    while pulled.count + topped < target {
      let n = min(10_000, target - pulled.count - topped)
      let batch = (0..<n).map { Self.record(author: "batch", key: "b\(topped + $0)") }
      batchStart = Date()
      XCTAssertEqual(try owner.push(batch), n)
      print("team figure: one push of \(n) changes in \(String(format: "%.2f", Date().timeIntervalSince(batchStart))) s")
      topped += n
    }
    let store = try KnowledgeStore.inMemory()
    try TeamState.prepare(store)
    let link = TeamLink(address: address) { _ in }
    defer { link.close() }
    let pullStart = Date()
    let result = try link.pull(store)
    let pullSeconds = Date().timeIntervalSince(pullStart)
    XCTAssertEqual(result.merged.count, target)
    XCTAssertEqual(try store.changeCount(), target)
    print("team figure: pull of \(target) changes into an empty knowledge base in \(String(format: "%.2f", pullSeconds)) s")

    try notifyLatency(address, owner, rounds: full ? 50 : 5)
  }

  /// From the start of a one-change push to the listener's pipe becoming readable: the
  /// notification is sent at COMMIT, before the pusher has the server's answer, so this is the
  /// whole way from a writer's push to a listener, round trips included.
  func notifyLatency(_ address: TeamAddress, _ owner: TeamServer, rounds: Int) throws {
    let listener = try XCTUnwrap(TeamListener.start(address))
    defer { listener.stop() }
    Thread.sleep(forTimeInterval: 0.5)
    var toListener: [Double] = []
    var toPusher: [Double] = []
    for i in 0..<rounds {
      var drain = [UInt8](repeating: 0, count: 64)
      _ = read(listener.descriptor, &drain, drain.count)
      let start = DispatchTime.now().uptimeNanoseconds
      let heard = Stamp()
      let descriptor = listener.descriptor
      let waiter = Thread {
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        if poll(&fds, 1, 10_000) == 1 { heard.at = DispatchTime.now().uptimeNanoseconds }
      }
      waiter.start()
      _ = try owner.push([Self.record(author: "notify", key: "n\(i)")])
      toPusher.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      while waiter.isExecuting || !waiter.isFinished { usleep(100) }
      let at = try XCTUnwrap(heard.at, "the listener heard push \(i)")
      toListener.append(Double(at - start) / 1e6)
    }
    func median(_ xs: [Double]) -> String { String(format: "%.2f", xs.sorted()[xs.count / 2]) }
    print(
      "team figure: over \(rounds) one-change pushes, median \(median(toPusher)) ms until the pusher has the "
        + "commit, \(median(toListener)) ms until the listener is woken by NOTIFY")
  }

  static func record(author: String, key: String) -> ChangeRecord {
    ChangeRecord(
      id: UUID().uuidString.lowercased(), kind: .assert, targetType: .source, target: key, entity: nil,
      payload: .map(["key": .string(key), "title": .string("Load \(key)")]), author: author,
      time: "2026-12-01T00:00:00.000Z", layer: .user)
  }

  /// FNV-1a of each id, summed: the same for the same set in any order.
  static func checksum(_ ids: [String]) -> UInt64 {
    ids.reduce(0) { sum, id in
      sum &+ id.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
  }
}

/// Written by the waiting thread before it finishes, read after.
private final class Stamp: @unchecked Sendable {
  var at: UInt64?
}
