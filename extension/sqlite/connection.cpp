// connection.cpp - how long a connection's state lives, and where a call's
// prices come from (see connection.hpp).
#include "connection.hpp"

#include <mutex>
#include <unordered_set>

namespace maas {
namespace {

// The connections a ConnectionState lives for.  A state is destroyed when
// SQLite drops its last registration (at the latest when the connection
// closes), so a reused sqlite3* address is never mistaken for a loaded one.
std::mutex& loaded_mutex() {
    static std::mutex m;
    return m;
}
std::unordered_set<sqlite3*>& loaded_connections() {
    static std::unordered_set<sqlite3*> connections;
    return connections;
}

}  // namespace

ConnectionState::ConnectionState(sqlite3* db, std::shared_ptr<const Catalog> builtin)
    : db_(db), freshness_(db, std::move(builtin)) {
    std::lock_guard<std::mutex> lock(loaded_mutex());
    loaded_connections().insert(db_);
}

ConnectionState::~ConnectionState() {
    std::lock_guard<std::mutex> lock(loaded_mutex());
    loaded_connections().erase(db_);
}

bool ConnectionState::loaded_on(sqlite3* db) {
    std::lock_guard<std::mutex> lock(loaded_mutex());
    return loaded_connections().count(db) != 0;
}

void ConnectionState::release_binding(void* binding) {
    ConnectionState* self = static_cast<Binding*>(binding)->state;
    if (self->refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete self;
}

StatementPrices* ConnectionState::prepare_prices(sqlite3_context* ctx, const Binding& binding, Failure& failure) {
    std::shared_ptr<const Catalog> catalog = binding.builtin_only ? freshness_.builtin() : current(failure);
    if (!catalog) return nullptr;
    return statements_.keep(ctx, slot_of(binding), std::move(catalog), {retain_state, release_state, this});
}

}  // namespace maas
