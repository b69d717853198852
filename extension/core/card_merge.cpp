// card_merge.cpp - overlaying cards and finding repeated lines (see card_merge.hpp).
#include "card_merge.hpp"

#include "time_text.hpp"

namespace maas {
namespace {

using LineKey = std::tuple<std::string, std::string, int, int64_t>;
LineKey key_of(const CardLine& l) { return LineKey(l.provider, l.model, int(l.item), l.effective_from_ms); }

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

bool DuplicateFinder::add(const CardLine& line, std::string& error) {
    auto [it, added] = first_.emplace(key_of(line), line.where);
    if (added) return true;
    error = line.where + ": effective_from: a second line for " + line.provider + " " + line.model + " " +
            item_name(line.item) + " from " + format_time(line.effective_from_ms) + " (the first is " + it->second +
            ")";
    return false;
}

}  // namespace maas
