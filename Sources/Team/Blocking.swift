import Dispatch

/// Runs async work to completion from kgsh's synchronous commands: the calling thread
/// waits while the work runs on the concurrency pool. Never call it from async code.
enum Blocking {
  static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
      do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
      done.signal()
    }
    done.wait()
    return try box.result!.get()
  }
}

/// Written by the task before it signals, read after the wait: the semaphore orders them.
private final class ResultBox<T>: @unchecked Sendable {
  var result: Result<T, any Error>?
}
