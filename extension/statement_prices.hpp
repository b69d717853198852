// statement_prices.hpp - what one statement prices with: a catalog snapshot
// and a small cache of the model names it has already looked up.
//
// A usage table names a handful of models over millions of rows, so most
// lookups repeat one of a few names.  RecentNames keeps the last few exact
// spellings (byte for byte) with the model they resolved to; a hit costs a
// short hash and a memcmp instead of folding and hashing the name.  It lives
// as long as the statement (connection.hpp), so it never outlives the
// snapshot its answers come from.
//
//   maas::StatementPrices prices{snapshot};
//   const maas::Model* m = prices.find("DeepSeek-R1", &ambiguous);
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

#include "catalog.hpp"

namespace maas {

class StatementPrices {
public:
    explicit StatementPrices(std::shared_ptr<const Catalog> catalog) : catalog_(std::move(catalog)) {}

    const Catalog& catalog() const { return *catalog_; }

    // Catalog::find_model, remembered per exact spelling.
    const Model* find(std::string_view name, bool* ambiguous) {
        if (name.size() > kMaxCachedBytes) return catalog_->find_model(name, ambiguous);
        Entry& e = slots_[slot_of(name)];
        if (e.used && e.length == name.size() && same_bytes(e.bytes, name.data(), name.size())) {
            if (ambiguous) *ambiguous = e.ambiguous;
            return e.model;
        }
        bool is_ambiguous = false;
        const Model* model = catalog_->find_model(name, &is_ambiguous);
        e.used = true;
        e.length = uint8_t(name.size());
        std::memcpy(e.bytes, name.data(), name.size());
        e.model = model;
        e.ambiguous = is_ambiguous;
        if (ambiguous) *ambiguous = is_ambiguous;
        return model;
    }

private:
    static constexpr size_t kMaxCachedBytes = 47;
    static constexpr size_t kSlots = 32;  // a power of two

    struct Entry {
        const Model* model = nullptr;
        bool used = false;
        bool ambiguous = false;
        uint8_t length = 0;
        char bytes[kMaxCachedBytes];
    };

    // memcmp for the short names here, without a library call.
    static bool same_bytes(const char* a, const char* b, size_t n) {
        for (; n >= 8; a += 8, b += 8, n -= 8) {
            uint64_t x, y;
            std::memcpy(&x, a, 8);
            std::memcpy(&y, b, 8);
            if (x != y) return false;
        }
        for (; n > 0; ++a, ++b, --n)
            if (*a != *b) return false;
        return true;
    }

    // Mixes the length and the first and last 8 bytes: cheap, and different
    // for the spellings a usage table holds.
    static size_t slot_of(std::string_view name) {
        const size_t n = name.size();
        uint64_t head = 0, tail = 0;
        if (n >= 8) {
            std::memcpy(&head, name.data(), 8);  // fixed sizes: no library call
            std::memcpy(&tail, name.data() + n - 8, 8);
        } else {
            for (size_t i = 0; i < n; ++i) head = head << 8 | uint8_t(name[i]);
        }
        const uint64_t h = (head ^ (tail * 0x9E3779B97F4A7C15ull) ^ n) * 0xFF51AFD7ED558CCDull;
        return size_t(h >> 59) & (kSlots - 1);
    }

    std::shared_ptr<const Catalog> catalog_;
    Entry slots_[kSlots];
};

}  // namespace maas
