import GRDB
import GRDBSQLite
import Synchronization

/// Set while a command runs by Ctrl-C (the SIGINT handler), a statement timeout or an MCP
/// cancel; cleared before the next command. Long loops check it, and so does every
/// connection a `KnowledgeStore` opens while SQLite runs a statement (`InterruptCheck`).
public let interruptFlag = Atomic<Bool>(false)

/// A progress handler on each connection: every `steps` steps of SQLite's virtual machine it
/// looks at `interruptFlag` and, when set, stops the statement with SQLITE_INTERRUPT. The
/// SIGINT handler only sets the flag (all a signal handler may safely do), so no thread has
/// to wait for signals to call `sqlite3_interrupt`; starting one cost every kgsh process
/// about 0.3 ms (hyperfine, `kgsh -c 'echo hi'`).
enum InterruptCheck {
  static let steps: Int32 = 1000

  static func install(_ db: Database) {
    sqlite3_progress_handler(
      db.sqliteConnection, steps, { _ in interruptFlag.load(ordering: .relaxed) ? 1 : 0 }, nil)
  }
}
