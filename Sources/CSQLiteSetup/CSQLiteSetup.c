#include <sqlite3.h>
#include "CSQLiteSetup.h"

int tuanju_sqlite_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
