#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One environment variable, read with `getenv`: `ProcessInfo.processInfo.environment`
/// copies the whole environment into a new dictionary on every call, and start-up asked
/// for single variables ten times.
package enum Environment {
  /// The value of `name`, nil when it is not set.
  package static func value(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }
}
