/* maas.h - public header of sqlite-maas, for programs that link the static
** library (libmaas_static.a) instead of loading build/maas.so.
**
**   #include <sqlite3.h>
**   #include <maas.h>
**   sqlite3_auto_extension((void (*)(void))sqlite3_maas_init);
**   // every connection opened afterwards has maas_cost(), maas_rates, ...
*/
#ifndef SQLITE_MAAS_H
#define SQLITE_MAAS_H

#include <sqlite3.h>

#include "maas_version.h"

#if defined(_WIN32)
#define MAAS_EXPORT __declspec(dllexport)
#else
#define MAAS_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

struct sqlite3_api_routines;

/* Registers every maas_* function and the maas_rates and maas_aliases
** tables on db. */
MAAS_EXPORT int sqlite3_maas_init(sqlite3* db, char** error_out, const struct sqlite3_api_routines* api);

#ifdef __cplusplus
}
#endif

#endif /* SQLITE_MAAS_H */
