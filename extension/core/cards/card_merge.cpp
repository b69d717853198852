// card_merge.cpp - overlaying cards and finding repeated lines (see card_merge.hpp).
#include "card_merge.hpp"

#include <map>
#include <tuple>

#include "time_text.hpp"

namespace maas {
namespace {

using LineKey = std::tuple<std::string, std::string, int, int64_t, std::string>;
LineKey key_of(const CardLine& l) {
    return LineKey(l.provider, l.model, int(l.item), l.effective_from_ms, l.condition_text);
}

}  // namespace

void overlay_lines(std::vector<CardLine>& base, const std::vector<CardLine>& overlay) {
    std::map<LineKey, size_t> position;
    for (size_t i = 0; i < base.size(); ++i) position.emplace(key_of(base[i]), i);
    for (const CardLine& line : overlay) {
        auto it = position.find(key_of(line));
        if (it != position.end()) {
            base[it->second] = line;
        } else {
            position.emplace(key_of(line), base.size());
            base.push_back(line);
        }
    }
}

uint64_t DuplicateFinder::hash_of(const CardLine& line) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a over the identity's bytes
    const auto mix = [&h](std::string_view bytes) {
        for (const char c : bytes) h = (h ^ uint8_t(c)) * 1099511628211ull;
        h = (h ^ 0xFF) * 1099511628211ull;  // a byte no UTF-8 text holds ends each part
    };
    mix(line.provider);
    mix(line.model);
    mix(line.condition_text);
    h = (h ^ uint64_t(line.item)) * 1099511628211ull;
    return (h ^ uint64_t(line.effective_from_ms)) * 1099511628211ull;
}

bool DuplicateFinder::same_identity(const Seen& seen, const CardLine& line) const {
    const std::string_view text(text_);
    return seen.item == int(line.item) && seen.effective_from_ms == line.effective_from_ms &&
           text.substr(seen.at, seen.provider_size) == line.provider &&
           text.substr(seen.at + seen.provider_size, seen.model_size) == line.model &&
           text.substr(seen.at + seen.provider_size + seen.model_size + seen.where_size, seen.condition_size) ==
               line.condition_text;
}

std::string_view DuplicateFinder::where_of(const Seen& seen) const {
    return std::string_view(text_).substr(seen.at + seen.provider_size + seen.model_size, seen.where_size);
}

void DuplicateFinder::grow() {
    slots_.assign(slots_.empty() ? 64 : slots_.size() * 2, 0);
    const size_t mask = slots_.size() - 1;
    for (size_t i = 0; i < seen_.size(); ++i) {
        size_t slot = seen_[i].hash & mask;
        while (slots_[slot] != 0) slot = (slot + 1) & mask;
        slots_[slot] = uint32_t(i + 1);
    }
}

bool DuplicateFinder::add(const CardLine& line, std::string& error) {
    if ((seen_.size() + 1) * 2 > slots_.size()) grow();  // keep the load under one half
    const uint64_t hash = hash_of(line);
    const size_t mask = slots_.size() - 1;
    size_t slot = hash & mask;
    for (; slots_[slot] != 0; slot = (slot + 1) & mask) {
        const Seen& first = seen_[slots_[slot] - 1];
        if (first.hash != hash || !same_identity(first, line)) continue;
        error = line.where + ": effective_from: a second line for " + line.provider + " " + line.model + " " +
                item_name(line.item) + " from " + format_time(line.effective_from_ms) +
                (line.condition_text.empty() ? "" : " when " + line.condition_text) + " (the first is " +
                std::string(where_of(first)) + ")";
        return false;
    }
    seen_.push_back(Seen{hash, text_.size(), uint32_t(line.provider.size()), uint32_t(line.model.size()),
                         uint32_t(line.where.size()), uint32_t(line.condition_text.size()), int(line.item),
                         line.effective_from_ms});
    text_.append(line.provider).append(line.model).append(line.where).append(line.condition_text);
    slots_[slot] = uint32_t(seen_.size());
    return true;
}

}  // namespace maas
