import Foundation
import KnowledgeGraph
import PluginProtocol
import ShellCore
import XCTest

@testable import ExternalPlugins

/// The host's side: signatures and outputs mapped onto the shell's, the registry file, and
/// the checks `plugin add` makes.
final class HostMappingTests: XCTestCase {
  func testSignatureMapsOntoTheShellsModel() {
    let wire = WireSignature(
      "news", summary: "News",
      arguments: [
        WireArgument("who", "an entity", completion: .entity),
        WireArgument("more", "", optional: true, variadic: true),
      ],
      flags: [
        WireFlag("limit", "N", kind: "int", default: "10"),
        WireFlag("kind", "", kind: "choice", choices: ["All", "x"]),
        WireFlag("quiet", "", kind: "bool"),
      ],
      examples: [WireExample("news 智谱", "Zhipu", expect: "2026")])
    let sig = SignatureMapping.signature(wire)
    XCTAssertEqual(sig.usage, "news WHO [MORE...] [--limit N] [--kind all|x] [--quiet]")
    XCTAssertEqual(sig.arguments[0].completion, .entity)
    XCTAssertEqual(sig.flags[0].defaultValue, "10")
    XCTAssertEqual(sig.examples.first?.expect, "2026")
  }

  func testInvalidDeclarationsAreRefusedWithThePluginsName() {
    func refused(_ commands: [WireSignature], features: [String] = []) -> String {
      do {
        try SignatureMapping.validate(commands, plugin: "p", features: features)
        return ""
      } catch { return KgshError.describe(error) }
    }
    XCTAssertTrue(refused([]).contains("plugin p declares no commands"))
    XCTAssertTrue(
      refused([WireSignature("bad name!", summary: "")]).contains("'bad name!' is not a valid command name"))
    XCTAssertTrue(
      refused([WireSignature("a", summary: ""), WireSignature("a", summary: "")]).contains(
        "declares 'a' twice"))
    XCTAssertTrue(
      refused([WireSignature("a", summary: "", flags: [WireFlag("f", "", kind: "float")])]).contains(
        "flag --f of a is invalid"))
    XCTAssertTrue(
      refused([WireSignature("w", summary: "", writes: true)]).contains("did not declare the write feature"))
    XCTAssertEqual(refused([WireSignature("w", summary: "", writes: true)], features: ["write"]), "")
    XCTAssertEqual(refused([WireSignature("plugin two", summary: "")]), "", "two-word subcommands are fine")
  }

  func testOutputsMapOntoTheShellsOutputs() throws {
    let table = WireOutput.table(
      ["who", "amount", "when"],
      [
        [
          .object(["$type": "entity", "key": "zhipu", "name": "Zhipu AI"]),
          .object(["$type": "money", "amount": "1.5", "currency": "USD"]),
          .object(["$type": "date", "value": "2025-07"]),
        ]
      ])
    guard case .table(let t) = try WireMapping.output(table, plugin: "p") else {
      return XCTFail("not a table")
    }
    XCTAssertEqual(t.rows[0][0], .entity(EntityRef(id: 0, key: "zhipu", name: "Zhipu AI")))
    XCTAssertEqual(t.rows[0][1], .money(Money(Decimal(string: "1.5")!, "USD")))
    XCTAssertEqual(t.rows[0][2], .date("2025-07"))
    guard case .record(let fields) = try WireMapping.output(.record([("b", 1), ("a", 2)]), plugin: "p") else {
      return XCTFail("not a record")
    }
    XCTAssertEqual(fields.map(\.0), ["b", "a"], "records keep their order")
    XCTAssertThrowsError(try WireMapping.output(.table(["a", "b"], [[1]]), plugin: "p")) { error in
      XCTAssertTrue(
        "\(error)".contains("plugin p returned a malformed table output: a row has 1 value for 2 columns"))
    }
    XCTAssertThrowsError(try WireMapping.output(WireOutput(type: "hologram"), plugin: "p"))
  }

  func testShellValuesGoOutAsTypedJSONAndComeBackTheSame() {
    for value: Value in [
      .date("2025"), .money(Money(2, "CNY")), .int(3), .list([.bool(true)]), .map(["a": .null]),
    ] {
      XCTAssertEqual(WireMapping.value(WireMapping.wire(value)), value)
    }
    XCTAssertEqual(
      WireMapping.wire(.entity(EntityRef(id: 7, key: "k", name: "N"))),
      .object(["$type": "entity", "key": "k", "name": "N"]))
  }

  func testRegistryFileRoundTripsAndADamagedOneSaysWhatToDo() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-reg-\(UUID())")
    let path = dir.appendingPathComponent("sub/plugins.json").path
    XCTAssertEqual(
      try PluginRegistryFile.load(path), PluginRegistryFile(), "a missing file is an empty registry")
    let record = PluginRecord(
      name: "news", path: "/x/kgsh-plugin-news", version: "1.0", protocol: "1.0", features: [],
      commands: [WireSignature("news", summary: "News")])
    try PluginRegistryFile(plugins: [record]).save(path)
    XCTAssertEqual(try PluginRegistryFile.load(path).record(named: "NEWS"), record)
    try "{not json".write(toFile: path, atomically: true, encoding: .utf8)
    XCTAssertThrowsError(try PluginRegistryFile.load(path)) { error in
      XCTAssertTrue("\(error)".contains("the plugin registry \(path) is damaged"), "\(error)")
    }
  }

  func testPluginNamesComeFromTheFileName() {
    XCTAssertEqual(PluginHost.name(fromFile: "/a/kgsh-plugin-news"), "news")
    XCTAssertEqual(PluginHost.name(fromFile: "/a/kgsh-plugin-tool.py"), "tool")
    XCTAssertEqual(PluginHost.name(fromFile: "mine"), "mine")
  }
}
