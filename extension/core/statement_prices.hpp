// statement_prices.hpp - what one statement prices with: a catalog snapshot
// and a small cache of the model names it has already looked up.
//
// A usage table names a few dozen models (in a few spellings) over millions
// of rows, so most lookups repeat a name already seen.  A small two-way
// cache keeps the exact spellings (byte for byte) with the model they
// resolved to; a hit costs a word-wise hash and compare instead of folding
// and hashing the name.  It lives
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
        Set& set = sets_[hash(name) & (kSets - 1)];  // kSets = 2^6: the hash's 6 bits
        for (int way = 0; way < 2; ++way) {
            Entry& e = set.ways[way];
            if (e.used && e.length == name.size() && same_bytes(e.bytes, name.data(), name.size())) {
                set.recent = uint8_t(way);
                if (ambiguous) *ambiguous = e.ambiguous;
                return e.model;
            }
        }
        bool is_ambiguous = false;
        const Model* model = catalog_->find_model(name, &is_ambiguous);
        set.recent ^= 1;  // replace the way used less recently
        Entry& e = set.ways[set.recent];
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
    static constexpr size_t kSets = 64;  // a power of two; two ways each, 8 KB in all

    struct Entry {
        const Model* model = nullptr;
        bool used = false;
        bool ambiguous = false;
        uint8_t length = 0;
        char bytes[kMaxCachedBytes];
    };
    struct Set {
        Entry ways[2];
        uint8_t recent = 0;
    };

    static uint64_t load8(const char* p) {
        uint64_t w;
        std::memcpy(&w, p, 8);  // a fixed size: one unaligned load, no call
        return w;
    }

    // memcmp for the short names here: whole words, the last one
    // overlapping the one before instead of a byte loop.
    static bool same_bytes(const char* a, const char* b, size_t n) {
        if (n < 8) {
            for (size_t i = 0; i < n; ++i)
                if (a[i] != b[i]) return false;
            return true;
        }
        for (size_t i = 0; i + 8 < n; i += 8)
            if (load8(a + i) != load8(b + i)) return false;
        return load8(a + n - 8) == load8(b + n - 8);
    }

    // Every byte counts: names such as Qwen_v2.5_7b_Instruct and
    // Qwen_v2.5_14b_Instruct differ only in the middle.  Eight bytes a step,
    // the last word overlapping the one before.
    static uint64_t hash(std::string_view name) {
        const size_t n = name.size();
        uint64_t h = n * 0x9E3779B97F4A7C15ull;
        if (n < 8) {
            uint64_t w = 0;
            for (size_t i = 0; i < n; ++i) w |= uint64_t(uint8_t(name[i])) << (8 * i);
            h ^= w;
        } else {
            for (size_t i = 0; i + 8 < n; i += 8) h = (h ^ load8(name.data() + i)) * 0xFF51AFD7ED558CCDull;
            h ^= load8(name.data() + n - 8);
        }
        h *= 0xC4CEB9FE1A85EC53ull;
        return h >> 58;  // the top bits of a product depend on every bit below
    }

    std::shared_ptr<const Catalog> catalog_;
    Set sets_[kSets];
};

}  // namespace maas
