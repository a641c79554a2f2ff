/// The version of the plugin protocol, separate from kgsh's own version.
///
/// Peers with the same major version talk; a newer minor version only adds optional
/// fields and messages, which the other side ignores.
public struct ProtocolVersion: Sendable, Comparable, CustomStringConvertible {
  public var major: Int
  public var minor: Int

  /// The version this build of kgsh and KgshPluginKit speak.
  public static let current = ProtocolVersion(major: 1, minor: 1)

  /// The first version with typed engine calls (`resolve`, `card`, `facts`, `neighbors`,
  /// `path`, `match`, `query`, `create` with an `args` object) and SQL over the `kg_*_v1`
  /// views only. A peer below it gets the 1.0 calls.
  public static let typedCalls = ProtocolVersion(major: 1, minor: 1)

  public init(major: Int, minor: Int) {
    self.major = major
    self.minor = minor
  }

  /// Parses `"1.0"` (a missing minor counts as 0); nil for anything else.
  public init?(_ text: String) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let major = Int(parts[0]), major >= 0 else { return nil }
    let minor = parts.count == 2 ? Int(parts[1]) : 0
    guard let minor, minor >= 0 else { return nil }
    self.init(major: major, minor: minor)
  }

  public var description: String { "\(major).\(minor)" }

  /// Whether a peer speaking `other` can talk to this version.
  public func isCompatible(with other: ProtocolVersion) -> Bool { major == other.major }

  public static func < (a: ProtocolVersion, b: ProtocolVersion) -> Bool {
    (a.major, a.minor) < (b.major, b.minor)
  }
}

/// Optional capabilities named in `hello`. Unknown names are ignored by both sides.
public enum Feature {
  /// The plugin may call back into kgsh while a `run` is in flight (see `EngineRequest`).
  public static let engineCalls = "engine-calls"
  /// The plugin may change the knowledge base (the `create` call), unless kgsh runs with --read-only.
  public static let write = "write"
  /// kgsh sends `cancel` when the user presses Ctrl-C.
  public static let cancel = "cancel"
}
