import Foundation
import KnowledgeGraph
import ShellCore

/// `team ...`: share the change log with a team through PostgreSQL (docs/TEAM.md).
public enum TeamPlugin {
  public static let plugin = Plugin(
    name: "team", version: "1.0.0", summary: "Share the knowledge base with a team through PostgreSQL",
    commands: [
      TeamInitCommand(), TeamConnectCommand(), TeamPushCommand(), TeamPullCommand(), TeamStatusCommand(),
      TeamLogCommand(), TeamGrantCommand(),
    ])

  /// The session's link, or the one-line refusal when it has not joined a team.
  static func link(_ session: Session, _ command: String) throws -> TeamLink {
    guard let link = TeamLink.of(session) else {
      throw KgshError(
        .usage, "\(command): this knowledge base has not joined a team",
        hint: "join one with team connect postgresql://USER@HOST/DATABASE (or kgsh --team URL)")
    }
    return link
  }

  /// Joins the session to `url` once it connects, then remembers the URL (without the
  /// password) in the knowledge base; `check` runs on the connection before that.
  static func join(_ session: Session, url: String, check: (TeamServer) throws -> Void) throws -> TeamLink {
    let address = try TeamAddress.parse(url, environment: ProcessInfo.processInfo.environment)
    let link = TeamLink(address: address) { [weak session] line in session?.err.write(line + "\n") }
    do {
      try check(try link.connection())
    } catch var error as KgshError where error.code == "team-unreachable" {
      // Nothing was joined: there are no changes to wait for the server yet.
      link.close()
      error.hint = "nothing was joined; start the server, or check the host and port, and run this again"
      throw error
    } catch {
      link.close()
      throw error
    }
    TeamLink.of(session)?.close()
    session.extensions["team"] = link
    try TeamState.prepare(session.store)
    try session.store.write { w in try TeamState.set(w, .url, link.address.redacted) }
    return link
  }

  static let urlHelp =
    "The URL is postgresql://USER@HOST:PORT/DATABASE?sslmode=MODE; what it leaves out comes from PGHOST, PGPORT, "
    + "PGUSER, PGDATABASE and PGSSLMODE. The password comes from PGPASSWORD or ~/.pgpass and is never stored."
}
