// extension.cpp - the entry point, sqlite3_maas_init.
//
// In the sqlite3 shell:          .load ./build/maas
// From C with the static library: sqlite3_auto_extension((void (*)(void))sqlite3_maas_init);
//
// SQLite derives the entry point from the file name (maas.so -> sqlite3_maas_init),
// so no entry point needs naming.  Loading checks the running SQLite first:
// calling into a routine table older than the one this was built for would
// crash, so an older SQLite gets a clear refusal instead.
#include "maas.h"

#include <mutex>
#include <new>
#include <string>

#include "builtin_card.hpp"
#include "connection.hpp"
#include "registration.hpp"
#include "sqlite_api.hpp"
#include "version_check.hpp"

#ifndef SQLITE_CORE
SQLITE_EXTENSION_INIT1
#endif

namespace {

int fail(char** error_out, const std::string& message, int rc) {
    if (error_out) *error_out = sqlite3_mprintf("%s", message.c_str());
    return rc;
}

}  // namespace

// The entry point SQLite derives from the file name: maas.so ->
// sqlite3_maas_init, maas_nofs.so -> sqlite3_maasnofs_init (non-letters
// dropped).  Both modules are the same code but for file_functions().
#ifdef MAAS_NO_FILESYSTEM
#define MAAS_ENTRY_POINT sqlite3_maasnofs_init
#else
#define MAAS_ENTRY_POINT sqlite3_maas_init
#endif

extern "C" MAAS_EXPORT int MAAS_ENTRY_POINT(sqlite3* db, char** error_out, const sqlite3_api_routines* api) {
#ifndef SQLITE_CORE
    // Connections on many threads may load the module at once: the routine
    // table pointer is written once (every SQLite of the process hands over
    // the same table), so that no thread writes it while another reads it.
    static std::once_flag api_set;
    std::call_once(api_set, [api] { SQLITE_EXTENSION_INIT2(api); });
#else
    (void)api;
#endif
    try {
        const int running = sqlite3_libversion_number();
        if (!maas::sqlite_is_supported(running))
            return fail(error_out, maas::unsupported_sqlite_message(running), SQLITE_ERROR);

        if (maas::ConnectionState::loaded_on(db)) return SQLITE_OK;  // already here: nothing to add

        std::string error;
        std::shared_ptr<const maas::Catalog> builtin = maas::builtin_catalog(error);
        if (!builtin) return fail(error_out, "maas: built-in rate card is invalid: " + error, SQLITE_ERROR);

        auto* state = new maas::ConnectionState(db, std::move(builtin));
        state->retain();  // held while registering, so a failed step cannot free it under us
        const int rc = maas::register_all(db, state);  // all or nothing
        maas::ConnectionState::release_binding(state->binding(true));
        if (rc != SQLITE_OK)
            return fail(error_out, std::string("maas: registration failed: ") + sqlite3_errstr(rc), rc);
        return SQLITE_OK;
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    } catch (...) {
        return fail(error_out, "maas: internal error while loading", SQLITE_ERROR);
    }
}
