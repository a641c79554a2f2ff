/// What a `Matcher` resolves once per relationship and per node variable of its pattern, so
/// that its inner loops do no string hashing.
extension Matcher {
  /// A relationship's row slots, single type and shape, as plain values: the inner loops
  /// copy one without reference counting. Its endpoint checks are in `relChecks`.
  struct RelInfo {
    let slot: Int
    let leftSlot: Int
    let rightSlot: Int
    let singleType: Int32?
    let direction: Direction
    let fixedLength: Bool
    /// No property constraints: a typed range needs no further checks per edge.
    let plain: Bool
    /// Every node passes the check of that end (`NodeCheck.passesAll`).
    let leftPasses: Bool
    let rightPasses: Bool
  }

  /// What a node must satisfy, resolved once per node variable.
  final class NodeCheck {
    let labels: [Int32]?
    let spec: MatchPlan.NodeSpec?
    let needsProperties: Bool
    /// Every node passes (no labels, no properties): the inner loops skip the check.
    let passesAll: Bool

    init(labels: [Int32]?, spec: MatchPlan.NodeSpec?, needsProperties: Bool) {
      self.labels = labels
      self.spec = spec
      self.needsProperties = needsProperties
      passesAll = labels?.isEmpty == true && !needsProperties
    }
  }
}
