// statement_prices.hpp - what one statement prices with: a catalog snapshot
// and a small cache of the model names it has already looked up.
//
// A usage table names a few dozen models (in a few spellings) over millions
// of rows, so most lookups repeat a name already seen.  A small two-way
// cache keeps the exact spellings (byte for byte) with the model they
// resolved to; a hit costs two multiplications and a compare of whole
// words instead of folding and hashing the name.  It lives
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
    std::shared_ptr<const Catalog> snapshot() const { return catalog_; }

    // Catalog::find_model, remembered per exact spelling.
    const Model* find(std::string_view name, bool* ambiguous) {
        if (name.size() > kMaxCachedBytes) return catalog_->find_model(name, ambiguous);
        const Entry& e = entry_for(name);
        if (ambiguous) *ambiguous = e.ambiguous;
        return e.model;
    }

    // The model a name means when it means exactly one (a quick call's
    // question), else nullptr: unknown, ambiguous (Catalog::find_model
    // gives no model then), or too long to cache; the general path answers
    // all of those.
    const Model* find_unambiguous(std::string_view name) {
        if (name.size() > kMaxCachedBytes) return nullptr;
        return entry_for(name).model;
    }

private:
    static constexpr size_t kMaxCachedBytes = 48;
    static constexpr size_t kMiddleBytes = 32;  // the words between the first and the last: 48 - 16
    static constexpr size_t kSets = 64;         // a power of two; two ways each, 8 KB in all
    static constexpr uint8_t kUnused = 0xFF;    // a length no cached name has

    // A name as the cache compares it: its first and last eight bytes
    // (overlapping for fewer than 16; a name under 8 bytes packed into
    // `first`, `last` zero).  The words in between, for longer names, are
    // compared from Entry::middle.
    struct Key {
        uint64_t first, last;
    };

    // One cache line.
    struct Entry {
        const Model* model = nullptr;  // Catalog::find_model's answer
        uint64_t first = 0, last = 0;
        bool ambiguous = false;
        uint8_t length = kUnused;
        char middle[kMiddleBytes];  // bytes 8 to 8 + 8 x middle words, for a name over 16 bytes
    };
    static_assert(sizeof(Entry) == 64, "an entry fills one cache line");
    // ways[0] is the spelling cached last: a miss moves it to ways[1].  A
    // hit stores nothing, which keeps the common case free of writes.
    struct Set {
        Entry ways[2];
    };

    static uint64_t load8(const char* p) {
        uint64_t w;
        std::memcpy(&w, p, 8);  // a fixed size: one unaligned load, no call
        return w;
    }

    static Key key_of(const char* p, size_t n) {
        if (n >= 8) return Key{load8(p), load8(p + n - 8)};
        uint64_t w = 0;
        for (size_t i = 0; i < n; ++i) w |= uint64_t(uint8_t(p[i])) << (8 * i);
        return Key{w, 0};
    }

    // The set of a name: its length and both words, mixed by two
    // multiplications; the top bits of a product depend on every bit below.
    // Names that differ only in their middle words share a set (and its two
    // ways); that costs a lookup in the catalog, never a wrong answer.
    static size_t set_of(Key key, size_t n) {
        const uint64_t h = ((key.first * 0x9E3779B97F4A7C15ull) ^ key.last ^ n) * 0xC4CEB9FE1A85EC53ull;
        return size_t(h >> 58);  // 6 bits: kSets = 64
    }

    // The words of a name over 16 bytes between its first and last word:
    // at offsets 8, 16, ... below n - 8, each word whole (it may overlap
    // the last one, which is compared anyway).
    static bool same_middle(const char* middle, const char* p, size_t n) {
        for (size_t i = 8; i < n - 8 && i <= kMiddleBytes; i += 8)
            if (load8(middle + i - 8) != load8(p + i)) return false;
        return true;
    }

    static bool matches(const Entry& e, Key key, const char* p, size_t n) {
        return e.length == n && e.first == key.first && e.last == key.last && (n <= 16 || same_middle(e.middle, p, n));
    }

    // The entry of a name of at most kMaxCachedBytes, filled on a miss.
    const Entry& entry_for(std::string_view name) {
        const char* p = name.data();
        const size_t n = name.size();
        const Key key = key_of(p, n);
        Set& set = sets_[set_of(key, n)];
        if (matches(set.ways[0], key, p, n)) return set.ways[0];
        if (matches(set.ways[1], key, p, n)) return set.ways[1];
        return fill(set, key, name);
    }

    // Looks the name up in the catalog and keeps it in ways[0].  Out of
    // line: a statement misses only once per spelling it sees.
    [[gnu::noinline]] const Entry& fill(Set& set, Key key, std::string_view name) {
        set.ways[1] = set.ways[0];
        Entry& e = set.ways[0];
        e.model = catalog_->find_model(name, &e.ambiguous);
        e.first = key.first;
        e.last = key.last;
        e.length = uint8_t(name.size());
        // i <= kMiddleBytes holds for every cached name; said for the compiler.
        for (size_t i = 8; i + 8 < name.size() && i <= kMiddleBytes; i += 8)
            std::memcpy(e.middle + i - 8, name.data() + i, 8);
        return e;
    }

    std::shared_ptr<const Catalog> catalog_;
    Set sets_[kSets];
};

}  // namespace maas
