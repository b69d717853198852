// field_problem.hpp - how a line checker (a card line, a user's exchange
// rate) names the field at fault and says why, in one form for every table.
//
//   bool check(const Fields& f, std::string& column, std::string& message) {
//       const maas::FieldProblem fail{column, message};
//       if (f.price.empty()) return fail("price", maas::quoted(f.price) + " is not a decimal");  // false
//       return true;
//   }
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "utf8_text.hpp"

namespace maas {

struct FieldProblem {
    std::string& column;
    std::string& message;
    // Records the problem; always false, so a checker can `return fail(...)`.
    bool operator()(const char* field, std::string why) const {
        column = field;
        message = std::move(why);
        return false;
    }
};

// A field value as messages quote it: 'value', at most kQuotedBytes of it
// ("..." after a value cut short), invalid UTF-8 and control characters
// shown as '?': a NUL would end the message where SQLite reads it as C
// text, and a 1 MiB value would make a 1 MiB message.
constexpr size_t kQuotedBytes = 80;
inline std::string quoted(std::string_view value) {
    std::string shown = "'" + utf8_safe(value.substr(0, kQuotedBytes));
    for (char& c : shown)
        if (static_cast<unsigned char>(c) < 0x20) c = '?';
    return shown + (value.size() > kQuotedBytes ? "...'" : "'");
}

}  // namespace maas
