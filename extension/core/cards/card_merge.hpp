// card_merge.hpp - how cards combine: the merge rule and the duplicate check.
//
// A line is identified by provider, model, item, effective_from and
// condition (its canonical text: one band, one window).  Laying
// one card over another replaces the line with the same identity and adds
// every other line (the user's tables and loaded cards over the built-in
// card); inside one card an identity may appear once.
//
//   std::vector<maas::CardLine> lines = builtin.lines();
//   maas::overlay_lines(lines, user_lines);      // user prices win
//
//   maas::DuplicateFinder seen;
//   for (const auto& line : lines) if (!seen.add(line, error)) return false;
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "card.hpp"

namespace maas {

// Lays `overlay` over `base`: an overlay line replaces the base line with the
// same identity (in place, keeping order);
// any other overlay line is appended.
void overlay_lines(std::vector<CardLine>& base, const std::vector<CardLine>& overlay);

// Finds lines with the same identity, one line at a time, so that a reader
// can report problems in line order.  Every card is checked at every load
// (the built-in one included), so a line costs no allocation of its own:
// the bytes of the identities seen are kept back to back in one string,
// found through an open-addressing table of their hashes.
class DuplicateFinder {
public:
    // False with "where: effective_from: ..." when `line` repeats an earlier one.
    bool add(const CardLine& line, std::string& error);

private:
    // A line seen: provider, model, where and condition, at `at` in text_, in that order.
    struct Seen {
        uint64_t hash;
        size_t at;
        uint32_t provider_size, model_size, where_size, condition_size;
        int item;
        int64_t effective_from_ms;
    };
    static uint64_t hash_of(const CardLine& line);
    bool same_identity(const Seen& seen, const CardLine& line) const;
    std::string_view where_of(const Seen& seen) const;
    void grow();

    std::string text_;
    std::vector<Seen> seen_;       // in line order
    std::vector<uint32_t> slots_;  // 1 + an index into seen_, 0 when empty; a power of two long
};

}  // namespace maas
