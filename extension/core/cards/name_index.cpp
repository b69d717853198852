// name_index.cpp - open-addressing hash table keyed by ASCII-folded names.
#include "name_index.hpp"

#include <cstring>

#include "ascii.hpp"

namespace maas {
namespace {

// Eight bytes of a name from p, at most `size` of them, the rest zero: a
// name is hashed and compared a word at a time.
uint64_t word_at(const char* p, size_t size) {
    uint64_t w = 0;
    if (size >= 8) std::memcpy(&w, p, 8);  // a fixed size: one load
    else std::memcpy(&w, p, size);         // the name's last bytes
    return w;
}

bool equal_folded(std::string_view name, std::string_view folded) {
    if (name.size() != folded.size()) return false;
    for (size_t i = 0; i < name.size(); i += 8) {
        const size_t left = name.size() - i;
        if (ascii_lower8(word_at(name.data() + i, left)) != word_at(folded.data() + i, left)) return false;
    }
    return true;
}

}  // namespace

uint64_t NameIndex::hash_folded(std::string_view name) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ name.size();
    for (size_t i = 0; i < name.size(); i += 8)
        h = (h ^ ascii_lower8(word_at(name.data() + i, name.size() - i))) * 0xBF58476D1CE4E5B9ull;
    // The slot is taken from the low bits, which a product leaves to the
    // low bits of its factors: fold the high half down.
    return h ^ (h >> 31);
}

void NameIndex::grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.resize(old.empty() ? 16 : old.size() * 2);
    for (const Slot& s : old) {
        if (s.value == kMissing) continue;
        size_t mask = slots_.size() - 1, i = s.hash & mask;
        while (slots_[i].value != kMissing) i = (i + 1) & mask;
        slots_[i] = s;
    }
}

void NameIndex::add(std::string_view name, int32_t value) {
    if ((count_ + 1) * 2 > slots_.size()) grow();  // keep the load under one half
    const uint64_t h = hash_folded(name);
    const size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    for (; slots_[i].value != kMissing; i = (i + 1) & mask) {
        if (slots_[i].hash == h && equal_folded(name, folded_of(slots_[i]))) {
            if (slots_[i].value != value) slots_[i].value = kAmbiguous;
            return;
        }
    }
    const size_t at = folded_.size();
    slots_[i] = Slot{h, value, uint32_t(name.size()), at};
    folded_.append(name);
    for (size_t k = at; k < folded_.size(); ++k) folded_[k] = char(ascii_lower(static_cast<unsigned char>(folded_[k])));
    ++count_;
}

int32_t NameIndex::find(std::string_view name) const {
    if (slots_.empty()) return kMissing;
    const uint64_t h = hash_folded(name);
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask; slots_[i].value != kMissing; i = (i + 1) & mask)
        if (slots_[i].hash == h && equal_folded(name, folded_of(slots_[i]))) return slots_[i].value;
    return kMissing;
}

}  // namespace maas
