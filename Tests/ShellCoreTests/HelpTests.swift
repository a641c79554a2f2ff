import ShellTesting
import XCTest

@testable import ShellCore

/// Help text wraps at word boundaries to the width and lists --format once.
final class HelpTests: XCTestCase {
  let signature = Signature(
    "widget",
    summary: "Make widgets from parts, with a summary long enough to need wrapping at sixty columns",
    parameters: [
      ParameterSpec(
        name: "parts", type: .text, role: .positional(optional: false, variadic: true), help: "parts"),
      ParameterSpec(name: "currency", type: .currency, role: .option, help: "show prices in this currency"),
      ParameterSpec(name: "chart", type: .toggle, role: .option, help: "add a bar chart"),
      ParameterSpec(
        name: "period", type: .choice(["month", "year"]), role: .option, help: "per month or year"),
      ParameterSpec(name: "as-of", type: .date, role: .option, help: "prices as of this date"),
    ],
    help: """
      Widgets are assembled from the parts in order; a part that is missing is reported with the
      name of the nearest part that exists.

        labels          Company, Lab, Investor, Fund, Person, Model, Product, Plan, Platform, Exchange
      智谱的编码套餐价格是按月计算的，年付按十二个月平均，首月优惠价格不计入比较结果之中。
      """,
    examples: [Example("widget a b --currency CNY --period year --chart", "two parts, yearly, in yuan")])

  func testLinesFitAndWordsAreNotCut() {
    for width in [60, 100] {
      let text = Help.text(for: signature, width: width)
      for line in text.split(separator: "\n") {
        XCTAssertLessThanOrEqual(TextWidth.of(String(line)), width, "\(line)")
      }
      // Every usage line holds whole bracketed options.
      let usage = text.split(separator: "\n").drop { !$0.hasPrefix("usage:") }.prefix { !$0.isEmpty }
      for line in usage {
        XCTAssertEqual(line.filter { $0 == "[" }.count, line.filter { $0 == "]" }.count, "\(line)")
      }
      XCTAssertTrue(text.contains("[--currency CURRENCY]"), text)
      XCTAssertEqual(text.components(separatedBy: "--format").count, 2, "--format once:\n\(text)")
      XCTAssertTrue(text.contains("global options (any command):\n  --format F"), text)
      XCTAssertTrue(text.contains("智谱"))
    }
    let narrow = Help.text(for: signature, width: 60)
    XCTAssertTrue(narrow.contains("\n  to need wrapping at sixty columns"), narrow)
    XCTAssertTrue(narrow.contains("  labels          Company,"), narrow)
  }

  func testWrapBreaksAtSpacesAndBetweenChineseCharacters() {
    XCTAssertEqual(Help.wrap("alpha beta gamma", width: 11, indent: 2), ["alpha beta", "  gamma"])
    XCTAssertEqual(Help.wrap("价格是一比六", width: 6, indent: 0), ["价格是", "一比六"])
    XCTAssertEqual(Help.wrap("abcdefghij", width: 4, indent: 0), ["abcd", "efgh", "ij"])
  }

  func testOverviewGroupsCommandsByPlugin() throws {
    let t = try TestShell(plugins: [Plugin(name: "widgets", summary: "Widget tools", commands: [Widget()])])
    t.session.width = 60
    XCTAssertTrue(t.run("help"), t.errors)
    XCTAssertTrue(t.output.contains("\nwidgets — Widget tools\n  widget"), t.output)
    XCTAssertTrue(t.output.contains("\ncore — "), t.output)
    for line in t.output.split(separator: "\n") { XCTAssertLessThanOrEqual(TextWidth.of(String(line)), 60) }
  }

  /// `help json`, `help cypher`: a topic that is not a command shows the help that covers it,
  /// saying so; a topic whose command is not registered is an unknown command as before.
  func testATopicShowsTheHelpThatCoversIt() throws {
    let t = try TestShell(plugins: [])
    t.session.width = 200
    XCTAssertTrue(t.run("help json"), t.errors)
    XCTAssertTrue(
      t.output.hasPrefix(
        "format sets how every command's output prints; --format F sets it for one command; this is help format:\n\nformat — "
      ), t.output)
    XCTAssertFalse(t.run("help cypher"), "the query plugin is not loaded here")
    XCTAssertTrue(t.errors.contains("unknown command 'cypher'"), t.errors)
    // Tab offers the topics whose command is loaded, after the commands.
    XCTAssertEqual(t.shell.complete(line: "help js", cursor: 7).candidates, ["json", "jsonl"])
    XCTAssertEqual(t.shell.complete(line: "help cy", cursor: 7).candidates, [])
    XCTAssertEqual(t.shell.complete(line: "help fo", cursor: 7).candidates, ["format", "formats"])
  }

  func testDynamicAndPluginCompletion() throws {
    let t = try TestShell(plugins: [Plugin(name: "widgets", summary: "Widget tools", commands: [Widget()])])
    t.session.completionProviders["widget-parts"] = { _, _ in ["Big Gear", "Bolt"] }
    XCTAssertEqual(t.shell.complete(line: "widget B", cursor: 8).candidates, ["\"Big Gear\"", "Bolt"])
    XCTAssertEqual(t.shell.complete(line: "widget Big\\ G", cursor: 13).candidates, ["\"Big Gear\""])
    XCTAssertEqual(t.shell.complete(line: "widget Big\\ G", cursor: 13).start, 7)
    XCTAssertEqual(t.shell.complete(line: "widget x --owner wid", cursor: 20).candidates, ["widgets"])
  }
}

struct Widget: Command {
  static let parts = Param<[String]>.arguments("parts", .text, "parts").completing(.dynamic("widget-parts"))
  static let owner: Param<String?> = Param<String?>.option("owner", .text, "a plugin").completing(.plugin)
  let signature = Signature("widget", summary: "Make a widget", parameters: [parts.spec, owner.spec])
  func run(_ call: Call, _ session: Session) throws -> Output { .empty }
}
