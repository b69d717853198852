// card_merge.hpp - how cards combine: the merge rule and the duplicate check.
//
// A line is identified by provider, model, item and effective_from.  Laying
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

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "card.hpp"

namespace maas {

// Lays `overlay` over `base`: an overlay line replaces the base line with the
// same provider, model, item and effective_from (in place, keeping order);
// any other overlay line is appended.
void overlay_lines(std::vector<CardLine>& base, const std::vector<CardLine>& overlay);

// Finds lines with the same identity, one line at a time, so that a reader
// can report problems in line order.
class DuplicateFinder {
public:
    // False with "where: effective_from: ..." when `line` repeats an earlier one.
    bool add(const CardLine& line, std::string& error);

private:
    std::map<std::tuple<std::string, std::string, int, int64_t>, std::string> first_;  // identity -> where
};

}  // namespace maas
