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

// A field value as messages quote it: 'value'.
inline std::string quoted(std::string_view value) { return "'" + std::string(value) + "'"; }

}  // namespace maas
