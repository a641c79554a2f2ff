extension Int {
  /// The number with its noun: "1 node", "2 nodes" (`plural`: when not the noun and "s").
  /// Every message that counts something words it with this.
  public func counted(_ noun: String, plural: String? = nil) -> String {
    "\(self) \(self == 1 ? noun : plural ?? noun + "s")"
  }
}
