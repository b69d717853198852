// rates_vtab.hpp - registration of the maas_rates virtual table.
#pragma once

#include "connection.hpp"
#include "sqlite_api.hpp"

namespace maas {

int register_rates_vtab(sqlite3* db, ConnectionState* state);

}  // namespace maas
