// sqlite_api.hpp - the SQLite API as seen by every file of the extension.
//
// Built as a loadable module, calls go through the routine table SQLite hands
// to sqlite3_maas_init (sqlite3ext.h), so the module never links libsqlite3.
// Built with SQLITE_CORE (the static library), the same names are ordinary
// calls into the SQLite the program links.  extension.cpp holds the one
// definition of the table pointer (SQLITE_EXTENSION_INIT1).
#pragma once

#include <sqlite3ext.h>

#ifndef SQLITE_CORE
SQLITE_EXTENSION_INIT3
#endif
