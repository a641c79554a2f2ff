import Dispatch

/// A value computed on another thread while this one goes on; `value` waits for it.
///
/// ```swift
/// let order = Background { GraphImporter.byteOrder(norms) }
/// try labels.store(db, into: &report)  // meanwhile
/// for k in order.value { ... }
/// ```
final class Background<T>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var result: T?

  init(_ work: @escaping @Sendable () -> T) {
    DispatchQueue.global(qos: .userInitiated).async {
      self.result = work()
      self.done.signal()
    }
  }

  /// The value, once computed (the semaphore orders the write before this read).
  var value: T {
    done.wait()
    done.signal()
    return result!
  }
}
