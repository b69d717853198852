// name_index.cpp - open-addressing hash table keyed by ASCII-folded names.
#include "name_index.hpp"

#include "ascii.hpp"

namespace maas {
namespace {

bool equal_folded(std::string_view name, const std::string& folded) {
    if (name.size() != folded.size()) return false;
    for (size_t i = 0; i < name.size(); ++i)
        if (ascii_lower(static_cast<unsigned char>(name[i])) != static_cast<unsigned char>(folded[i])) return false;
    return true;
}

}  // namespace

uint64_t NameIndex::hash_folded(std::string_view name) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a: short keys, good spread
    for (char c : name) {
        h ^= ascii_lower(static_cast<unsigned char>(c));
        h *= 1099511628211ull;
    }
    return h;
}

void NameIndex::grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.resize(old.empty() ? 16 : old.size() * 2);
    for (Slot& s : old) {
        if (s.value == kMissing) continue;
        size_t mask = slots_.size() - 1, i = s.hash & mask;
        while (slots_[i].value != kMissing) i = (i + 1) & mask;
        slots_[i] = std::move(s);
    }
}

void NameIndex::add(std::string_view name, int32_t value) {
    if ((count_ + 1) * 2 > slots_.size()) grow();  // keep the load under one half
    const uint64_t h = hash_folded(name);
    const size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    for (; slots_[i].value != kMissing; i = (i + 1) & mask) {
        if (slots_[i].hash == h && equal_folded(name, slots_[i].folded)) {
            if (slots_[i].value != value) slots_[i].value = kAmbiguous;
            return;
        }
    }
    Slot& s = slots_[i];
    s.hash = h;
    s.value = value;
    s.folded.resize(name.size());
    for (size_t k = 0; k < name.size(); ++k) s.folded[k] = char(ascii_lower(static_cast<unsigned char>(name[k])));
    ++count_;
}

int32_t NameIndex::find(std::string_view name) const {
    if (slots_.empty()) return kMissing;
    const uint64_t h = hash_folded(name);
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask; slots_[i].value != kMissing; i = (i + 1) & mask)
        if (slots_[i].hash == h && equal_folded(name, slots_[i].folded)) return slots_[i].value;
    return kMissing;
}

}  // namespace maas
