import Foundation
import ShellTesting
import XCTest

/// Paths of the example plugins and a fresh home with plugins added, for the plugin tests.
enum PluginFixtures {
  static let news = Repository.root.appendingPathComponent("Plugins/Examples/python/kgsh-plugin-news").path
  static let faulty = Repository.root.appendingPathComponent("Plugins/Examples/faulty/kgsh-plugin-faulty")
    .path
  static let funding = Repository.root.appendingPathComponent(".build/debug/kgsh-plugin-funding").path

  /// A temporary home where `plugin add` has run for each path.
  static func home(adding paths: [String], environment: [String: String] = [:]) throws -> URL {
    let home = KgshProcess.temporaryHome()
    for path in paths {
      let r = try KgshProcess.run(["-c", "plugin add \(path)"], home: home, environment: environment)
      XCTAssertEqual(r.status, 0, r.stderr)
      XCTAssertTrue(r.stdout.contains("added plugin"), r.stdout)
    }
    return home
  }

  static func skipUnlessReady() throws {
    guard FileManager.default.isExecutableFile(atPath: Repository.kgsh.path) else {
      throw XCTSkip("kgsh is not built at \(Repository.kgsh.path)")
    }
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/env"),
      (try? KgshProcess.run(["-c", "echo ok"]))?.status == 0
    else { throw XCTSkip("kgsh does not run here") }
  }
}

/// Third-party plugins from `plugin add` to `plugin remove`, through the built kgsh.
final class ExternalPluginTests: XCTestCase {
  override func setUpWithError() throws { try PluginFixtures.skipUnlessReady() }

  func testPythonPluginRunsInScriptsWithHelpJsonAndPipelines() throws {
    let home = try PluginFixtures.home(adding: [PluginFixtures.news])
    let script = home.appendingPathComponent("news.kgsh")
    try """
    news 智譜 --limit 2
    help news
    news Zhipu --limit 1 --format json
    list Company | first 2 | annotate
    plugins
    """.write(to: script, atomically: true, encoding: .utf8)
    let r = try KgshProcess.run([script.path], home: home)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("listing date: 2026-01-08"), r.stdout)
    XCTAssertTrue(
      r.stdout.contains("usage: news ENTITY [--limit N] [--kind all|funding|listing|product]"), r.stdout)
    XCTAssertTrue(r.stdout.contains(#""headline": "listing date: 2026-01-08""#), r.stdout)
    XCTAssertTrue(r.stdout.contains("latest news"), r.stdout)
    XCTAssertTrue(r.stdout.contains("external"), r.stdout)
    XCTAssertTrue(r.stdout.contains("user-defined") || r.stdout.contains("built-in"), r.stdout)
  }

  func testPluginCommandErrorsAreItsOwnAndFlagsAreCheckedByKgsh() throws {
    let home = try PluginFixtures.home(adding: [PluginFixtures.news])
    let r = try KgshProcess.run(
      ["--continue-on-error", "-c", "news NoSuchThing; news 智谱 --kind gossip; news 智谱 --limit 1"], home: home)
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stderr.contains("news: no entity named 'NoSuchThing'"), r.stderr)
    XCTAssertTrue(r.stderr.contains("news: --kind takes one of all, funding, listing, product, not 'gossip'"), r.stderr)
    XCTAssertTrue(r.stdout.contains("1 item about Zhipu AI"), r.stdout)
  }

  /// A plugin's examples are tests too: each runs and shows what it promises.
  func testEveryExampleOfTheExamplePluginsRuns() throws {
    var paths = [PluginFixtures.news]
    if FileManager.default.isExecutableFile(atPath: PluginFixtures.funding) {
      paths.append(PluginFixtures.funding)
    }
    let home = try PluginFixtures.home(adding: paths)
    let registry = home.appendingPathComponent("data/kgsh/plugins.json")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: registry)) as! [String: Any]
    var ran = 0
    for plugin in json["plugins"] as! [[String: Any]] {
      for command in plugin["commands"] as! [[String: Any]] {
        for example in command["examples"] as? [[String: Any]] ?? [] {
          let line = example["command"] as! String
          let r = try KgshProcess.run(["-c", line], home: home)
          XCTAssertEqual(r.status, 0, "\(line): \(r.stderr)")
          if let expect = example["expect"] as? String {
            XCTAssertTrue(r.stdout.contains(expect), "\(line) should print '\(expect)':\n\(r.stdout)")
          }
          ran += 1
        }
      }
    }
    XCTAssertGreaterThanOrEqual(ran, 3)
  }

  func testSwiftPluginBuiltWithThePluginKit() throws {
    guard FileManager.default.isExecutableFile(atPath: PluginFixtures.funding) else {
      throw XCTSkip("kgsh-plugin-funding is not built")
    }
    let home = try PluginFixtures.home(adding: [PluginFixtures.funding])
    let r = try KgshProcess.run(["-c", "funding 智谱; funding Zhipu --format json"], home: home)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("angel (exclusive)"), r.stdout)
    XCTAssertTrue(r.stdout.contains("CAS Star"), r.stdout)
    XCTAssertTrue(r.stdout.contains(#""currency": "CNY""#), r.stdout)
  }

  func testRemovedPluginsCommandsAreGoneAndListSaysSo() throws {
    let home = try PluginFixtures.home(adding: [PluginFixtures.news])
    let r = try KgshProcess.run(
      ["--continue-on-error", "-c", "plugin remove news; news 智谱; echo next"], home: home)
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stdout.contains("removed plugin news (commands: news, annotate)"), r.stdout)
    XCTAssertTrue(r.stderr.contains("unknown command 'news'"), r.stderr)
    XCTAssertTrue(r.stdout.contains("next"), r.stdout)
    let later = try KgshProcess.run(["-c", "plugin list"], home: home)
    XCTAssertTrue(later.stdout.contains("no plugins added"), later.stdout)
    let unknown = try KgshProcess.run(["-c", "plugin remove news"], home: home)
    XCTAssertEqual(unknown.status, 1)
    XCTAssertTrue(unknown.stderr.contains("no plugin named 'news'; plugin list shows the added plugins"), unknown.stderr)
  }

  func testReloadKeepsThePluginAndNoPluginsLeavesItOut() throws {
    let home = try PluginFixtures.home(adding: [PluginFixtures.news])
    let r = try KgshProcess.run(["-c", "plugin reload news; news 智谱 --limit 1"], home: home)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("reloaded plugin news 1.0.0: news, annotate"), r.stdout)
    let off = try KgshProcess.run(["--no-plugins", "-c", "news 智谱"], home: home)
    XCTAssertEqual(off.status, 1)
    XCTAssertTrue(off.stderr.contains("unknown command 'news'"), off.stderr)
  }

  func testAutoDiscoveryFolderAddsKgshPluginExecutables() throws {
    let home = KgshProcess.temporaryHome()
    let folder = home.appendingPathComponent("data/kgsh/plugins")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: PluginFixtures.news, toPath: folder.appendingPathComponent("kgsh-plugin-news").path)
    let r = try KgshProcess.run(["-c", "news 智谱 --limit 1; plugin list"], home: home)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("listing date"), r.stdout)
    XCTAssertTrue(r.stdout.contains(folder.path), r.stdout)
  }

  func testNameClashesAreRefusedAtAdd() throws {
    let home = try PluginFixtures.home(adding: [PluginFixtures.news])
    let twice = try KgshProcess.run(
      ["--continue-on-error", "-c", "plugin add \(PluginFixtures.news); echo next"], home: home)
    XCTAssertEqual(twice.status, 1)
    XCTAssertTrue(twice.stderr.contains("plugin news is already added"), twice.stderr)
    XCTAssertTrue(twice.stdout.contains("next"))
    let clash = try KgshProcess.run(
      ["--continue-on-error", "-c", "plugin add \(PluginFixtures.faulty); echo next; show 智谱 --format json"],
      home: home,
      environment: ["FAULTY_HELLO": "clash"])
    XCTAssertEqual(clash.status, 1)
    XCTAssertTrue(
      clash.stderr.contains(
        "plugin faulty: command 'show' clashes with the built-in command 'show' of knowledge"),
      clash.stderr)
    XCTAssertTrue(clash.stdout.contains("next"))
    XCTAssertTrue(clash.stdout.contains("Zhipu AI"), "the built-in show still works")
  }
}
