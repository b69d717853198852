// aliases_vtab.hpp - registration of the maas_aliases virtual table.
#pragma once

#include "connection.hpp"
#include "sqlite_api.hpp"

namespace maas {

int register_aliases_vtab(sqlite3* db, ConnectionState* state);

}  // namespace maas
