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
        const Entry& e = entry_for(name);
        if (ambiguous) *ambiguous = e.ambiguous;
        return e.model;
    }

    // The model a name means when it means exactly one (a quick call's
    // question), else nullptr: unknown, ambiguous, or too long to cache,
    // all of which the general path answers.
    const Model* find_unambiguous(std::string_view name) {
        if (name.size() > kMaxCachedBytes) return nullptr;
        return entry_for(name).unambiguous;
    }

private:
    static constexpr size_t kMaxCachedBytes = 46;
    static constexpr size_t kSets = 64;       // a power of two; two ways each, 8 KB in all
    static constexpr uint8_t kUnused = 0xFF;  // a length no cached name has

    // One cache line: the answer first, then the spelling.
    struct Entry {
        const Model* model = nullptr;        // Catalog::find_model's answer
        const Model* unambiguous = nullptr;  // model, or nullptr when ambiguous
        bool ambiguous = false;
        uint8_t length = kUnused;
        char bytes[kMaxCachedBytes];
    };
    static_assert(sizeof(Entry) == 64, "an entry fills one cache line");
    // ways[0] is the spelling cached last: a miss moves it to ways[1].  A
    // hit stores nothing, which keeps the common case free of writes.
    struct Set {
        Entry ways[2];
    };

    // The entry of a name of at most kMaxCachedBytes, filled on a miss.
    const Entry& entry_for(std::string_view name) {
        Set& set = sets_[hash(name)];
        if (set.ways[0].length == name.size() && same_bytes(set.ways[0].bytes, name.data(), name.size()))
            return set.ways[0];
        if (set.ways[1].length == name.size() && same_bytes(set.ways[1].bytes, name.data(), name.size()))
            return set.ways[1];
        return fill(set, name);
    }

    // Looks the name up in the catalog and keeps it in ways[0].  Out of
    // line: a statement misses only once per spelling it sees.
    [[gnu::noinline]] const Entry& fill(Set& set, std::string_view name) {
        set.ways[1] = set.ways[0];
        Entry& e = set.ways[0];
        e.model = catalog_->find_model(name, &e.ambiguous);
        e.unambiguous = e.ambiguous ? nullptr : e.model;
        e.length = uint8_t(name.size());
        std::memcpy(e.bytes, name.data(), name.size());
        return e;
    }

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

    // The set of a name.  Every byte counts: names such as
    // Qwen_v2.5_7b_Instruct and Qwen_v2.5_14b_Instruct differ only in the
    // middle.  Eight bytes a step, the last word overlapping the one before.
    static size_t hash(std::string_view name) {
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
        return size_t(h >> 58);  // 6 bits for kSets = 64: the top bits of a product depend on every bit below
    }

    std::shared_ptr<const Catalog> catalog_;
    Set sets_[kSets];
};

}  // namespace maas
