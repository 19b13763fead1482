#ifndef TUANJU_CSQLITESETUP_H
#define TUANJU_CSQLITESETUP_H

/// Turns off SQLite's memory statistics (SQLITE_CONFIG_MEMSTATUS) for the process. Debian's SQLite keeps them
/// on, and they put one process-wide mutex around every allocation and free: with two threads searching the
/// map, most waits were on it. `sqlite3_config` is variadic, which Swift cannot call, hence this C shim.
/// Only works before SQLite initializes (the first connection); afterwards it returns SQLITE_MISUSE and
/// changes nothing. Returns SQLite's result code.
int tuanju_sqlite_disable_memstatus(void);

#endif
