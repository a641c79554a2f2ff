#ifndef KGSH_CSQLITESETUP_H
#define KGSH_CSQLITESETUP_H

/// Process-wide SQLite settings, made by a constructor of this file when the program loads,
/// before `main` and so before any connection initializes the library (`sqlite3_config` is
/// refused after that, whoever opens SQLite first: kgsh, kgsh-mcp or a test):
///
/// - memory statistics off (SQLITE_CONFIG_MEMSTATUS). Debian's SQLite is built without
///   lookaside memory, so every small allocation of a statement goes to malloc; with the
///   statistics on, each malloc and free also takes a global mutex and updates counters
///   (~90 instructions each; 0.65M of the 14.96M of a one-shot `show Zhipu`). kgsh never
///   reads those statistics.
///
/// Returns what `sqlite3_config` answered at load: SQLITE_OK (0) when the setting took
/// effect. `SQLiteSetupTests` checks it and that SQLite counts no memory.
int kgsh_sqlite_setup_result(void);

typedef struct sqlite3 sqlite3;

/// Watches the rows a connection's statements write, until `kgsh_graph_watch_stop`, and sets
/// `*changed` to 1 at the first row that changes what the graph index is built from: any
/// row of `edge_type`, `node_label` or `alias`; an `edge` row inserted, deleted, or given
/// another id, source, type or target (not one whose key, properties or source change); and
/// a `node` row inserted, deleted or given another id (not one whose name, description or
/// properties change). Uses SQLite's
/// pre-update hook, which sees every row: tables without rowids (`node_label`, `alias`),
/// foreign-key cascades and triggers too. Returns the watch it interrupts (NULL when none),
/// to be handed back to `kgsh_graph_watch_stop`: kgsh sets no other pre-update hook.
void *kgsh_graph_watch_start(sqlite3 *db, int *changed);
void kgsh_graph_watch_stop(sqlite3 *db, const int *changed, void *outer);

#endif
