extension Sequence where Element: StringProtocol {
  /// The strings with `separator` between them, as `joined(separator:)` makes them. kgsh
  /// joins text with this, not with the standard library's `joined`: that one is compiled
  /// once, generically, and its first call in a process resolves an associated type at run
  /// time, which scans every protocol conformance of the binary (~0.37 M instructions: a
  /// tenth of `kgsh -c 'echo hi'`). This one is specialized where it is called.
  @inlinable
  public func joinedText(_ separator: String = "") -> String {
    var out = ""
    appendJoined(separator, to: &out)
    return out
  }

  /// Appends the strings to `out`, with `separator` between them.
  @inlinable
  func appendJoined(_ separator: String, to out: inout String) {
    var first = true
    for text in self {
      if !first { out += separator }
      first = false
      out += text
    }
  }
}

extension Collection where Element: StringProtocol {
  /// `joinedText` for a collection: the result's storage is reserved once, as the library's
  /// `joined` does.
  @inlinable
  public func joinedText(_ separator: String = "") -> String {
    var bytes = separator.utf8.count * Swift.max(0, count - 1)
    for text in self { bytes += text.utf8.count }
    var out = ""
    out.reserveCapacity(bytes)
    appendJoined(separator, to: &out)
    return out
  }
}
