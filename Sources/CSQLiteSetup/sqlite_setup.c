#include "CSQLiteSetup.h"

#include <sqlite3.h>

static int setup_result = -1;

__attribute__((constructor)) static void kgsh_sqlite_setup(void) {
  setup_result = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int kgsh_sqlite_setup_result(void) { return setup_result; }
