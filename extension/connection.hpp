// connection.hpp - what one database connection's functions share.
//
// Every SQL function and the maas_rates module registered on a connection
// point at one ConnectionState.  Each registration holds a reference, and
// SQLite's destructor callbacks drop them, so the state lives exactly as long
// as something registered still uses it (loading twice leaks nothing).
//
//   auto* state = new maas::ConnectionState(maas::builtin_catalog());
//   state->retain();   // once per registration that passes maas::ConnectionState::release
#pragma once

#include <atomic>
#include <memory>

#include "catalog.hpp"

namespace maas {

class ConnectionState {
public:
    explicit ConnectionState(std::shared_ptr<const Catalog> catalog) : catalog_(std::move(catalog)) {}

    const Catalog& catalog() const { return *catalog_; }
    std::shared_ptr<const Catalog> snapshot() const { return catalog_; }

    void retain() { refs_.fetch_add(1, std::memory_order_relaxed); }
    // SQLite destructor callback (void* so it can be passed straight to SQLite).
    static void release(void* state) {
        auto* self = static_cast<ConnectionState*>(state);
        if (self->refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete self;
    }

private:
    std::shared_ptr<const Catalog> catalog_;
    std::atomic<int> refs_{0};
};

}  // namespace maas
