import KnowledgeGraph
import PluginProtocol

/// The store's records as the wire's typed records (protocol 1.1 engine calls).
enum RecordMapping {
  static func entity(_ node: Node, full: Bool = true) -> WireEntity {
    WireEntity(
      key: node.key, name: node.name, labels: node.labels, description: full ? node.description : nil)
  }

  static func fact(_ fact: Fact, entity: String) -> WireFact {
    WireFact(
      key: fact.key, entity: entity, predicate: fact.predicate, value: WireMapping.wire(fact.value),
      text: fact.rawValue, valueType: fact.valueType, unit: fact.unit, currency: fact.currency,
      qualifier: fact.qualifier, asOf: fact.provenance.asOf, source: fact.provenance.source,
      quote: fact.provenance.quote, status: fact.provenance.status, note: fact.note)
  }

  static func relation(_ edge: Edge, other: Node, direction: WireDirection) -> WireRelation {
    WireRelation(
      direction: direction, type: edge.type, other: entity(other, full: false),
      props: edge.props.isEmpty ? nil : edge.props.mapValues(WireMapping.wire), asOf: edge.provenance.asOf,
      source: edge.provenance.source, quote: edge.provenance.quote)
  }

  static func source(_ source: Source, citations: Int) -> WireSource {
    WireSource(
      key: source.key, kind: source.kind, title: source.title, publisher: source.publisher, url: source.url,
      published: source.published, reliability: source.reliability, citations: citations)
  }

  static func direction(_ forward: Bool) -> WireDirection { forward ? .out : .in }
}
