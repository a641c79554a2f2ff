/// What a `Matcher` resolves once per relationship and per node variable of its pattern, so
/// that its inner loops do no string hashing.
extension Matcher {
  /// A class: the inner loops take one reference to it, where copying a struct of arrays
  /// and optionals cost hundreds of instructions a step.
  final class RelInfo {
    let slot: Int
    let leftSlot: Int
    let rightSlot: Int
    let leftCheck: NodeCheck
    let rightCheck: NodeCheck
    let singleType: Int32?
    let direction: Direction
    let fixedLength: Bool
    /// No property constraints: a typed range needs no further checks per edge.
    let plain: Bool

    init(
      slot: Int, leftSlot: Int, rightSlot: Int, leftCheck: NodeCheck, rightCheck: NodeCheck,
      singleType: Int32?,
      direction: Direction, fixedLength: Bool, plain: Bool
    ) {
      self.slot = slot
      self.leftSlot = leftSlot
      self.rightSlot = rightSlot
      self.leftCheck = leftCheck
      self.rightCheck = rightCheck
      self.singleType = singleType
      self.direction = direction
      self.fixedLength = fixedLength
      self.plain = plain
    }
  }

  struct RelFast {
    let slot: Int
    let leftSlot: Int
    let rightSlot: Int
    let singleType: Int32?
    let direction: Direction
    let fixedLength: Bool
    let plain: Bool
    /// Every node passes the check of that end (`NodeCheck.passesAll`).
    let leftPasses: Bool
    let rightPasses: Bool

    init(_ info: RelInfo) {
      slot = info.slot
      leftSlot = info.leftSlot
      rightSlot = info.rightSlot
      singleType = info.singleType
      direction = info.direction
      fixedLength = info.fixedLength
      plain = info.plain
      leftPasses = info.leftCheck.passesAll
      rightPasses = info.rightCheck.passesAll
    }
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
