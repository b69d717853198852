// sql_args.cpp - reading a call's arguments, and the messages that name them
// (see sql_args.hpp).
#include "sql_args.hpp"

#include "condition.hpp"
#include "failure.hpp"
#include "time_text.hpp"
#include "utf8_text.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

namespace maas {
namespace {

constexpr size_t kShownTextBytes = 40;  // how much of a bad TEXT value a message quotes

std::string describe(sqlite3_value* value) {
    switch (sqlite3_value_type(value)) {
        case SQLITE_INTEGER: return std::to_string(static_cast<long long>(sqlite3_value_int64(value)));
        case SQLITE_FLOAT: {
            const double d = sqlite3_value_double(value);
            if (std::isnan(d)) return "NaN";
            if (std::isinf(d)) return d > 0 ? "Inf" : "-Inf";
            char buf[40];
            auto r = std::to_chars(buf, buf + sizeof buf, d);
            return std::string(buf, r.ptr);
        }
        case SQLITE_TEXT: {
            const char* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
            std::string_view s(text ? text : "", size_t(sqlite3_value_bytes(value)));
            const size_t kept = valid_utf8_prefix(s, kShownTextBytes);
            std::string shown = "'";
            for (char c : s.substr(0, kept)) shown += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
            shown += kept < s.size() ? "...'" : "'";  // cut for length or at invalid UTF-8
            return shown;
        }
        case SQLITE_BLOB: return "a BLOB";
        default: return "NULL";
    }
}

std::string_view text_of(sqlite3_value* value) {
    const char* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
    return std::string_view(text ? text : "", size_t(sqlite3_value_bytes(value)));
}

// An optional '-' and decimal digits alone: how TEXT holds unix seconds.
bool is_digits_text(std::string_view text) {
    if (!text.empty() && text.front() == '-') text.remove_prefix(1);
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

void report_bad_argument(sqlite3_context* ctx, ArgName name, const char* what, sqlite3_value* value, const char* hint) {
    report_error(ctx, std::string(name.function) + ": " + name.argument + " must be " + what + ", got " +
                          describe(value) + hint);
}

bool any_null(int argc, sqlite3_value** argv) {
    for (int i = 0; i < argc; ++i)
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL) return true;
    return false;
}

bool check_arity(sqlite3_context* ctx, int argc, const char* function, int least, int most, const char* signature) {
    if (argc >= least && argc <= most) return true;
    std::string message = std::string(function) + ": expected ";
    message += least == most ? std::to_string(least) : std::to_string(least) + " to " + std::to_string(most);
    message += std::string(least == 1 && most == 1 ? " argument " : " arguments ") + signature + ", got " +
               std::to_string(argc);
    report_error(ctx, message);
    return false;
}

bool begin_call(sqlite3_context* ctx, int argc, sqlite3_value** argv, const char* function, int least, int most,
                const char* signature, int nullable_from) {
    if (!check_arity(ctx, argc, function, least, most, signature)) return false;
    if (!any_null(argc < nullable_from ? argc : nullable_from, argv)) return true;
    sqlite3_result_null(ctx);
    return false;
}

bool whole_number_of(sqlite3_value* value, int64_t& out) {
    switch (sqlite3_value_type(value)) {
        case SQLITE_INTEGER: out = sqlite3_value_int64(value); return true;
        case SQLITE_FLOAT: {
            const double d = sqlite3_value_double(value);
            // 2^63 is the first double above INT64_MAX; a whole double below it fits.
            if (d != std::floor(d) || d < -9223372036854775808.0 || d >= 9223372036854775808.0) return false;
            out = int64_t(d);
            return true;
        }
        case SQLITE_TEXT: {
            Decimal parsed;
            return parse_decimal(text_of(value), parsed) && to_int64(parsed, out);
        }
        default: return false;
    }
}

bool decimal_of(sqlite3_value* value, Decimal& out) {
    switch (sqlite3_value_type(value)) {
        case SQLITE_INTEGER: out = Decimal::from_int(sqlite3_value_int64(value)); return true;
        case SQLITE_FLOAT: return decimal_from_double(sqlite3_value_double(value), out);
        case SQLITE_TEXT: return parse_decimal(text_of(value), out);
        default: return false;
    }
}

bool read_count_slow(sqlite3_context* ctx, sqlite3_value* value, ArgName name, int64_t minimum, int64_t& out) {
    if (whole_number_of(value, out) && out >= minimum) return true;
    report_bad_argument(ctx, name, minimum == 0 ? "a non-negative integer" : "an integer >= 1", value);
    return false;
}

bool read_quantity(sqlite3_context* ctx, sqlite3_value* value, ArgName name, Decimal& out) {
    if (decimal_of(value, out) && !out.is_negative()) return true;
    report_bad_argument(ctx, name, "a non-negative number", value);
    return false;
}

bool read_amount(sqlite3_context* ctx, sqlite3_value* value, ArgName name, Decimal& out) {
    if (decimal_of(value, out)) return true;
    report_bad_argument(ctx, name, "a finite number", value);
    return false;
}

bool read_currency(sqlite3_context* ctx, sqlite3_value* value, ArgName name, std::string_view& out) {
    if (sqlite3_value_type(value) == SQLITE_TEXT) {
        out = text_of(value);
        if (is_currency_code(out)) return true;
    }
    report_bad_argument(ctx, name, "a 3-letter currency code such as 'CNY'", value);
    return false;
}

bool read_model_name(sqlite3_context* ctx, sqlite3_value* value, ArgName name, std::string_view& out) {
    // The type first: sqlite3_value_text would make a BLOB look like TEXT.
    if (sqlite3_value_type(value) == SQLITE_BLOB) {
        report_bad_argument(ctx, name, "a model name (TEXT)", value);
        return false;
    }
    out = text_of(value);
    return true;
}

bool read_usage_text(sqlite3_context* ctx, sqlite3_value* value, ArgName name, std::string_view& out) {
    // The type first, as for a model name.
    if (sqlite3_value_type(value) == SQLITE_BLOB) {
        report_bad_argument(ctx, name, "JSON text", value);
        return false;
    }
    const char* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
    if (!text) {  // SQLite could not make the text
        sqlite3_result_error_nomem(ctx);
        return false;
    }
    out = std::string_view(text, size_t(sqlite3_value_bytes(value)));
    return true;
}

bool stored_instant_slow(sqlite3_value* value, int64_t& unix_ms) {
    switch (sqlite3_value_type(value)) {
        case SQLITE_INTEGER: return instant_from_unix_seconds(sqlite3_value_int64(value), unix_ms);
        case SQLITE_TEXT: {
            const std::string_view text = text_of(value);
            return parse_time(text, unix_ms) || instant_from_seconds_text(text, unix_ms);
        }
        default: return false;
    }
}

bool read_instant(sqlite3_context* ctx, sqlite3_value* value, ArgName name, int64_t& unix_ms) {
    if (stored_instant(value, unix_ms)) return true;
    if (sqlite3_value_type(value) == SQLITE_TEXT && text_of(value) == "now") {
        // The clock SQLite's own 'now' reads: Julian day in ms.
        sqlite3_vfs* vfs = sqlite3_vfs_find(nullptr);
        sqlite3_int64 julian_ms = 0;
        if (vfs && vfs->iVersion >= 2 && vfs->xCurrentTimeInt64 &&
            vfs->xCurrentTimeInt64(vfs, &julian_ms) == SQLITE_OK) {
            unix_ms = julian_ms - 210866760000000LL;  // Julian day of 1970-01-01 x 86400000
            return true;
        }
    }
    // An integer too large for seconds that is fine as milliseconds is
    // almost surely milliseconds: say so after the usual message.
    int64_t whole;
    const bool millis = (sqlite3_value_type(value) == SQLITE_INTEGER ||
                         (sqlite3_value_type(value) == SQLITE_TEXT && is_digits_text(text_of(value)))) &&
                        whole_number_of(value, whole) && looks_like_unix_ms(whole);
    report_bad_argument(ctx, name, "a time such as '2026-01-01 08:00:00', '2026-01-01T08:00:00+08:00' or unix seconds",
                        value, millis ? " (unix milliseconds? divide by 1000)" : "");
    return false;
}

bool read_optional_instant(sqlite3_context* ctx, int argc, sqlite3_value** argv, int index, const char* function,
                           int64_t& storage, const int64_t*& at) {
    at = nullptr;
    if (argc <= index) return true;
    if (!read_instant(ctx, argv[index], {function, "at"}, storage)) return false;
    at = &storage;
    return true;
}

bool read_optional_variant(sqlite3_context* ctx, int argc, sqlite3_value** argv, int index, const char* function,
                           std::string_view& variant) {
    variant = std::string_view();
    if (argc <= index || sqlite3_value_type(argv[index]) == SQLITE_NULL) return true;
    if (sqlite3_value_type(argv[index]) == SQLITE_TEXT) {
        variant = text_of(argv[index]);
        if (is_variant_name(variant)) return true;
    }
    report_bad_argument(ctx, {function, "variant"}, "a variant name such as 'batch' (letters, digits, '_', '-')",
                        argv[index]);
    return false;
}

bool read_item(sqlite3_context* ctx, sqlite3_value* value, ArgName name, const Service* only, Item& out) {
    if (sqlite3_value_type(value) == SQLITE_TEXT && item_from_text(text_of(value), out) &&
        (!only || item_service(out) == *only))
        return true;
    report_bad_argument(ctx, name,
                        only && *only == Service::training
                            ? "one of 'lora', 'full', 'lora_merge' (or 'LORA', '全量更新', 'LoRA合并')"
                            : "one of 'input', 'output', 'cached_input', 'cache_write', 'request', 'deployment', "
                              "'lora', 'full', 'lora_merge' (or a published label such as '输入' or 'LORA')",
                        value);
    return false;
}

}  // namespace maas
