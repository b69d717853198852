// name_index.hpp - case-insensitive exact lookup of model names.
//
// Names match when they are equal after folding ASCII letters to lower case;
// nothing else is forgiven (no prefixes, no edit distance): a loose match that
// prices one model at another's rate is the worst bug this product can have.
// The table is built once per catalog; a lookup hashes the name once and does
// not allocate.
//
//   maas::NameIndex index;
//   index.add("Qwen3-8B", 7);
//   index.find("qwen3-8b");   // 7
//   index.find("qwen3");      // NameIndex::kMissing
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace maas {

class NameIndex {
public:
    static constexpr int32_t kMissing = -1;
    static constexpr int32_t kAmbiguous = -2;  // two different values share the name

    // Adds name -> value.  Adding the same name with another value makes the
    // name ambiguous; with the same value it is a no-op.
    void add(std::string_view name, int32_t value);
    int32_t find(std::string_view name) const;
    size_t size() const { return count_; }

private:
    // A name's folded bytes are at `at` in folded_, so that a slot holds no
    // string of its own: growing the table moves plain words, and adding a
    // name allocates nothing but the arena's amortized growth.
    struct Slot {
        uint64_t hash = 0;
        int32_t value = kMissing;  // kMissing marks an empty slot
        uint32_t size = 0;
        size_t at = 0;
    };
    static uint64_t hash_folded(std::string_view name);
    std::string_view folded_of(const Slot& slot) const { return std::string_view(folded_).substr(slot.at, slot.size); }
    void grow();

    std::vector<Slot> slots_;  // open addressing, size a power of two
    std::string folded_;       // every name added, folded, back to back
    size_t count_ = 0;
};

}  // namespace maas
