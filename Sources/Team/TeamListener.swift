import Foundation
import PostgresNIO

/// LISTENs for pushes on its own connection and makes a pipe readable when one arrives, so
/// that a waiting line editor wakes up. Reconnects every few seconds while the server is away
/// (and wakes the reader once back, since notifications sent meanwhile are lost).
public final class TeamListener: @unchecked Sendable {
  /// Readable when something was pushed: poll it, then drain it.
  public let descriptor: Int32
  private let writeEnd: Int32
  private var task: Task<Void, Never>?

  private init(read: Int32, write: Int32) {
    descriptor = read
    writeEnd = write
  }

  /// Starts listening in the background; nil when no pipe could be made.
  public static func start(_ address: TeamAddress) -> TeamListener? {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return nil }
    _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
    _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
    let listener = TeamListener(read: ends[0], write: ends[1])
    guard let configuration = try? address.configuration() else { return nil }
    listener.task = Task.detached { [writeEnd = ends[1]] in
      var first = true
      while !Task.isCancelled {
        do {
          let c = try await PostgresConnection.connect(configuration: configuration, id: 2, logger: TeamServer.logger)
          if !first { TeamListener.wake(writeEnd) }
          first = false
          do {
            try await c.listen(on: ServerSchema.channel) { notifications in
              for try await _ in notifications { TeamListener.wake(writeEnd) }
            }
          } catch {}
          // Closed before it is released, also when the listener is stopped.
          try? await c.close()
        } catch {}
        try? await Task.sleep(nanoseconds: 3_000_000_000)
      }
    }
    return listener
  }

  static func wake(_ fd: Int32) {
    var byte: UInt8 = 1
    _ = write(fd, &byte, 1)
  }

  public func stop() {
    task?.cancel()
    close(descriptor)
    close(writeEnd)
  }
}
