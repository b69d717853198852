// sql_functions.hpp - registration of the scalar SQL functions.
#pragma once

#include "connection.hpp"
#include "sqlite_api.hpp"

namespace maas {

// Registers every maas_* scalar function on db; stops at the first failure
// and returns its SQLite result code.
int register_functions(sqlite3* db, ConnectionState* state);

// Removes every maas_* function again (after a failed load: SQLite unloads
// the library, so nothing may stay registered pointing into it).
void unregister_functions(sqlite3* db);

}  // namespace maas
