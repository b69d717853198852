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

namespace maas {

// The routine table as a value, for a function called once per row: through
// sqlite3ext.h every SQLite call loads the global table pointer again (the
// compiler cannot know a call leaves it alone).  A function that names its
// parameter `sqlite3_api` makes sqlite3ext.h's macros use the copy instead,
// loaded once:
//
//   bool quick(maas::Routines sqlite3_api, sqlite3_value* v) { return sqlite3_value_type(v) == SQLITE_TEXT; }
//   quick(maas::routines(), argv[0]);
//
// With SQLITE_CORE the calls are direct and the parameter is an empty tag.
#ifdef SQLITE_CORE
struct Routines {};
inline Routines routines() { return {}; }
#else
using Routines = const sqlite3_api_routines*;
inline Routines routines() { return sqlite3_api; }
#endif

}  // namespace maas
