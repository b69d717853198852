// sql_args.hpp - the one module that reads a call's arguments: their
// number, NULL in NULL out, counts, amounts, currencies, items, instants
// (the optional `at`), a model's name and a usage text.
//
// Each reader either stores the value, or reports the error the conventions
// describe ("maas_cost: input_tokens must be a non-negative integer, got -1").
// Looking the model name up is model_lookup.hpp's.  Conventions of every
// function: docs/conventions.md.
//
//   if (!maas::begin_call(ctx, argc, argv, "maas_cost", 3, 4, "(model, input_tokens, output_tokens [, at])")) return;
//   int64_t tokens;
//   if (!maas::read_count(ctx, argv[1], {"maas_cost", "input_tokens"}, 0, tokens)) return;
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "decimal.hpp"
#include "sqlite_api.hpp"
#include "time_text.hpp"
#include "vocabulary.hpp"

namespace maas {

struct ArgName {
    const char* function;  // "maas_cost"
    const char* argument;  // "input_tokens"
};

// Reports "function: argument must be <what>, got <value><hint>" on ctx.
void report_bad_argument(sqlite3_context* ctx, ArgName name, const char* what, sqlite3_value* value,
                         const char* hint = "");

// The value as a whole number: INTEGER, a REAL with no fraction (1000.0) or
// TEXT holding an integer ('1200').  False for anything else; reports nothing.
bool whole_number_of(sqlite3_value* value, int64_t& out);

// The value as an exact decimal: INTEGER exactly, REAL as the shortest
// decimal that reads back as the same double, TEXT holding a decimal.  False
// for anything else (BLOB, other TEXT, NaN, Inf); reports nothing.
bool decimal_of(sqlite3_value* value, Decimal& out);

// An integer >= minimum.  False after reporting an error.
bool read_count_slow(sqlite3_context* ctx, sqlite3_value* value, ArgName name, int64_t minimum, int64_t& out);
inline bool read_count(sqlite3_context* ctx, sqlite3_value* value, ArgName name, int64_t minimum, int64_t& out) {
    // The common case, an INTEGER in range, without a call.
    if (sqlite3_value_type(value) == SQLITE_INTEGER) {
        out = sqlite3_value_int64(value);
        if (out >= minimum) return true;
    }
    return read_count_slow(ctx, value, name, minimum, out);
}

// A decimal >= 0.  False after reporting an error.
bool read_quantity(sqlite3_context* ctx, sqlite3_value* value, ArgName name, Decimal& out);

// An amount of money, any sign (decimal_of).  False after reporting an error.
bool read_amount(sqlite3_context* ctx, sqlite3_value* value, ArgName name, Decimal& out);

// A currency code such as 'CNY' (three letters A-Z).  False after reporting
// an error.
bool read_currency(sqlite3_context* ctx, sqlite3_value* value, ArgName name, std::string_view& out);

// A model's name: TEXT (a number is read as its text).  False after
// reporting an error (a BLOB).
bool read_model_name(sqlite3_context* ctx, sqlite3_value* value, ArgName name, std::string_view& out);

// A usage text, stored usage JSON or a ClickHouse map (a number is read as
// its text).  False after reporting an error (a BLOB, out of memory).
bool read_usage_text(sqlite3_context* ctx, sqlite3_value* value, ArgName name, std::string_view& out);

// An item ('input', 'lora', '全量更新', ...), case-insensitive, belonging to
// service `only` when that is given.  False after reporting an error.
bool read_item(sqlite3_context* ctx, sqlite3_value* value, ArgName name, const Service* only, Item& out);

// The instant a stored value holds, as usage tables keep it: unix seconds as
// INTEGER or TEXT digits, or TEXT in the forms of SQLite's date functions.
// False for anything else ('now' included); reports nothing.
bool stored_instant_slow(sqlite3_value* value, int64_t& unix_ms);
// (sqlite3_api: see Routines in sqlite_api.hpp.)
inline bool stored_instant(sqlite3_value* value, int64_t& unix_ms, [[maybe_unused]] Routines sqlite3_api = routines()) {
    // The common case, unix seconds as INTEGER, without a call.
    if (sqlite3_value_type(value) == SQLITE_INTEGER)
        return instant_from_unix_seconds(sqlite3_value_int64(value), unix_ms);
    return stored_instant_slow(value, unix_ms);
}

// An instant: TEXT in the forms of SQLite's date functions (see
// time_text.hpp, plus 'now'), or unix seconds as INTEGER or as TEXT digits.
// Stores unix ms.  A whole number that only fits as unix milliseconds gets
// the hint "(unix milliseconds? divide by 1000)" after the value.
// False after reporting an error.
bool read_instant(sqlite3_context* ctx, sqlite3_value* value, ArgName name, int64_t& unix_ms);

// The optional `at` argument at argv[index]: at is null when there is
// none, else points at storage.  False after reporting an error.
bool read_optional_instant(sqlite3_context* ctx, int argc, sqlite3_value** argv, int index, const char* function,
                           int64_t& storage, const int64_t*& at);

// True when any argument is SQL NULL: the functions are strict.
bool any_null(int argc, sqlite3_value** argv);

// "maas_cost: expected 3 to 4 arguments (model, input_tokens, output_tokens [, at]), got 2";
// false after reporting it.
bool check_arity(sqlite3_context* ctx, int argc, const char* function, int least, int most, const char* signature);

// Checks the number of arguments, then NULL in gives NULL out; false when
// the call is already answered (an error or NULL).  Arguments from index
// `nullable_from` on may be NULL (a variant: NULL means none).
bool begin_call(sqlite3_context* ctx, int argc, sqlite3_value** argv, const char* function, int least, int most,
                const char* signature, int nullable_from = 127);

// The optional variant at argv[index] ('batch', 'flex', ...): "" when it is
// absent or NULL.  False after reporting an error (not a name of letters,
// digits, '_' and '-').
bool read_optional_variant(sqlite3_context* ctx, int argc, sqlite3_value** argv, int index, const char* function,
                           std::string_view& variant);

}  // namespace maas
