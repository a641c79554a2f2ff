#include "CSQLiteSetup.h"

#include <strings.h>

// Debian's SQLite is built with the pre-update hook; its header declares the hook only when
// this is defined.
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

// The columns of `edge` the graph index holds besides its id: src, type and dst (the
// positions of the table's schema; EdgeColumnsTests checks them).
static const int edge_index_columns[] = {1, 2, 3};

// Whether an update of an `edge` row keeps the columns the index holds.
static int edge_update_keeps_index_columns(sqlite3 *db) {
  for (unsigned i = 0; i < sizeof edge_index_columns / sizeof edge_index_columns[0]; i++) {
    int column = edge_index_columns[i];
    sqlite3_value *before = 0, *after = 0;
    if (sqlite3_preupdate_old(db, column, &before) != SQLITE_OK ||
        sqlite3_preupdate_new(db, column, &after) != SQLITE_OK || !before || !after)
      return 0;
    if (sqlite3_value_type(before) != SQLITE_INTEGER || sqlite3_value_type(after) != SQLITE_INTEGER ||
        sqlite3_value_int64(before) != sqlite3_value_int64(after))
      return 0;
  }
  return 1;
}

// Called by SQLite before every row a statement inserts, updates or deletes, in any table,
// including tables without rowids and the rows of foreign-key cascades and triggers.
static void graph_watch_hook(void *context, sqlite3 *db, int op, const char *database, const char *table,
                             sqlite3_int64 old_rowid, sqlite3_int64 new_rowid) {
  (void)database;
  int *changed = context;
  if (*changed) return;
  if (strcasecmp(table, "node") == 0) {
    // The index holds a node's id only: its name, description and properties are not in it.
    if (op != SQLITE_UPDATE || old_rowid != new_rowid) *changed = 1;
  } else if (strcasecmp(table, "edge") == 0) {
    // An edge's id and ends and type are in the index; its key, properties and source are not.
    if (op != SQLITE_UPDATE || old_rowid != new_rowid || !edge_update_keeps_index_columns(db)) *changed = 1;
  } else if (strcasecmp(table, "node_label") == 0 || strcasecmp(table, "alias") == 0 ||
             strcasecmp(table, "edge_type") == 0) {
    *changed = 1;
  }
}

void *kgsh_graph_watch_start(sqlite3 *db, int *changed) {
  *changed = 0;
  return sqlite3_preupdate_hook(db, graph_watch_hook, changed);
}

void kgsh_graph_watch_stop(sqlite3 *db, const int *changed, void *outer) {
  if (outer) {
    // A watch inside another: the outer one goes on, and learns what the inner one saw.
    if (*changed) *(int *)outer = 1;
    sqlite3_preupdate_hook(db, graph_watch_hook, outer);
  } else {
    sqlite3_preupdate_hook(db, 0, 0);
  }
}
