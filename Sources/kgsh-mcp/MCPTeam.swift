import BuiltInPlugins
import Foundation
import KnowledgeGraph
import MCPServer
import ShellCore
import Team

/// `kgsh mcp --team`: the server keeps its knowledge base as current as the shell's REPL
/// does. It pulls at start, pulls again before the next call whenever a teammate has pushed
/// (the team's LISTEN channel, as in the REPL), and with `--allow-writes` pushes after every
/// call that wrote. A read-only server pulls through a writable connection of its own: the
/// connection it serves from stays read-only, so SQLite still refuses every write a tool tries.
final class MCPTeam {
  private let link: TeamLink
  /// The writable session pulls and pushes go through: the served one with --allow-writes.
  private let session: Session
  private let ownsSession: Bool
  private let listener: TeamListener?

  private init(link: TeamLink, session: Session, ownsSession: Bool) {
    self.link = link
    self.session = session
    self.ownsSession = ownsSession
    listener = TeamListener.start(link.address)
  }

  /// Joins the team that `--team`, `KGSH_TEAM` or the knowledge base names, and pulls; nil
  /// when there is none. `served` is the writable session with --allow-writes, else nil
  /// (a writable connection of the team's own is opened on `db`).
  static func join(option: String?, db: String?, served: Session?) throws -> MCPTeam? {
    if let served {
      guard let url = TeamLink.url(option: option, store: served.store) else { return nil }
      return try MCPTeam(link: attach(served, url), session: served, ownsSession: false).startingUp()
    }
    // The remembered URL is looked up read-only, so a base without a team is never opened
    // for writing.
    let probe = try? KnowledgeBaseFiles.openStore(db: db, readOnly: true)
    let remembered = probe.flatMap { TeamLink.url(option: option, store: $0) }
    probe?.close()
    guard let url = remembered ?? TeamLink.url(option: option, store: nil) else { return nil }
    let store = try KnowledgeBaseFiles.openStore(db: db, readOnly: false)
    let session = Session(store: store, registry: try BuiltIns.registry())
    do {
      return try MCPTeam(link: attach(session, url), session: session, ownsSession: true).startingUp()
    } catch {
      store.close()
      throw error
    }
  }

  private static func attach(_ session: Session, _ url: String) throws -> TeamLink {
    try TeamLink.attach(session, url: url) { line in
      FileHandle.standardError.write(Data(("kgsh mcp: " + TextWidth.sanitize(line) + "\n").utf8))
    }
  }

  private func startingUp() -> MCPTeam {
    link.startUp(session.store)
    return self
  }

  /// The hooks for the tool runner.
  var hooks: CallHooks {
    CallHooks(
      beforeCall: { [self] in pullIfPushed() }, afterWrites: { [self] in link.afterWrites(session.store) })
  }

  /// Pulls when the listener has heard of a push since the last call.
  private func pullIfPushed() {
    guard let listener, Self.drain(listener.descriptor) else { return }
    if let line = link.pullNow(session.store) { link.report(line) }
  }

  /// Empties the listener's pipe; whether anything was in it.
  private static func drain(_ fd: Int32) -> Bool {
    var woken = false
    var bytes = [UInt8](repeating: 0, count: 64)
    while bytes.withUnsafeMutableBytes({ read(fd, $0.baseAddress!, $0.count) }) > 0 { woken = true }
    return woken
  }

  func close() {
    listener?.stop()
    link.close()
    if ownsSession { session.store.close() }
  }
}
