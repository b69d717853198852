// statement_cache.cpp - keeping a statement's prices with it (see
// statement_cache.hpp).
#include "statement_cache.hpp"

namespace maas {

void StatementCache::discard_kept(void* p) {
    auto* kept = static_cast<KeptPrices*>(p);
    StatementCache* cache = kept->cache;
    if (cache->recent_prices_ == &kept->prices) {
        cache->recent_ctx_ = nullptr;
        cache->recent_prices_ = nullptr;
    }
    const Owner owner = kept->owner;
    delete kept;
    owner.release(owner.owner);  // may free the cache itself: nothing of it is used after this
}

StatementPrices* StatementCache::keep(sqlite3_context* ctx, int slot, std::shared_ptr<const Catalog> catalog,
                                      Owner owner) {
    // SQLite owns the KeptPrices from here on, until the statement is reset.
    auto* kept = new KeptPrices{StatementPrices(catalog), this, owner};
    owner.retain(owner.owner);  // dropped by discard_kept: the owner outlives every statement's prices
    sqlite3_set_auxdata(ctx, slot, kept, discard_kept);
    if (StatementPrices* prices = this->kept(ctx, slot)) return prices;
    unkept_.reset(new StatementPrices(std::move(catalog)));
    return unkept_.get();
}

}  // namespace maas
