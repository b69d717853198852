// test_bad_input.cpp - every SQL function of sqlite-maas called with every
// kind of bad argument, table-driven.  Each case states its answer: an exact
// value, NULL, or the exact error (or at least "function: argument").
//
// Two tables:
//   1. Generated: each function's parameters have a role (model, token count,
//      epochs, hours, method, item, at, usage JSON, a stored time and its
//      unit, SQL text, ...); every bad value of a
//      fixed list is put in every position in turn, the other arguments good,
//      and the role's rule says what must come back.
//   2. Written out: accepted edge values with exact results, arithmetic at the
//      edge of overflow (one more is an error), wrong argument counts, NULL
//      before everything, malformed JSON and times, user prices, card files.
// The bugs these tables found have their own minimal tests in
// test_regressions.cpp.  A last case holds both tables to the functions the
// module registers (pragma_function_list): a new function fails it until it
// has its rows here.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "maas_version.h"
#include "robust_support.hpp"
#include "sql_fixture.hpp"

using namespace robust;

namespace {

constexpr int64_t kMax = INT64_MAX;
constexpr int64_t kMin = INT64_MIN;
const std::string kMega(1 << 20, 'x');  // 1 MiB of TEXT

enum class Role {
    Model,
    Tokens,
    Epochs,
    Nodes,
    Hours,
    Method,
    Item,
    At,
    Usage,
    Which,
    Path,
    Number,
    Decimals,
    Currency,
    Instant,  // maas_instant's value: a stored time, NULL when it is none
    Unit,     // maas_instant's unit
    Tz,       // maas_month's UTC offset
    Sql,      // maas_exec's statements
    Variant   // a cost function's variant: NULL is none, not NULL out
};

// The kinds of bad (or borderline) values tried in every position.
enum class Bad {
    Null,
    NaN,
    MinusOne,
    Zero,
    Int64Min,
    Int64Max,
    Fraction,
    NegFraction,
    PosInf,
    NegInf,
    Huge,
    NegZero,
    WholeReal,
    Empty,
    MegaSql,
    MegaDigits,
    BadUtf8,
    BadUtf8Inside,
    Nul,
    Blob,
    Word,
    Padded
};
constexpr Bad kAllBad[] = {Bad::Null,       Bad::NaN,      Bad::MinusOne,      Bad::Zero,   Bad::Int64Min,
                           Bad::Int64Max,   Bad::Fraction, Bad::NegFraction,   Bad::PosInf, Bad::NegInf,
                           Bad::Huge,       Bad::NegZero,  Bad::WholeReal,     Bad::Empty,  Bad::MegaSql,
                           Bad::MegaDigits, Bad::BadUtf8,  Bad::BadUtf8Inside, Bad::Nul,    Bad::Blob,
                           Bad::Word,       Bad::Padded};

struct Param {
    Role role;
    const char* name;
};

struct Signature {
    std::string function;
    std::vector<Param> params;
    std::vector<Value> good;
    Expect good_result;
};

// A TEXT that would be valid up to an embedded NUL: the bytes after it
// must not be ignored.
std::string nul_text(Role role, const std::string& card_path) {
    const std::string tail = std::string(1, '\0') + "zzz";
    switch (role) {
        case Role::Model: return "Qwen3-8B" + tail;
        case Role::Tokens:
        case Role::Epochs:
        case Role::Nodes:
        case Role::Hours: return "1" + tail;
        case Role::Number:
        case Role::Decimals: return "1" + tail;
        case Role::Currency: return "CNY" + tail;
        case Role::Method: return "lora" + tail;
        case Role::Item: return "input" + tail;
        case Role::At: return "2026-01-01" + tail;
        case Role::Usage: return "{}" + tail;
        case Role::Which: return "input" + tail;
        case Role::Path: return card_path + tail;
        case Role::Instant: return "2026-01-01" + tail;
        case Role::Unit: return "s" + tail;
        case Role::Tz: return "+08:00" + tail;
        case Role::Sql: return "SELECT 1" + tail;
        case Role::Variant: return "batch" + tail;
    }
    return tail;
}

Value bad_value(Bad bad, Role role, const std::string& card_path) {
    switch (bad) {
        case Bad::Null: return null();
        case Bad::NaN: return real(std::numeric_limits<double>::quiet_NaN());  // SQLite binds NaN as NULL
        case Bad::MinusOne: return integer(-1);
        case Bad::Zero: return integer(0);
        case Bad::Int64Min: return integer(kMin);
        case Bad::Int64Max: return integer(kMax);
        case Bad::Fraction: return real(2.5);
        case Bad::NegFraction: return real(-2.5);
        case Bad::PosInf: return sql("1e999");
        case Bad::NegInf: return sql("-1e999");
        case Bad::Huge: return real(1e300);
        case Bad::NegZero: return real(-0.0);
        case Bad::WholeReal: return real(3.0);
        case Bad::Empty: return text("");
        case Bad::MegaSql: return sql("printf('%.*c', 1048576, 'x')");
        case Bad::MegaDigits: return text(std::string(1 << 20, '1'));
        case Bad::BadUtf8: return sql("CAST(x'ff' AS TEXT)");
        case Bad::BadUtf8Inside:
            return text("A\xff"
                        "B");
        case Bad::Nul: return text(nul_text(role, card_path));
        case Bad::Blob: return blob(std::string("\x00\xff", 2));
        case Bad::Word: return text("abc");
        case Bad::Padded: return text(" 7 ");
    }
    return null();
}

// How sql_args.cpp shows a bad value in a message.
std::string shown(Bad bad, Role role, const std::string& card_path) {
    switch (bad) {
        case Bad::MinusOne: return "-1";
        case Bad::Zero: return "0";
        case Bad::Int64Min: return "-9223372036854775808";
        case Bad::Int64Max: return "9223372036854775807";
        case Bad::Fraction: return "2.5";
        case Bad::NegFraction: return "-2.5";
        case Bad::PosInf: return "Inf";
        case Bad::NegInf: return "-Inf";
        case Bad::Huge: return "1e+300";
        case Bad::NegZero: return "-0";
        case Bad::WholeReal: return "3";
        case Bad::Empty: return "''";
        case Bad::MegaSql: return "'" + std::string(40, 'x') + "...'";
        case Bad::MegaDigits: return "'" + std::string(40, '1') + "...'";
        case Bad::BadUtf8: return "'...'";
        case Bad::BadUtf8Inside: return "'A...'";
        case Bad::Nul: {
            std::string t = nul_text(role, card_path);
            for (char& c : t)
                if (c == '\0') c = '?';
            return t.size() > 40 ? "'" + t.substr(0, 40) + "...'" : "'" + t + "'";
        }
        case Bad::Blob: return "a BLOB";
        case Bad::Word: return "'abc'";
        case Bad::Padded: return "' 7 '";
        default: return "?";
    }
}

bool is_text_kind(Bad b) {
    return b == Bad::Empty || b == Bad::MegaSql || b == Bad::MegaDigits || b == Bad::BadUtf8 ||
           b == Bad::BadUtf8Inside || b == Bad::Nul || b == Bad::Word || b == Bad::Padded;
}

const char* kAtWhat = "a time such as '2026-01-01 08:00:00', '2026-01-01T08:00:00+08:00' or unix seconds";
const char* kMethodWhat = "one of 'lora', 'full', 'lora_merge' (or 'LORA', '全量更新', 'LoRA合并')";
const char* kItemWhat = "one of 'input', 'output', 'cached_input', 'cache_write', 'request', 'deployment', "
                        "'lora', 'full', 'lora_merge' (or a published label such as '输入' or 'LORA')";

const char* kVariantWhat = "a variant name such as 'batch' (letters, digits, '_', '-')";

// The rule of a role: what `function` answers when argument `name` is `bad`
// and the others are good (answering `good`).  nullopt: an accepted value
// whose answer depends on the function (those are in the written-out table).
std::optional<Expect> rule(const std::string& function, Param param, Bad bad, const std::string& card_path,
                           const Expect& good) {
    // A NULL variant is no variant (docs/conventions.md), and 'abc' is a
    // variant no line names: both price as the good call does.
    if (param.role == Role::Variant && (bad == Bad::Null || bad == Bad::NaN || bad == Bad::Word)) return good;
    // The aggregate maas_total_text needs one decimals for all rows: NULL is an error there.
    if ((bad == Bad::Null || bad == Bad::NaN) && param.role == Role::Decimals && function == "maas_total_text")
        return error(function + ": decimals must be an integer from 0 to 18, got NULL");
    // maas_bill_json, an aggregate, counts a row it cannot price (a NULL, an
    // unknown model, a time before any price) as unpriced in its JSON.
    if (function == "maas_bill_json" &&
        (bad == Bad::Null || bad == Bad::NaN || (param.role == Role::Model && bad != Bad::Blob) ||
         (param.role == Role::At && (bad == Bad::MinusOne || bad == Bad::Zero))))
        return std::nullopt;
    if (bad == Bad::Null || bad == Bad::NaN) return is_null();
    // maas_unpriced answers a reason where the others answer NULL; maas_convert
    // of one currency to itself needs no rate, so any valid time gives the amount.
    if (function == "maas_unpriced" && param.role == Role::Model && bad != Bad::Blob) return is_text("unknown_model");
    if (function == "maas_unpriced" && param.role == Role::At && (bad == Bad::MinusOne || bad == Bad::Zero))
        return is_text("before_first_price");
    if (function == "maas_convert" && param.role == Role::At && (bad == Bad::MinusOne || bad == Bad::Zero))
        return std::nullopt;
    // maas_month reads no prices: 1969-12-31 23:59:59 and 1970-01-01 are months
    // like any other (at '+08:00', both in January 1970).
    if (function == "maas_month" && param.role == Role::At && (bad == Bad::MinusOne || bad == Bad::Zero))
        return is_text("1970-01");
    const std::string must = function + ": " + param.name + " must be ";
    const std::string got = ", got " + shown(bad, param.role, card_path);
    switch (param.role) {
        case Role::Model:
            if (bad == Bad::Blob) return error(must + "a model name (TEXT)" + got);
            return is_null();  // any other value is just an unknown name
        case Role::Tokens:
        case Role::Epochs:
        case Role::Nodes: {
            const bool from_zero = param.role == Role::Tokens;
            const bool accepted = bad == Bad::Int64Max || bad == Bad::WholeReal || bad == Bad::Padded ||
                                  (from_zero && (bad == Bad::Zero || bad == Bad::NegZero));
            if (accepted) return std::nullopt;
            return error(must + (from_zero ? "a non-negative integer" : "an integer >= 1") + got);
        }
        case Role::Hours: {
            const bool accepted = bad == Bad::Zero || bad == Bad::Int64Max || bad == Bad::Fraction ||
                                  bad == Bad::Huge || bad == Bad::NegZero || bad == Bad::WholeReal ||
                                  bad == Bad::Padded;
            if (accepted) return std::nullopt;
            return error(must + "a non-negative number" + got);
        }
        case Role::Method: return error(must + kMethodWhat + got);
        case Role::Item: return error(must + kItemWhat + got);
        case Role::At:
            if (bad == Bad::MinusOne || bad == Bad::Zero) return is_null();  // 1969/1970: before any price
            return error(must + kAtWhat + got);
        case Role::Usage: {
            if (bad == Bad::Blob) return error(must + "JSON text" + got);
            // Numbers (and ' 7 ', and a megabyte of digits: JSON puts no limit
            // on a number's length) are valid JSON without a usage: NULL.
            const bool json_number = !is_text_kind(bad) ? bad != Bad::PosInf && bad != Bad::NegInf
                                                        : bad == Bad::Padded || bad == Bad::MegaDigits;
            if (json_number) return is_null();
            if (function == "maas_usage_problem") {  // the reason as its answer, not an error
                const std::string why = bad == Bad::NegInf ? "invalid number at byte 1"
                                        : bad == Bad::Nul  ? "unexpected text after the JSON value at byte 3"
                                                           : "expected a value at byte 1";
                return is_text("usage is not valid JSON (" + why + ")");
            }
            return error_prefix(function + ": usage is not valid JSON (");
        }
        case Role::Which:
            return error(must + "'input', 'output', 'cached_input', 'cache_write', 'uncached_input' or 'reasoning'" +
                         got);
        case Role::Number: {
            // Any finite number is a value (the written table has their totals).
            const bool accepted = bad == Bad::MinusOne || bad == Bad::Zero || bad == Bad::Int64Min ||
                                  bad == Bad::Int64Max || bad == Bad::Fraction || bad == Bad::NegFraction ||
                                  bad == Bad::Huge || bad == Bad::NegZero || bad == Bad::WholeReal ||
                                  bad == Bad::Padded;
            if (accepted) return std::nullopt;
            return error(must + "a finite number" + got);
        }
        case Role::Currency: return error(must + "a 3-letter currency code such as 'CNY'" + got);
        case Role::Decimals: {
            const bool accepted = bad == Bad::Zero || bad == Bad::NegZero || bad == Bad::WholeReal ||
                                  bad == Bad::Padded;
            if (accepted) return std::nullopt;
            return error(must + "an integer from 0 to 18" + got);
        }
        case Role::Path:
            if (!is_text_kind(bad)) return error(must + "a file name (TEXT)" + got);
            if (bad == Bad::Nul) return error(must + "a file name without NUL bytes" + got);
            if (bad == Bad::Empty || bad == Bad::Word || bad == Bad::Padded) {
                const std::string path = bad == Bad::Empty ? "" : bad == Bad::Word ? "abc" : " 7 ";
                return error(function + ": cannot read '" + path + "'");
            }
            if (bad == Bad::MegaSql) return error_prefix(function + ": cannot read 'xxxxxxxx");
            if (bad == Bad::MegaDigits) return error_prefix(function + ": cannot read '11111111");
            return error_prefix(function + ": cannot read '");
        case Role::Instant: {
            // Numbers in the years 0000-9999 are times (the written table has
            // them); no TEXT here is a date or a count; the rest is no time.
            const bool accepted = bad == Bad::MinusOne || bad == Bad::Zero || bad == Bad::Fraction ||
                                  bad == Bad::NegFraction || bad == Bad::NegZero || bad == Bad::WholeReal;
            if (accepted) return std::nullopt;
            return is_null();
        }
        case Role::Unit: return error(must + "'s', 'ms', 'us' or 'ns'" + got);
        case Role::Tz: return error(must + "a UTC offset such as '+08:00', '-05:00', '+0800', '+08' or 'Z'" + got);
        case Role::Sql: {
            if (!is_text_kind(bad)) return error(must + "TEXT holding SQL statements" + got);
            if (bad == Bad::Empty) return is_integer(0);
            if (bad == Bad::Nul) return error(must + "TEXT without NUL bytes" + got);
            // Not SQL: SQLite's own message, after the statement's number.
            const std::string statement = function + ": statement 1: ";
            if (bad == Bad::Word) return error(statement + "near \"abc\": syntax error");
            if (bad == Bad::Padded) return error(statement + "near \"7\": syntax error");
            if (bad == Bad::MegaSql) return error_prefix(statement + "near \"xxxxxxxx");
            if (bad == Bad::MegaDigits) return error_prefix(statement + "near \"11111111");
            return error_prefix(statement);
        }
        case Role::Variant: return error(must + kVariantWhat + got);
    }
    return std::nullopt;
}

const char* kUsage = R"({"usage":{"prompt_tokens":230,"completion_tokens":300}})";
// maas_bill_json of one call of Qwen3-8B (230 input at 0.0005 and 300 output at
// 0.005 per k_tokens) and no packs: 0.000115 + 0.0015 due.
const char* kBillJson =
    R"({"lines":[{"model":"iflytek-xingchen/Qwen3-8B","item":"input","currency":"CNY","unit_price":"0.0000005",)"
    R"("period":null,"quantity":230,"list":"0.000115","due":"0.000115","covered":[]},{"model":"iflytek-xingchen/Qwen3-8B",)"
    R"("item":"output","currency":"CNY","unit_price":"0.000005","period":null,"quantity":300,"list":"0.0015","due":"0.0015",)"
    R"("covered":[]}],"packs":[],"calls":1,"unpriced":0})";

std::vector<Signature> signatures(const std::string& card_path) {
    std::vector<Signature> out;
    for (const char* f : {"maas_cost", "maas_builtin_cost"})
        out.push_back({f,
                       {{Role::Model, "model"},
                        {Role::Tokens, "input_tokens"},
                        {Role::Tokens, "output_tokens"},
                        {Role::At, "at"},
                        {Role::Variant, "variant"}},
                       {text("Qwen3-8B"), integer(230), integer(300), text("2026-01-01"), text("batch")},
                       is_real(0.001615)});
    // 1230 input tokens, 1000 of them cached: Qwen3-8B has no cached price,
    // so all 1230 at the input price, once.
    for (const char* f : {"maas_cost_cached", "maas_builtin_cost_cached"})
        out.push_back({f,
                       {{Role::Model, "model"},
                        {Role::Tokens, "input_tokens"},
                        {Role::Tokens, "cached_tokens"},
                        {Role::Tokens, "output_tokens"},
                        {Role::Tokens, "cache_write_tokens"},
                        {Role::Tokens, "requests"},
                        {Role::At, "at"},
                        {Role::Variant, "variant"}},
                       {text("Qwen3-8B"), integer(1230), integer(0), integer(300), integer(0), integer(1),
                        text("2026-01-01"), text("batch")},
                       is_real(0.002115)});
    for (const char* f : {"maas_training_cost", "maas_builtin_training_cost"})
        out.push_back(
            {f,
             {{Role::Model, "model"},
              {Role::Method, "method"},
              {Role::Tokens, "tokens"},
              {Role::Epochs, "epochs"},
              {Role::At, "at"},
              {Role::Variant, "variant"}},
             {text("Qwen3-8B"), text("lora"), integer(1000000), integer(3), text("2026-01-01"), text("batch")},
             is_real(18.0)});
    for (const char* f : {"maas_deployment_cost", "maas_builtin_deployment_cost"})
        out.push_back({f,
                       {{Role::Model, "model"},
                        {Role::Hours, "hours"},
                        {Role::Nodes, "nodes"},
                        {Role::At, "at"},
                        {Role::Variant, "variant"}},
                       {text("DeepSeek-V3"), integer(24), integer(2), text("2026-01-01"), text("batch")},
                       is_real(7200.0)});
    for (const char* f : {"maas_price", "maas_builtin_price"})
        out.push_back({f,
                       {{Role::Model, "model"}, {Role::Item, "item"}, {Role::At, "at"}},
                       {text("Qwen3-30B-A3B"), text("input"), text("2026-01-01")},
                       is_real(0.00075)});
    for (const char* f : {"maas_model", "maas_builtin_model"})
        out.push_back({f, {{Role::Model, "name"}}, {text("qwen3-8b")}, is_text("Qwen3-8B")});
    out.push_back({"maas_usage_cost",
                   {{Role::Model, "model"}, {Role::Usage, "usage"}, {Role::At, "at"}, {Role::Variant, "variant"}},
                   {text("Qwen3-8B"), text(kUsage), text("2026-01-01"), text("batch")},
                   is_real(0.001615)});
    out.push_back({"maas_usage_tokens",
                   {{Role::Usage, "usage"}, {Role::Which, "kind"}},
                   {text(kUsage), text("output")},
                   is_integer(300)});
    out.push_back({"maas_usage_problem", {{Role::Usage, "usage"}}, {text(kUsage)}, is_null()});
    out.push_back({"maas_load_card", {{Role::Path, "path"}}, {text(card_path)}, is_integer(2)});
    out.push_back({"maas_total", {{Role::Number, "x"}}, {real(0.001615)}, is_real(0.001615)});
    out.push_back({"maas_currency",
                   {{Role::Model, "model"}, {Role::At, "at"}},
                   {text("DeepSeek-V3"), text("2026-01-01")},
                   is_text("CNY")});
    out.push_back({"maas_unpriced",
                   {{Role::Model, "model"}, {Role::At, "at"}},
                   {text("DeepSeek-V3"), text("2026-01-01")},
                   is_null()});
    // The call's counts and variant (the reason of that call).
    out.push_back({"maas_unpriced",
                   {{Role::Model, "model"},
                    {Role::At, "at"},
                    {Role::Tokens, "input_tokens"},
                    {Role::Tokens, "output_tokens"},
                    {Role::Variant, "variant"}},
                   {text("DeepSeek-V3"), text("2026-01-01"), integer(1000), integer(500), text("batch")},
                   is_null()});
    out.push_back({"maas_convert",
                   {{Role::Number, "amount"},
                    {Role::Currency, "from_currency"},
                    {Role::Currency, "to_currency"},
                    {Role::At, "at"}},
                   {real(0.5), text("CNY"), text("CNY"), text("2026-01-01")},
                   is_real(0.5)});
    out.push_back({"maas_total_text",
                   {{Role::Number, "x"}, {Role::Decimals, "decimals"}},
                   {real(0.001615), integer(5)},
                   is_text("0.00162")});
    out.push_back({"maas_round_text",
                   {{Role::Number, "x"}, {Role::Decimals, "decimals"}},
                   {real(0.0025), integer(3)},
                   is_text("0.003")});
    out.push_back({"maas_month",
                   {{Role::At, "at"}, {Role::Tz, "tz"}},
                   {text("2025-07-31 23:30:00"), text("+08:00")},
                   is_text("2025-08")});
    out.push_back({"maas_instant",
                   {{Role::Instant, "value"}, {Role::Unit, "unit"}},
                   {integer(1754006399), text("s")},
                   is_text("2025-07-31 23:59:59")});
    out.push_back({"maas_exec", {{Role::Sql, "sql"}}, {text("SELECT 1; SELECT 2")}, is_integer(2)});
    out.push_back({"maas_bill_json",
                   {{Role::At, "from"},
                    {Role::At, "until"},
                    {Role::At, "at"},
                    {Role::Model, "model"},
                    {Role::Tokens, "input"},
                    {Role::Tokens, "cached_input"},
                    {Role::Tokens, "cache_write"},
                    {Role::Tokens, "output"}},
                   {text("2026-01-01"), text("2027-01-01"), text("2026-03-01"), text("Qwen3-8B"), integer(230),
                    integer(0), integer(0), integer(300)},
                   is_text(kBillJson)});
    return out;
}

std::vector<Case> generated_cases(const std::string& card_path) {
    std::vector<Case> cases;
    for (const Signature& s : signatures(card_path)) {
        cases.push_back({s.function, s.good, s.good_result, ""});
        for (size_t p = 0; p < s.params.size(); ++p) {
            for (Bad bad : kAllBad) {
                const auto expect = rule(s.function, s.params[p], bad, card_path, s.good_result);
                if (!expect) continue;
                Case c{s.function, s.good, *expect, ""};
                c.args[p] = bad_value(bad, s.params[p].role, card_path);
                cases.push_back(c);
            }
        }
    }
    return cases;
}

// Every function's argument counts: the message names its signature.
struct Arity {
    const char* function;
    int least, most;
    const char* signature;
};
const Arity kArities[] = {
    {"maas_cost", 3, 5, "(model, input_tokens, output_tokens [, at [, variant]])"},
    {"maas_builtin_cost", 3, 5, "(model, input_tokens, output_tokens [, at [, variant]])"},
    {"maas_cost_cached", 4, 8,
     "(model, input_tokens, cached_tokens, output_tokens [, cache_write_tokens [, requests [, at [, variant]]]])"},
    {"maas_builtin_cost_cached", 4, 8,
     "(model, input_tokens, cached_tokens, output_tokens [, cache_write_tokens [, requests [, at [, variant]]]])"},
    {"maas_training_cost", 3, 6, "(model, method, tokens [, epochs [, at [, variant]]])"},
    {"maas_builtin_training_cost", 3, 6, "(model, method, tokens [, epochs [, at [, variant]]])"},
    {"maas_deployment_cost", 2, 5, "(model, hours [, nodes [, at [, variant]]])"},
    {"maas_builtin_deployment_cost", 2, 5, "(model, hours [, nodes [, at [, variant]]])"},
    {"maas_price", 2, 3, "(model, item [, at])"},
    {"maas_builtin_price", 2, 3, "(model, item [, at])"},
    {"maas_model", 1, 1, "(name)"},
    {"maas_builtin_model", 1, 1, "(name)"},
    {"maas_usage_cost", 2, 4, "(model, usage [, at [, variant]])"},
    {"maas_usage_tokens", 2, 2, "(usage, kind)"},
    {"maas_usage_problem", 1, 1, "(usage)"},
    {"maas_load_card", 1, 1, "(path)"},
    {"maas_version", 0, 0, "()"},
    {"maas_debug", 0, 0, "()"},
    {"maas_total", 1, 1, "(x)"},
    {"maas_total_text", 1, 2, "(x [, decimals])"},
    {"maas_round_text", 1, 2, "(x [, decimals])"},
    {"maas_currency", 1, 2, "(model [, at])"},
    {"maas_unpriced", 1, 5, "(model [, at [, input_tokens, output_tokens [, variant]]])"},
    {"maas_convert", 3, 4, "(amount, from_currency, to_currency [, at])"},
    {"maas_month", 1, 2, "(at [, tz])"},
    {"maas_instant", 1, 2, "(value [, unit])"},
    {"maas_exec", 1, 1, "(sql)"},
    {"maas_bill_json", 8, 9, "(from, until, at, model, input, cached_input, cache_write, output[, period])"},
};

// Accepted edges, overflow edges, argument counts, NULL first, JSON, times.
std::vector<Case> written_cases() {
    std::vector<Case> cases;
    auto add = [&](const std::string& f, std::vector<Value> args, Expect e) { cases.push_back({f, args, e, ""}); };
    auto add_sql = [&](const std::string& q, std::vector<Value> args, Expect e) { cases.push_back({"", args, e, q}); };
    const Value qwen = text("Qwen3-8B");

    for (const char* f : {"maas_cost", "maas_builtin_cost"}) {
        const std::string tokens = std::string(f) + ": input_tokens must be a non-negative integer, got ";
        // Accepted counts: zero, INT64_MAX (products are held in 128 bits), whole REALs, integer TEXT.
        add(f, {qwen, integer(0), integer(0)}, is_real(0.0));
        add(f, {qwen, integer(kMax), integer(0)}, is_real(4611686018427.3877));
        add(f, {qwen, integer(0), integer(kMax)}, is_real(46116860184273.883));
        add(f, {qwen, integer(kMax), integer(kMax)}, is_real(50728546202701.266));
        add(f, {text("DeepSeek-R1"), integer(kMax), integer(kMax)}, is_real(184467440737095.53));
        add(f, {qwen, real(3.0), integer(300)}, is_real(0.0015015));
        add(f, {qwen, real(-0.0), integer(300)}, is_real(0.0015));
        add(f, {qwen, text(" 7 "), integer(300)}, is_real(0.0015035000000000001));
        add(f, {qwen, text("+230"), text("300.0")}, is_real(0.001615));
        add(f, {qwen, text("1e3"), integer(0)}, is_real(0.0005));
        add(f, {qwen, text(std::string(1 << 20, '0') + "230"), integer(300)}, is_real(0.001615));
        // The largest double below 2^63 is a count; 2^63 itself is not.
        add(f, {qwen, real(9223372036854774784.0), integer(0)}, is_real(4611686018427.3877));
        add(f, {qwen, real(9223372036854775808.0), integer(0)}, error(tokens + "9223372036854775808"));
        add(f, {qwen, text("9223372036854775808"), integer(0)}, error(tokens + "'9223372036854775808'"));
        add(f, {qwen, text("0x10"), integer(0)}, error(tokens + "'0x10'"));
        add(f, {qwen, text("1e-1"), integer(0)}, error(tokens + "'1e-1'"));
        add(f, {qwen, text("12abc"), integer(0)}, error(tokens + "'12abc'"));
        add(f, {qwen, text("\t12\n"), integer(0)}, is_real(0.000006));
        add(f, {qwen, text("1 2"), integer(0)}, error(tokens + "'1 2'"));
        add(f, {qwen, text("-0"), integer(300)}, is_real(0.0015));
        // Models: case-insensitive, aliases, provider/model; nothing loose.
        add(f, {text("QWEN3-8B"), integer(230), integer(300)}, is_real(0.001615));
        add(f, {text("xop3qwen8b"), integer(230), integer(300)}, is_real(0.001615));
        add(f, {text("iflytek-xingchen/Qwen3-8B"), integer(230), integer(300)}, is_real(0.001615));
        add(f, {text("Qwen3-8B "), integer(230), integer(300)}, is_null());
        add(f, {text(" Qwen3-8B"), integer(230), integer(300)}, is_null());
        add(f, {text("Qwen3"), integer(230), integer(300)}, is_null());
        add(f, {text("xdeepseekv32"), integer(230), integer(300)}, is_null());
        add(f, {text("Spark Mini"), integer(230), integer(300)}, is_null());  // no token price
        add(f, {text("other/Qwen3-8B"), integer(230), integer(300)}, is_null());
        // at: text forms, unix seconds, the edges of the first price version.
        for (const char* at : {"2025-07-08 05:25:00", "2025-07-08T13:25:00+08:00", "2025-07-08T05:25:00Z",
                               " 2026-01-01 ", "2026-01-01 08:00", "2026-01-01 08:00:00.123456789",
                               "9999-12-31 23:59:59", "2028-02-29", "now", "2025-07-08T01:25:00-04:00",
                               "2025-07-08T13:25:00+08", "2025-07-08T13:25:00+0800", "1751952300", "253402300799"})
            add(f, {qwen, integer(230), integer(300), text(at)}, is_real(0.001615));
        for (const char* at : {"2025-07-08 05:24:59", "2025-07-08T13:24:59.999+08:00", "0000-01-01", "1970-01-01",
                               "2024-02-29", "2025-07-08T05:25:00+00:01", "1751952299", "-1", "0", "-62167219200"})
            add(f, {qwen, integer(230), integer(300), text(at)}, is_null());
        add(f, {qwen, integer(230), integer(300), integer(1751952300)}, is_real(0.001615));
        add(f, {qwen, integer(230), integer(300), integer(1751952299)}, is_null());
        add(f, {qwen, integer(230), integer(300), integer(253402300799)}, is_real(0.001615));
        // One range for every form of an instant: years 0000-9999 (time_text.hpp).
        add(f, {qwen, integer(230), integer(300), integer(-62167219200)}, is_null());  // 0000-01-01
        const std::string at_must = std::string(f) + ": at must be " + kAtWhat + ", got ";
        add(f, {qwen, integer(230), integer(300), integer(-62167219201)}, error(at_must + "-62167219201"));
        add(f, {qwen, integer(230), integer(300), integer(-253402300799)}, error(at_must + "-253402300799"));
        add(f, {qwen, integer(230), integer(300), integer(253402300800)}, error(at_must + "253402300800"));
        add(f, {qwen, integer(230), integer(300), integer(-253402300800)}, error(at_must + "-253402300800"));
        for (const char* at : {"2025-02-29",
                               "2026-02-30",
                               "2026-13-01",
                               "2026-00-10",
                               "2026-01-01 24:00:00",
                               "2026-01-01 23:60",
                               "2026-01-01 23:59:60",
                               "2026-01-01T08:00:00+15:00",
                               "2026-01-01T08:00:00+8",
                               "2026-01-01T08:00:00+08:0",
                               "2026-01-01T08:00:00+080",
                               "2026-01-01T08",
                               "2026-1-1",
                               "26-01-01",
                               "253402300800",
                               "-253402300800",
                               "-253402300799",
                               "-62167219201",
                               "1e9",
                               "1751952300.0",
                               " 1751952300",
                               "1-2",
                               "2026-01-01 08:00:00.",
                               "2026/01/01",
                               "2026-01-01x",
                               "yesterday",
                               "NOW",
                               "+2026-01-01",
                               "2026-01-01 08:00:00 +08:00 Z"})
            add(f, {qwen, integer(230), integer(300), text(at)}, error(at_must + "'" + at + "'"));
        add(f, {qwen, integer(230), integer(300), real(1751952300.0)}, error(at_must + "1751952300"));
    }

    for (const char* f : {"maas_cost_cached", "maas_builtin_cost_cached"}) {
        const std::string name = f;
        // Parts within their whole, named; the whole may be anything >= the parts.
        add(f, {qwen, integer(1000), integer(1000), integer(0)}, is_real(0.0005));
        add(f, {qwen, integer(1000), integer(1001), integer(0)},
            error(name + ": cached_tokens must be at most input_tokens (1000), got 1001"));
        add(f, {qwen, integer(0), integer(1), integer(0)},
            error(name + ": cached_tokens must be at most input_tokens (0), got 1"));
        add(f, {qwen, text("1000"), real(1001.0), integer(0)},
            error(name + ": cached_tokens must be at most input_tokens (1000), got 1001"));
        add(f, {qwen, integer(1000), integer(600), integer(0), integer(400)}, is_real(0.0005));
        add(f, {qwen, integer(1000), integer(600), integer(0), integer(401)},
            error(name + ": cache_write_tokens must be at most input_tokens - cached_tokens (400), got 401"));
        add(f, {qwen, integer(kMax), integer(kMax), integer(0), integer(1)},
            error(name + ": cache_write_tokens must be at most input_tokens - cached_tokens (0), got 1"));
        add(f, {qwen, integer(kMax), integer(kMax), integer(kMax), integer(0), integer(kMax)},
            is_real(50728546202701.266));
        // An error in a count comes before the consistency check, and before the model.
        add(f, {text("no such model"), integer(10), integer(11), integer(0)},
            error(name + ": cached_tokens must be at most input_tokens (10), got 11"));
        add(f, {text("no such model"), integer(10), integer(1), integer(0)}, is_null());
        add(f, {text("Spark Mini"), integer(10), integer(1), integer(0)}, is_null());
        add(f, {qwen, integer(1230), integer(1000), integer(300), integer(0), integer(0)}, is_real(0.002115));
        add(f, {qwen, integer(1230), integer(1000), integer(300), integer(0), integer(1), integer(1751952299)},
            is_null());
        add(f, {qwen, integer(1230), integer(1000), integer(300), integer(0), integer(1), text("2025-07-08 05:25:00")},
            is_real(0.002115));
    }

    for (const char* f : {"maas_training_cost", "maas_builtin_training_cost"}) {
        const Value lora = text("lora");
        add(f, {qwen, lora, integer(1000000)}, is_real(6.0));
        add(f, {qwen, lora, integer(1000000), integer(3)}, is_real(18.0));
        add(f, {qwen, text("LORA"), integer(1000000), integer(3)}, is_real(18.0));
        add(f, {qwen, text("LoRa"), integer(1000000), integer(3)}, is_real(18.0));
        add(f, {qwen, text("full"), integer(1000000)}, is_null());  // Qwen3-8B has no full price
        add(f, {text("Spark Mini"), text("全量更新"), integer(1000000)}, is_real(6.0));
        add(f, {text("Qwen3-30B-A3B"), lora, integer(1000000)}, is_null());
        add(f, {qwen, lora, integer(0), integer(kMax)}, is_real(0.0));
        add(f, {qwen, lora, integer(kMax)}, is_real(55340232221128.656));
        // tokens x epochs x price just fitting in 127 bits, and one more epoch not:
        // Qwen3-8B lora 0.006 (6e-3), DeepSeek-R1 lora 0.7 (7e-1), Spark Lite lora 0.03 (3e-2).
        const std::string too_large = std::string(f) + ": the cost is too large to compute exactly";
        add(f, {qwen, lora, integer(kMax), integer(3074457345618258603)}, is_real(1.7014118346046922e+32));
        add(f, {qwen, lora, integer(kMax), integer(3074457345618258604)}, error(too_large));
        add(f, {qwen, lora, integer(3074457345618258603), integer(kMax)}, is_real(1.7014118346046922e+32));
        add(f, {qwen, lora, integer(3074457345618258604), integer(kMax)}, error(too_large));
        add(f, {qwen, lora, text("9223372036854775807"), text("3074457345618258604")}, error(too_large));
        add(f, {text("DeepSeek-R1"), lora, integer(kMax), integer(2635249153387078802)},
            is_real(1.7014118346046924e+34));
        add(f, {text("DeepSeek-R1"), lora, integer(kMax), integer(2635249153387078803)}, error(too_large));
        add(f, {text("Spark Lite"), lora, integer(kMax), integer(6148914691236517206)},
            is_real(1.7014118346046925e+33));
        add(f, {text("Spark Lite"), lora, integer(kMax), integer(6148914691236517207)}, error(too_large));
        // Trailing zeros are not digits of precision: 3e18 epochs still price exactly.
        add(f, {text("DeepSeek-R1"), lora, integer(kMax), integer(3000000000000000000)},
            is_real(1.9369081277395029e+34));
        add(f, {qwen, lora, integer(kMax), integer(kMax)}, error(too_large));
        add(f, {qwen, lora, integer(1000), integer(1000), integer(1751952299)}, is_null());
        add(f, {qwen, text("lora_merge"), integer(1000)}, is_null());
        add(f, {qwen, text("deployment"), integer(1000)},
            error(std::string(f) + ": method must be " + kMethodWhat + ", got 'deployment'"));
    }

    for (const char* f : {"maas_deployment_cost", "maas_builtin_deployment_cost"}) {
        const Value v3 = text("DeepSeek-V3");
        const std::string too_large = std::string(f) + ": the cost is too large to compute exactly";
        add(f, {v3, integer(24)}, is_real(3600.0));
        add(f, {v3, integer(0), integer(kMax)}, is_real(0.0));
        add(f, {v3, real(2.5)}, is_real(375.0));
        add(f, {v3, real(0.1)}, is_real(15.0));  // 0.1 hours is 0.1, not 0.1000000000000000055...
        add(f, {v3, text("0.1")}, is_real(15.0));
        add(f, {v3, text(" 2.5e0 ")}, is_real(375.0));
        add(f, {v3, real(1e300)}, is_real(1.4999999999999999e+302));
        add(f, {v3, integer(kMax), integer(1)}, is_real(1383505805528216371050.0));
        add(f, {v3, integer(1), integer(kMax)}, is_real(1383505805528216371050.0));
        // hours x nodes x 150 just fitting in 127 bits, and one more hour not.
        add(f, {v3, integer(1229782938247303441), integer(kMax)}, is_real(1.7014118346046923e+39));
        add(f, {v3, integer(1229782938247303442), integer(kMax)}, error(too_large));
        add(f, {v3, integer(kMax), integer(kMax)}, error(too_large));
        // Exact, and just below / just above the rounding edge to infinity.
        add(f, {v3, text("1.19846208990821053862485980936868943E+306")}, is_real(1.7976931348623157e+308));
        add(f, {v3, text("1.19846208990821053862485980936868944E+306")}, error(too_large));
        add(f, {v3, real(1e307)}, error(too_large));
        // Tiny costs round to the nearest double, down to zero.
        add(f, {text("Spark Lite"), real(5e-324)}, is_real(5e-323));
        add(f, {text("Spark Lite"), text("1e-330")}, is_real(0.0));
        add(f, {text("Spark Lite"), text("1e-99998")}, is_real(0.0));
        add(f, {text("Spark Lite Instruct"), integer(24), integer(2)}, is_real(306.72000000000003));
        add(f, {text("Spark Mini"), integer(24), integer(1)}, is_real(240.0));
        add(f, {text("Spark Mini"), integer(24), integer(2)}, is_null());  // priced per hour, one node
        add(f, {qwen, integer(24)}, is_null());
        add(f, {v3, text("1e100000")}, error(std::string(f) + ": hours must be a non-negative number, got '1e100000'"));
        add(f, {v3, text(std::string(38, '9'))}, error(too_large));
        add(f, {v3, text(std::string(39, '9'))},
            error(std::string(f) + ": hours must be a non-negative number, got '" + std::string(39, '9') + "'"));
    }

    for (const char* f : {"maas_price", "maas_builtin_price"}) {
        add(f, {qwen, text("input")}, is_real(0.0005));
        add(f, {qwen, text("INPUT")}, is_real(0.0005));
        add(f, {qwen, text("输入")}, is_real(0.0005));
        add(f, {qwen, text("LORA")}, is_real(0.006));
        add(f, {qwen, text("deployment")}, is_null());
        add(f, {text("Gemma2_9b_it"), text("input")}, is_null());
        add(f, {text("Spark Lite Instruct"), text("独立部署")}, is_real(6.39));
        add(f,
            {
                qwen,
                text("input "),
            },
            error(std::string(f) + ": item must be " + kItemWhat + ", got 'input '"));
        add(f, {qwen, text("输入 ")}, error(std::string(f) + ": item must be " + kItemWhat + ", got '输入 '"));
        add(f, {qwen, text("input"), integer(1751952299)}, is_null());
    }

    for (const char* f : {"maas_model", "maas_builtin_model"}) {
        add(f, {text("xdeepseekv3")}, is_text("DeepSeek-V3"));
        add(f, {text("IFLYTEK-XINGCHEN/qwen3-8b")}, is_text("Qwen3-8B"));
        add(f, {text("iflytek-xingchen/")}, is_null());
        add(f, {text("/Qwen3-8B")}, is_null());
        add(f, {text("Qwen3-8B/")}, is_null());
        add(f, {text("Ｑwen3-8B")}, is_null());           // fullwidth Q: no Unicode folding
        add(f, {text("qwen3‐8b")}, is_null());            // U+2010 hyphen
        add(f, {text(std::string(47, 'a'))}, is_null());  // the longest cached spelling
        add(f, {text(std::string(48, 'a'))}, is_null());
    }

    // Usage JSON: the shapes understood, and malformed documents.
    {
        const std::string u = "maas_usage_cost";
        const std::string bad_json = u + ": usage is not valid JSON (";
        add(u, {qwen, text(R"({"prompt_tokens":230,"completion_tokens":300})")}, is_real(0.001615));
        add(u, {qwen, text(R"({"prompt_tokens":230})")}, is_real(0.000115));
        add(u, {qwen, text(R"({"completion_tokens":300})")}, is_real(0.0015));
        add(u,
            {qwen, text(R"({"payload":{"usage":{"text":{"question_tokens":4,"prompt_tokens":230,)"
                        R"("completion_tokens":300,"total_tokens":530}}}})")},
            is_real(0.001615));
        add(u, {qwen, text(R"({"usage":{"text":{"prompt_tokens":230,"completion_tokens":300}}})")}, is_real(0.001615));
        add(u, {qwen, text(R"({"text":{"prompt_tokens":230,"completion_tokens":300}})")}, is_real(0.001615));
        add(u,
            {qwen, text(R"({"usage":{"prompt_tokens":230,"completion_tokens":300,)"
                        R"("completion_tokens_details":{"reasoning_tokens":299}}})")},
            is_real(0.001615));
        add(u,
            {text("DeepSeek-R1"),
             text(R"({"prompt_tokens":9223372036854775807,"completion_tokens":9223372036854775807})")},
            is_real(184467440737095.53));
        add(u, {qwen, text(R"({"prompt_tokens":9223372036854775808})")},
            error(u + ": usage: usage.prompt_tokens must be a non-negative integer"));
        add(u, {qwen, text(R"({"prompt_tokens":-1})")},
            error(u + ": usage: usage.prompt_tokens must be a non-negative integer"));
        add(u, {qwen, text(R"({"prompt_tokens":1.0})")},
            error(u + ": usage: usage.prompt_tokens must be a non-negative integer"));
        add(u, {qwen, text(R"({"prompt_tokens":"5"})")},
            error(u + ": usage: usage.prompt_tokens must be a non-negative integer"));
        add(u, {qwen, text(R"({"prompt_tokens":null})")},
            error(u + ": usage: usage.prompt_tokens must be a non-negative integer"));
        add(u, {qwen, text(R"({"usage":{"completion_tokens":true}})")},
            error(u + ": usage: usage.completion_tokens must be a non-negative integer"));
        add(u, {qwen, text(R"({"payload":{"usage":{"text":{"prompt_tokens":[1]}}}})")},
            error(u + ": usage: payload.usage.text.prompt_tokens must be a non-negative integer"));
        add(u, {qwen, text(R"({"usage":null})")}, is_null());
        add(u, {qwen, text(R"({"usage":{}})")}, is_null());
        add(u, {qwen, text(R"({"usage":[1,2]})")}, is_null());
        add(u, {qwen, text(R"({"payload":{"usage":{}}})")}, is_null());
        add(u, {qwen, text("[]")}, is_null());
        add(u, {qwen, text("\"text\"")}, is_null());
        add(u, {qwen, text("null")}, is_null());
        add(u, {text("no such model"), text(kUsage)}, is_null());
        add(u, {qwen, text(kUsage), integer(1751952299)}, is_null());
        add(u, {qwen, text("{")}, error_prefix(bad_json));
        // Valid JSON (a number has no size limit in JSON), but no count.
        add(u, {qwen, text(R"({"prompt_tokens":18446744073709551616})")},
            error(u + ": usage: usage.prompt_tokens must be a non-negative integer"));
        add(u, {qwen, text(R"({"prompt_tokens":1}{"prompt_tokens":2})")}, error_prefix(bad_json));
        add(u, {qwen, text(R"({"prompt_tokens":1,})")}, error_prefix(bad_json));
        // Single quotes: read as ClickHouse map text, where prompt_tokens is no Langfuse bucket.
        add(u, {qwen, text(R"({'prompt_tokens':1})")},
            error(u + ": usage: usage_details.prompt_tokens is not a token kind this reader knows"));
        add(u, {qwen, text("\"\xff\"")}, error_prefix(bad_json));
        add(u, {qwen, text("\"\xed\xa0\x80\"")}, error_prefix(bad_json));            // a UTF-8 surrogate
        add(u, {qwen, sql("printf('%.*c', 100000, '[')")}, error_prefix(bad_json));  // too deep
        add(u, {qwen, sql("'[' || printf('%.*c', 1048576, ' ') || ']'")}, is_null());
        add(u, {qwen, sql("'{\"x\":\"' || printf('%.*c', 1048576, 'x') || '\",\"prompt_tokens\":230}'")},
            is_real(0.000115));
        // Every shape of usage_json.hpp, each with its rule (Qwen3-8B: 230 in, 300 out = 0.001615).
        const std::string bad_map = u + ": usage is not a valid ClickHouse map (";
        add(u, {qwen, text(R"({"input_tokens":230,"output_tokens":300})")}, is_real(0.001615));  // bare: unambiguous
        add(u,
            {qwen,
             text(
                 R"({"object":"response","output":[],"usage":{"input_tokens":230,"output_tokens":300,)"
                 R"("input_tokens_details":{"cached_tokens":200},"output_tokens_details":{"reasoning_tokens":299}}})")},
            is_real(0.001615));
        add(u,
            {qwen, text(R"({"type":"message","usage":{"input_tokens":30,"cache_read_input_tokens":150,)"
                        R"("cache_creation_input_tokens":50,"output_tokens":300}})")},
            is_real(0.001615));  // Anthropic: 30 + 150 + 50 input
        add(u, {qwen, text(R"({"input_tokens":30,"cache_read_input_tokens":200,"output_tokens":300})")},
            is_real(0.001615));
        add(u, {qwen, text(R"({"input_tokens":230,"output_tokens":300,"prompt_tokens":100,"completion_tokens":50})")},
            is_real(0.001615));  // Open WebUI: the turn's totals
        add(u, {qwen, text("{'input':230,'output':300,'total':530}")}, is_real(0.001615));
        add(u, {qwen, text(" { 'input' : 30 , 'input_cached_tokens' : 200 , 'output' : 300 } \n")}, is_real(0.001615));
        add(u, {qwen, text(R"({"input":30,"input_cache_read":200,"output":300,"total":530})")}, is_real(0.001615));
        add(u, {qwen, text("\\N")}, is_null());
        add(u, {qwen, text(" \\N\n")}, is_null());
        add(u, {qwen, text(R"({"object":"response","output":[],"usage":null})")}, is_null());
        add(u, {qwen, text(R"({"input_tokens":-1,"output_tokens":300})")},
            error(u + ": usage: usage.input_tokens must be a non-negative integer"));
        add(u, {qwen, text(R"({"input_tokens":1,"cache_read_input_tokens":1.5})")},
            error(u + ": usage: usage.cache_read_input_tokens must be a non-negative integer"));
        add(u, {qwen, text(R"({"input_tokens":9223372036854775807,"cache_creation_input_tokens":1})")},
            error(u + ": usage: usage.input_tokens + cache_read_input_tokens + cache_creation_input_tokens is more "
                      "than 9223372036854775807"));
        add(u, {qwen, text(R"({"prompt_tokens":10,"prompt_tokens_details":{"cached_tokens":11}})")},
            error(u + ": usage: usage.prompt_tokens_details.cached_tokens (11) is more than usage.prompt_tokens (10)"));
        add(u, {qwen, text(R"({"prompt_tokens":10,"prompt_tokens_details":{"cached_tokens":"1"}})")},
            error(u + ": usage: usage.prompt_tokens_details.cached_tokens must be a non-negative integer"));
        add(u, {qwen, text(R"({"prompt_tokens":10,"prompt_tokens_details":7})")},
            error(u + ": usage: usage.prompt_tokens_details must be an object"));
        add(u, {qwen, text(R"({"output_tokens":1,"output_tokens_details":{"reasoning_tokens":2}})")},
            error(u +
                  ": usage: usage.output_tokens_details.reasoning_tokens (2) is more than usage.output_tokens (1)"));
        add(u, {qwen, text(R"({"input_tokens":1,"output_tokens":1,"prompt_tokens":2})")},
            error(u + ": usage: usage.prompt_tokens (the last call) (2) is more than usage.input_tokens (the whole "
                      "turn) (1)"));
        add(u, {qwen, text("{'input':-1}")}, error(u + ": usage: usage_details.input must be a non-negative integer"));
        add(u, {qwen, text("{'input':1.5}")}, error(u + ": usage: usage_details.input must be a non-negative integer"));
        add(u, {qwen, text("{'input':x}")}, error(u + ": usage: usage_details.input must be a non-negative integer"));
        add(u, {qwen, text("{'input':9223372036854775808}")},
            error(u + ": usage: usage_details.input must be a non-negative integer"));
        add(u, {qwen, text("{'input':1,'input':2}")}, error(u + ": usage: usage_details.input is given twice"));
        add(u, {qwen, text("{'input':1,'output':2,'total':4}")},
            error(u + ": usage: usage_details.total (4) is not the sum of the other keys (3)"));
        add(u, {qwen, text(R"({"input":1,"output":"2"})")},
            error(u + ": usage: usage_details.output must be a non-negative integer"));
        add(u, {qwen, text("{'input':1")}, error_prefix(bad_map));
        add(u, {qwen, text("{'input' 1}")}, error_prefix(bad_map));
        add(u, {qwen, text("{'input':}")}, error_prefix(bad_map));
        add(u, {qwen, text("{'in\\'put':1}")}, error_prefix(bad_map));
        add(u, {qwen, text("{'input':1} x")}, error_prefix(bad_map));
        add(u, {qwen, text("{'input':1,}")}, error_prefix(bad_map));
        for (const char* kind : {"cached_input", "CACHE_WRITE", "reasoning"})
            add("maas_usage_tokens", {text(kUsage), text(kind)}, is_integer(0));
        add("maas_usage_tokens", {text(kUsage), text("uncached_input")}, is_integer(230));
        add("maas_usage_tokens",
            {text(R"({"input_tokens":30,"cache_read_input_tokens":150,)"
                  R"("cache_creation_input_tokens":50,"output_tokens":300})"),
             text("uncached_input")},
            is_integer(30));
        add("maas_usage_tokens", {text("{'input':30,'input_cached_tokens':200,'output':300}"), text("cached_input")},
            is_integer(200));
        add("maas_usage_tokens", {text(kUsage), text("input")}, is_integer(230));
        add("maas_usage_tokens", {text(kUsage), text("OUTPUT")}, is_integer(300));
        add("maas_usage_tokens", {text(R"({"prompt_tokens":9223372036854775807})"), text("input")}, is_integer(kMax));
        add("maas_usage_tokens", {text(R"({"prompt_tokens":5})"), text("output")}, is_integer(0));
        add("maas_usage_tokens", {text("{}"), text("input")}, is_null());
        add("maas_usage_tokens", {text(kUsage), text("deployment")},
            error("maas_usage_tokens: kind must be 'input', 'output', 'cached_input', 'cache_write', "
                  "'uncached_input' or 'reasoning', got 'deployment'"));
        add("maas_usage_tokens", {text("{"), text("input")},
            error_prefix("maas_usage_tokens: usage is not valid JSON ("));
        // maas_usage_problem: NULL where maas_usage_tokens reads, else the text of its error.
        add("maas_usage_problem", {text("{'input':1,'total':2}")},
            is_text("usage: usage_details.total (2) is not the sum of the other keys (1)"));
        add("maas_usage_problem", {text("{'input':1.5}")},
            is_text("usage: usage_details.input must be a non-negative integer"));
        add("maas_usage_problem", {text("{'input' 1}")},
            is_text("usage is not a valid ClickHouse map (expected ':' after a key at byte 10)"));
        add("maas_usage_problem", {text("{")},
            is_text("usage is not valid JSON (expected a key in double quotes at byte 2)"));
        add("maas_usage_problem", {text("{}")}, is_null());
        add("maas_usage_problem", {text("\\N")}, is_null());
    }

    // Wrong argument counts (checked before NULL), and NULL before any other check.
    for (const Arity& a : kArities) {
        auto message = [&](int n) {
            std::string m = std::string(a.function) + ": expected ";
            m += a.least == a.most ? std::to_string(a.least)
                                   : std::to_string(a.least) + " to " + std::to_string(a.most);
            m += std::string(a.least == 1 && a.most == 1 ? " argument " : " arguments ") + a.signature + ", got " +
                 std::to_string(n);
            return m;
        };
        for (int n : {0, a.least - 1, a.most + 1, a.most + 2, 127}) {
            if (n < 0 || (n >= a.least && n <= a.most)) continue;
            add(a.function, std::vector<Value>(size_t(n), null()), error(message(n)));
        }
        std::string many = "SELECT " + std::string(a.function) + "(NULL";
        for (int k = 1; k < 128; ++k) many += ", NULL";
        add_sql(many + ")", {}, error(std::string("too many arguments on function ") + a.function));
        if (a.least > 0) {
            // All NULL at a right count: NULL, whatever else would be wrong.
            add(a.function, std::vector<Value>(size_t(a.least), null()), is_null());
            std::vector<Value> mixed(size_t(a.most), integer(-1));
            // A NULL variant is "no variant", a NULL period "no period", not
            // NULL out (docs/conventions.md): there the NULL that answers
            // first is another argument.
            const std::string signature = a.signature;
            const bool last_is_label = signature.find("variant]") != std::string::npos ||
                                       signature.find("period]") != std::string::npos;
            (last_is_label ? mixed.front() : mixed.back()) = null();
            // (An aggregate's decimals must hold for every row: NULL is an error there.)
            add(a.function, mixed,
                std::string(a.function) == "maas_total_text"
                    ? error("maas_total_text: decimals must be an integer from 0 to 18, got NULL")
                    : is_null());
        }
    }
    add("maas_version", {}, is_text(MAAS_VERSION));

    // Totals: the accepted values, each the exact decimal it stands for.
    add("maas_total", {integer(-1)}, is_real(-1.0));
    add("maas_total", {integer(kMin)}, is_real(-9223372036854775808.0));
    add("maas_total", {integer(kMax)}, is_real(9223372036854775807.0));
    add("maas_total", {real(-2.5)}, is_real(-2.5));
    add("maas_total", {real(-0.0)}, is_real(0.0));
    add("maas_total", {real(1e300)}, is_real(1e300));
    add("maas_total", {real(5e-324)}, is_real(5e-324));
    add("maas_total", {text(" 7 ")}, is_real(7.0));
    add("maas_total", {text("1e-400")}, is_real(0.0));
    add("maas_total", {text("-1e400")}, error("maas_total: the sum is beyond the largest REAL"));
    add("maas_total", {text("99999999999999999999999999999999999999")}, is_real(1e38));
    add("maas_total", {text("999999999999999999999999999999999999999")},
        error("maas_total: x must be a finite number, got '999999999999999999999999999999999999999'"));
    add("maas_total", {text(std::string(1 << 20, '0') + "1.5")}, is_real(1.5));
    add("maas_total", {text("0x10")}, error("maas_total: x must be a finite number, got '0x10'"));
    add("maas_total", {text("1.5.0")}, error("maas_total: x must be a finite number, got '1.5.0'"));
    add("maas_total", {text("nan")}, error("maas_total: x must be a finite number, got 'nan'"));
    add("maas_total_text", {integer(kMax), integer(2)}, is_text("9223372036854775807.00"));
    add("maas_total_text", {integer(kMin)}, is_text("-9223372036854775808"));
    add("maas_total_text", {real(-2.5), integer(0)}, is_text("-3"));
    add("maas_total_text", {real(-0.0), real(-0.0)}, is_text("0"));
    add("maas_total_text", {real(1e300), integer(0)}, is_text("1" + std::string(300, '0')));
    add("maas_total_text", {text(" 7 "), text(" 7 ")}, is_text("7.0000000"));
    add("maas_total_text", {real(3.0), real(3.0)}, is_text("3.000"));
    add("maas_total_text", {real(0.1), integer(18)}, is_text("0.100000000000000000"));
    add("maas_total_text", {real(0.1), integer(19)},
        error("maas_total_text: decimals must be an integer from 0 to 18, got 19"));
    add("maas_total_text", {real(0.1), text("1e1")}, is_text("0.1000000000"));
    add("maas_round_text", {integer(-1), integer(0)}, is_text("-1"));
    add("maas_round_text", {integer(kMin), integer(18)}, is_text("-9223372036854775808.000000000000000000"));
    add("maas_round_text", {real(-2.5), real(-0.0)}, is_text("-3"));
    add("maas_round_text", {real(1e300), real(3.0)}, is_text("1" + std::string(300, '0') + ".000"));
    add("maas_round_text", {text(" 7 "), text(" 7 ")}, is_text("7.0000000"));
    add("maas_round_text", {real(2.5)}, is_text("2.5"));
    add("maas_round_text", {real(0.001615)}, is_text("0.001615"));
    add("maas_round_text", {real(0.0016150000000000001)}, is_text("0.0016150000000000001"));  // another double
    add("maas_round_text", {real(5e-324), integer(0)}, is_text("0"));
    add("maas_round_text", {text("-0.5"), integer(0)}, is_text("-1"));
    add("maas_round_text", {text("-0.4"), integer(0)}, is_text("0"));
    add_sql("SELECT maas_total(x) FROM (SELECT ?1 AS x UNION ALL SELECT ?2)",
            {text("99999999999999999999999999999999999999"), integer(1)}, is_real(1e38));
    add_sql("SELECT maas_total(x) FROM (SELECT ?1 AS x UNION ALL SELECT ?2)",
            {text("99999999999999999999999999999999999999"), text("99999999999999999999999999999999999999")},
            error("maas_total: the sum is too large to compute exactly"));
    add_sql("SELECT maas_total_text(x, ?3) FROM (SELECT ?1 AS x UNION ALL SELECT ?2)",
            {real(1e15), real(1e-15), integer(18)}, is_text("1000000000000000.000000000000001000"));
    add_sql("SELECT maas_total_text(x, ?3) FROM (SELECT ?1 AS x UNION ALL SELECT ?2)",
            {real(1e22), real(1e-22), integer(18)}, error("maas_total_text: the sum is too large to compute exactly"));
    add_sql("SELECT maas_total_text(x, ?3) FROM (SELECT ?1 AS x UNION ALL SELECT ?2)",
            {real(1e22), real(1e-22), null()},
            error("maas_total_text: decimals must be an integer from 0 to 18, got NULL"));
    add_sql("SELECT maas_total(x) FROM (SELECT ?1 AS x UNION ALL SELECT ?2)", {text("1e20"), real(1e-20)},
            error("maas_total: the sum is too large to compute exactly"));
    add_sql("SELECT maas_total(x) FROM (SELECT ?1 AS x WHERE 0)", {integer(1)}, is_null());
    add("maas_cost", {null(), integer(-1), text("x"), text("bad time")}, is_null());
    add("maas_training_cost", {text("Qwen3-8B"), text("qlora"), integer(-1), integer(0), null()}, is_null());
    add("maas_usage_cost", {blob("x"), text("{"), null()}, is_null());
    add("maas_instant", {text("2026-01-01"), null()}, is_null());  // no unit: NULL, not an error
    add("maas_instant", {null(), text("days")}, is_null());

    // maas_instant: the numbers the generated table accepts, in each unit.
    {
        const std::string f = "maas_instant";
        add(f, {integer(-1)}, is_text("1969-12-31 23:59:59"));
        add(f, {integer(0)}, is_text("1970-01-01 00:00:00"));
        add(f, {real(2.5)}, is_text("1970-01-01 00:00:02.500"));
        add(f, {real(-2.5)}, is_text("1969-12-31 23:59:57.500"));
        add(f, {real(-0.0)}, is_text("1970-01-01 00:00:00"));
        add(f, {real(3.0)}, is_text("1970-01-01 00:00:03"));
        for (const char* unit : {"s", "ms", "us", "ns"}) {
            const bool seconds = std::string(unit) == "s";
            add(f, {integer(-1), text(unit)}, is_text(seconds ? "1969-12-31 23:59:59" : "1969-12-31 23:59:59.999"));
            add(f, {integer(0), text(unit)}, is_text("1970-01-01 00:00:00"));
            add(f, {text("-1"), text(unit)}, is_text(seconds ? "1969-12-31 23:59:59" : "1969-12-31 23:59:59.999"));
            add(f, {text("-0"), text(unit)}, is_text("1970-01-01 00:00:00"));
            // A TEXT date ignores the unit.
            add(f, {text("2026-01-01T08:00:00+08"), text(unit)}, is_text("2026-01-01 00:00:00"));
            add(f, {integer(kMin), text(unit)},
                std::string(unit) == "ns" ? is_text("1677-09-21 00:12:43.145") : is_null());
            add(f, {integer(kMax), text(unit)},
                std::string(unit) == "ns" ? is_text("2262-04-11 23:47:16.854") : is_null());
        }
        add(f, {real(2.5), text("ms")}, is_text("1970-01-01 00:00:00.003"));  // a REAL is rounded, half away from 0
        add(f, {real(-2.5), text("ms")}, is_text("1969-12-31 23:59:59.997"));
        add(f, {real(2.5), text("us")}, is_text("1970-01-01 00:00:00"));
        add(f, {real(1e300), text("ns")}, is_null());
        add(f, {text("9223372036854775807"), text("ns")}, is_text("2262-04-11 23:47:16.854"));
        add(f, {text("9223372036854775808"), text("ns")}, is_null());
        add(f, {text("-9223372036854775808"), text("ns")}, is_text("1677-09-21 00:12:43.145"));
        add(f, {text("-9223372036854775809"), text("ns")}, is_null());
        add(f, {text("01754006399"), text("s")}, is_text("2025-07-31 23:59:59"));
        add(f, {text("1754006399.0")}, is_null());
        add(f, {text("+1754006399")}, is_null());
        add(f, {text("1e9")}, is_null());
        add(f, {text("0x10")}, is_null());
        add(f, {text("2026-01-01 08:00:00.123456789")}, is_text("2026-01-01 08:00:00.123"));
        add(f, {text("2026-01-01T08:00:00+15:00")}, is_null());
        add(f, {text("now")}, is_null());
        add(f, {integer(1), text("S")}, error("maas_instant: unit must be 's', 'ms', 'us' or 'ns', got 'S'"));
        add(f, {integer(1), text("ms ")}, error("maas_instant: unit must be 's', 'ms', 'us' or 'ns', got 'ms '"));
    }

    // maas_exec: what runs, what counts, and how errors name the statement.
    {
        const std::string f = "maas_exec";
        add(f, {text("SELECT 1")}, is_integer(1));
        add(f, {text(";;; -- nothing\n/* nothing */")}, is_integer(0));
        add(f, {text("SELECT 1; SELECT 2; SELECT 3;")}, is_integer(3));
        add(f, {sql("printf('%.*c', 100000, ';')")}, is_integer(0));
        add(f, {sql("'SELECT ' || printf('%.*c', 1048576, '1')")}, is_integer(1));
        add(f, {text("SELECT 1; SELECT")}, error("maas_exec: statement 2: incomplete input"));
        add(f, {text("SELECT x'zz'")}, error("maas_exec: statement 1: unrecognized token: \"x'zz'\""));
        add(f, {text("SELECT maas_cost()")},
            error("maas_exec: statement 1: maas_cost: expected 3 to 5 arguments (model, input_tokens, output_tokens "
                  "[, at [, variant]]), got 0"));
        add(f, {text("SELECT maas_exec(1)")},
            error("maas_exec: statement 1: maas_exec: sql must be TEXT holding SQL statements, got 1"));
        add(f, {text("SELECT ?1")}, is_integer(1));  // a parameter inside is unbound: NULL
    }

    // maas_rates and maas_aliases with hostile constraint values.
    add_sql("SELECT count(*) FROM maas_rates(?1)", {text("qwen3-8b")}, is_integer(3));
    add_sql("SELECT count(*) FROM maas_rates(?1)", {null()}, is_integer(0));
    add_sql("SELECT count(*) FROM maas_rates(?1)", {blob(std::string("\0", 1))}, is_integer(0));
    add_sql("SELECT count(*) FROM maas_rates(?1)", {text(kMega)}, is_integer(0));
    add_sql("SELECT count(*) FROM maas_rates(?1)", {text("Qwen3-8B" + std::string(1, '\0') + "x")}, is_integer(0));
    add_sql("SELECT count(*) FROM maas_rates(?1)", {real(std::numeric_limits<double>::quiet_NaN())},
            is_integer(0));  // NaN binds as NULL
    add_sql("SELECT count(*) FROM maas_rates WHERE model = ?1", {text("qwen3-8b")}, is_integer(0));
    add_sql("SELECT count(*) FROM maas_rates WHERE model = ?1 COLLATE NOCASE", {text("qwen3-8b")}, is_integer(3));
    add_sql("SELECT count(*) FROM maas_rates WHERE model = ?1", {text("Qwen3-8B" + std::string(1, '\0'))},
            is_integer(0));
    add_sql("SELECT count(*) FROM maas_rates WHERE model = ?1 AND item = ?2", {qwen, text("LORA")}, is_integer(0));
    add_sql("SELECT count(*) FROM maas_rates WHERE item = ?1", {text("INPUT")}, is_integer(0));
    add_sql("SELECT count(*) FROM maas_rates WHERE item = ?1", {text(kMega)}, is_integer(0));
    add_sql("SELECT count(*) FROM maas_rates WHERE item = ?1", {integer(1)}, is_integer(0));
    add_sql("SELECT count(*) FROM maas_rates WHERE item = ?1", {null()}, is_integer(0));
    add_sql("SELECT count(*) FROM maas_aliases WHERE alias = ?1", {text(kMega)}, is_integer(0));
    add_sql("SELECT count(*) FROM maas_rates WHERE lookup = ?1 AND model = ?2", {text("xop3qwen8b"), qwen},
            is_integer(3));
    add_sql("SELECT count(*) FROM maas_rates WHERE lookup = ?1 AND model = ?2",
            {text("xop3qwen8b"), text("DeepSeek-V3")}, is_integer(0));
    return cases;
}

// Runs every case on db; returns how many were run.
size_t check_all(Db& db, const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        const std::string mismatch = run(db.handle(), c);
        INFO(mismatch);
        CHECK(mismatch.empty());
    }
    return cases.size();
}

}  // namespace

TEST_CASE("every function, every bad argument in every position (generated table)", "[robust][bad-input]") {
    TempDir dir;
    const std::string card = dir.write("card.csv",
                                       "provider,model,service,item,label,price,unit,currency,effective_from,source\n"
                                       "acme,Robust-1,inference,input,in,0.001,k_tokens,CNY,2025-01-01,test\n"
                                       "acme,Robust-1,inference,output,out,0.002,k_tokens,CNY,2025-01-01,test\n");
    Db db;
    const size_t n = check_all(db, generated_cases(card));
    std::printf("bad-input: %zu generated cases checked\n", n);
    CHECK(n > 700);
}

TEST_CASE("accepted edges, overflow edges, arity, NULL, JSON and times (written table)", "[robust][bad-input]") {
    Db db;
    const size_t n = check_all(db, written_cases());
    std::printf("bad-input: %zu written cases checked\n", n);
    CHECK(n > 400);
}

TEST_CASE("maas_debug and maas_version answer the same whatever the state", "[robust][bad-input]") {
    Db db;
    const std::string debug = db.value("SELECT maas_debug()");
    CHECK(debug.rfind(std::string("sqlite-maas ") + MAAS_VERSION + "\nbuild: ", 0) == 0);
    CHECK(debug.find("\ncard: data/xingchen_rates.csv, 131 lines, 42 models") != std::string::npos);
    CHECK(db.value("SELECT maas_version() || maas_version()") == std::string(MAAS_VERSION) + MAAS_VERSION);
}

// The tables above against what the module registers.  Named exceptions
// only: maas_version and maas_debug take no argument, so there is nothing to
// make bad (the arity table still has them; the case above checks them).
TEST_CASE("both tables name every function the module registers, and only those", "[robust][bad-input]") {
    const std::set<std::string> no_arguments = {"maas_version", "maas_debug"};
    Db db;
    std::set<std::string> registered;
    for (const auto& row : db.rows("SELECT DISTINCT name FROM pragma_function_list WHERE name LIKE 'maas%'"))
        registered.insert(row[0]);
    REQUIRE(registered.size() > 20);

    std::set<std::string> generated(no_arguments);
    for (const Signature& s : signatures("card.csv")) generated.insert(s.function);
    std::set<std::string> arity;
    for (const Arity& a : kArities) arity.insert(a.function);

    const auto differences = [&registered](const std::set<std::string>& table) {
        std::string out;
        for (const std::string& f : registered)
            if (!table.count(f)) out += " missing " + f + ";";
        for (const std::string& f : table)
            if (!registered.count(f)) out += " not registered " + f + ";";
        return out;
    };
    INFO("generated table (signatures()):" << differences(generated));
    CHECK(generated == registered);
    INFO("arity table (kArities):" << differences(arity));
    CHECK(arity == registered);
}

TEST_CASE("user prices at the edges of exact arithmetic", "[robust][bad-input]") {
    Db db;
    db.exec(robust::read_text_file(MAAS_SOURCE_DIR "/sql/user_tables.sql"));
    db.exec("INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from) VALUES "
            "('acme', 'Big', 'inference', 'input', '" +
            std::string(38, '9') +
            "', 'k_tokens', 'CNY', '2025-01-01'),"
            "('acme', 'Big', 'inference', 'output', '0', 'k_tokens', 'CNY', '2025-01-01'),"
            "('acme', 'Mixed', 'inference', 'input', '0.001', 'k_tokens', 'CNY', '2025-01-01'),"
            "('acme', 'Mixed', 'inference', 'output', '0.001', 'k_tokens', 'USD', '2025-01-01'),"
            "('acme', 'Fine', 'inference', 'input', '0." +
            std::string(36, '0') +
            "1', 'k_tokens', 'CNY', '2025-01-01'),"
            "('acme', 'Fine', 'inference', 'output', '1', 'k_tokens', 'CNY', '2025-01-01')");
    std::vector<Case> cases = {
        // A 38-digit price: one token fits in 128 bits, two do not.
        {"maas_cost", {text("Big"), integer(1), integer(0)}, is_real(1e35), ""},
        {"maas_cost",
         {text("Big"), integer(2), integer(0)},
         error("maas_cost: the cost is too large to compute exactly"),
         ""},
        {"maas_price", {text("Big"), text("input")}, is_real(1e38), ""},
        {"maas_cost",
         {text("Mixed"), integer(1), integer(1)},
         error("maas_cost: the prices in force are in different currencies"),
         ""},
        {"maas_usage_cost",
         {text("Mixed"), text(kUsage)},
         error("maas_usage_cost: the prices in force are in different currencies"),
         ""},
        // 10^-37 per k_tokens next to 1: the exact sum needs 41 digits only with both terms.
        {"maas_cost", {text("Fine"), integer(1000), integer(0)}, is_real(1e-37), ""},
        {"maas_cost", {text("Fine"), integer(0), integer(1000)}, is_real(1.0), ""},
        {"maas_cost",
         {text("Fine"), integer(kMax), integer(kMax)},
         error("maas_cost: the cost is too large to compute exactly"),
         ""},
        {"maas_builtin_cost", {text("Big"), integer(1), integer(0)}, is_null(), ""},
    };
    for (const Case& c : cases) {
        const std::string mismatch = run(db.handle(), c);
        INFO(mismatch);
        CHECK(mismatch.empty());
    }
    // A bad user row stops every maas_* function with a message naming it,
    // and leaves maas_builtin_* alone.
    db.exec("INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from) "
            "VALUES ('acme', 'Bad', 'inference', 'input', '0.1', 'tokens', 'CNY', '2025-01-01')");
    const std::string row =
        "maas_user_rates rowid 7: unit: 'tokens' is not k_tokens, m_tokens, request, node_hour or hour";
    CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 1)") == "maas_cost: " + row);
    CHECK(db.error("SELECT maas_model('Qwen3-8B')") == "maas_model: " + row);
    CHECK(db.error("SELECT count(*) FROM maas_rates") == "maas_rates: " + row);
    CHECK(db.real("SELECT maas_builtin_cost('Qwen3-8B', 230, 300)") == 0.001615);
    CHECK(db.value("SELECT maas_usage_tokens('{\"prompt_tokens\":5}', 'input')") == "5");
    db.exec("DELETE FROM maas_user_rates WHERE model = 'Bad'");
    CHECK(db.real("SELECT maas_cost('Qwen3-8B', 230, 300)") == 0.001615);
}

TEST_CASE("user cached, cache-write and request prices at the edges", "[robust][bad-input][cached]") {
    Db db;
    db.exec(robust::read_text_file(MAAS_SOURCE_DIR "/sql/user_tables.sql"));
    db.exec("INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from) VALUES "
            "('acme', 'C', 'inference', 'input', '2', 'm_tokens', 'CNY', '2025-01-01'),"
            "('acme', 'C', 'inference', 'output', '8', 'm_tokens', 'CNY', '2025-01-01'),"
            "('acme', 'C', 'inference', 'cached_input', '" +
            std::string(38, '9') +
            "', 'm_tokens', 'CNY', '2025-01-01'),"
            "('acme', 'U', 'inference', 'input', '2', 'm_tokens', 'CNY', '2025-01-01'),"
            "('acme', 'U', 'inference', 'output', '8', 'm_tokens', 'CNY', '2025-01-01'),"
            "('acme', 'U', 'inference', 'cache_write', '1', 'm_tokens', 'USD', '2025-01-01'),"
            "('acme', 'R', 'inference', 'request', '0.05', 'request', 'CNY', '2025-01-01')");
    const std::string mixed = "the prices in force are in different currencies";
    const std::vector<Case> cases = {
        // A 38-digit cached price: nothing cached prices as usual, one cached token fits, two do not.
        {"maas_cost_cached", {text("C"), integer(1000000), integer(0), integer(0)}, is_real(2.0), ""},
        {"maas_cost_cached", {text("C"), integer(1), integer(1), integer(0)}, is_real(1e32), ""},
        {"maas_cost_cached",
         {text("C"), integer(2), integer(2), integer(0)},
         error("maas_cost_cached: the cost is too large to compute exactly"),
         ""},
        // 10^6 cached tokens x (10^38 - 1) x 10^-6 is exact again: trailing zeros are no digits.
        {"maas_cost_cached", {text("C"), integer(1000000), integer(1000000), integer(0)}, is_real(1e38), ""},
        {"maas_cost", {text("C"), integer(1000000), integer(0)}, is_real(2.0), ""},
        // One price in another currency makes every inference cost of the model an error.
        {"maas_cost_cached", {text("U"), integer(10), integer(0), integer(0)}, error("maas_cost_cached: " + mixed), ""},
        {"maas_cost", {text("U"), integer(10), integer(0)}, error("maas_cost: " + mixed), ""},
        {"maas_unpriced", {text("U")}, is_text("mixed_currency"), ""},
        {"maas_currency", {text("U")}, is_null(), ""},
        // A request price alone is no token price.
        {"maas_cost_cached", {text("R"), integer(0), integer(0), integer(0)}, is_null(), ""},
        {"maas_cost", {text("R"), integer(0), integer(0)}, is_null(), ""},
        {"maas_unpriced", {text("R")}, is_text("no_token_price"), ""},
        {"maas_price", {text("R"), text("request")}, is_real(0.05), ""},
        {"maas_currency", {text("R")}, is_text("CNY"), ""},
    };
    for (const Case& c : cases) {
        const std::string mismatch = run(db.handle(), c);
        INFO(mismatch);
        CHECK(mismatch.empty());
    }
}

// Price rules (issue 26): the variant argument at its edges, a conditional
// card's answers, and bad condition, billed_per and calendar rows, each
// with its exact answer.
TEST_CASE("variants, conditions, billed_per and the calendar at their edges", "[robust][bad-input][conditions]") {
    Db db;
    db.exec(robust::read_text_file(MAAS_SOURCE_DIR "/sql/user_tables.sql"));
    db.exec("INSERT INTO maas_user_rates(provider, model, service, item, price, unit, currency, effective_from, "
            "condition, billed_per) VALUES "
            "('acme', 'C', 'inference', 'input', '2', 'm_tokens', 'CNY', '2026-01-01', NULL, NULL),"
            "('acme', 'C', 'inference', 'output', '8', 'm_tokens', 'CNY', '2026-01-01', '', ''),"
            "('acme', 'C', 'inference', 'input', '1', 'm_tokens', 'CNY', '2026-01-01', 'variant = batch', NULL),"
            "('acme', 'C', 'inference', 'input', '3', 'm_tokens', 'CNY', '2026-01-01', 'variant = " +
            std::string(64, 'v') +
            "', NULL),"
            "('acme', 'C', 'inference', 'input', '4', 'm_tokens', 'CNY', '2026-01-01', 'variant = flex', NULL),"
            "('acme', 'C', 'inference', 'input', '5', 'm_tokens', 'CNY', '2026-01-01', "
            "'input > 1m and input <= 2m', NULL),"
            "('acme', 'C', 'inference', 'input', '6', 'm_tokens', 'CNY', '2026-01-01', "
            "'day is holiday @+08:00 and input <= 1m', NULL),"
            "('acme', 'B', 'inference', 'input', '2', 'm_tokens', 'CNY', '2026-01-01', 'input <= 32k', NULL),"
            "('acme', 'B', 'inference', 'output', '8', 'm_tokens', 'CNY', '2026-01-01', NULL, NULL),"
            "('acme', 'T', 'inference', 'input', '2', 'm_tokens', 'CNY', '2026-01-01', 'variant = batch', NULL),"
            "('acme', 'T', 'inference', 'input', '3', 'm_tokens', 'CNY', '2026-01-01', 'input > 10', NULL),"
            "('acme', 'T', 'inference', 'output', '8', 'm_tokens', 'CNY', '2026-01-01', NULL, NULL),"
            "('acme', 'D', 'inference', 'deployment', '20', 'node_hour', 'CNY', '2026-01-01', NULL, 'started_hour')");
    db.exec("INSERT INTO maas_user_calendar(date, kind) VALUES ('2026-10-01', 'holiday')");
    const std::string usage = R"({"usage":{"prompt_tokens":1000000,"completion_tokens":0}})";
    const auto tiered = [](const char* tier) {
        return text(std::string(R"({"service_tier":)") + tier +
                    R"(,"usage":{"prompt_tokens":1000000,"completion_tokens":0}})");
    };
    const Value at = text("2026-09-01"), holiday = text("2026-10-01 10:00:00+08:00");
    const Value m = integer(1000000), zero = integer(0);
    const std::string variant_must = "maas_cost: variant must be " + std::string(kVariantWhat) + ", got ";
    const std::string tie = ": two prices with as many conditions apply to this call (input: maas_user_rates rowid "
                            "10 and maas_user_rates rowid 11): give one of them another clause";
    const std::vector<Case> cases = {
        // The variant: NULL and absent are none; names ignore letter case; 64 characters, not 65.
        {"maas_cost", {text("C"), m, zero, at}, is_real(2.0), ""},
        {"maas_cost", {text("C"), m, zero, at, null()}, is_real(2.0), ""},
        {"maas_cost", {text("C"), m, zero, at, text("BaTcH")}, is_real(1.0), ""},
        {"maas_cost", {text("C"), m, zero, at, text("standard")}, is_real(2.0), ""},
        {"maas_cost", {text("C"), m, zero, at, text(std::string(64, 'V'))}, is_real(3.0), ""},
        {"maas_cost",
         {text("C"), m, zero, at, text(std::string(65, 'v'))},
         error(variant_must + "'" + std::string(40, 'v') + "...'"),
         ""},
        {"maas_cost", {text("C"), m, zero, at, text("batch ")}, error(variant_must + "'batch '"), ""},
        {"maas_cost", {text("C"), m, zero, at, text("ba.tch")}, error(variant_must + "'ba.tch'"), ""},
        {"maas_cost", {text("C"), m, zero, at, text("bätch")}, error(variant_must + "'bätch'"), ""},
        {"maas_cost", {text("C"), m, zero, at, text("")}, error(variant_must + "''"), ""},
        {"maas_cost", {text("C"), m, zero, at, real(1.0)}, error(variant_must + "1"), ""},
        {"maas_cost", {text("C"), m, zero, null(), text("batch")}, is_null(), ""},  // a NULL at is still NULL out
        {"maas_builtin_cost", {text("Qwen3-8B"), integer(230), integer(300), at, text("batch")}, is_real(0.001615), ""},
        {"maas_builtin_cost", {text("C"), m, zero, at, text("batch")}, is_null(), ""},
        {"maas_cost_cached", {text("C"), m, m, zero, zero, integer(1), at, text("batch")}, is_real(1.0), ""},
        {"maas_cost_cached", {text("C"), m, m, zero, zero, integer(1), at, null()}, is_real(2.0), ""},
        {"maas_cost_cached",
         {text("C"), m, m, zero, zero, integer(1), at, integer(7)},
         error("maas_cost_cached: variant must be " + std::string(kVariantWhat) + ", got 7"),
         ""},
        // maas_usage_cost: the argument, else the response's service_tier; unknown tiers are none.
        {"maas_usage_cost", {text("C"), text(usage), at, text("batch")}, is_real(1.0), ""},
        {"maas_usage_cost", {text("C"), tiered("\"flex\""), at}, is_real(4.0), ""},
        {"maas_usage_cost", {text("C"), tiered("\"flex\""), at, null()}, is_real(4.0), ""},
        {"maas_usage_cost", {text("C"), tiered("\"flex\""), at, text("batch")}, is_real(1.0), ""},
        {"maas_usage_cost", {text("C"), tiered("\"FLEX\""), at}, is_real(2.0), ""},
        {"maas_usage_cost", {text("C"), tiered("\"default\""), at}, is_real(2.0), ""},
        {"maas_usage_cost", {text("C"), tiered("\"auto\""), at}, is_real(2.0), ""},
        {"maas_usage_cost", {text("C"), tiered("null"), at}, is_real(2.0), ""},
        {"maas_usage_cost", {text("C"), tiered("[\"flex\"]"), at}, is_real(2.0), ""},
        {"maas_usage_cost",
         {text("C"), tiered(("\"" + std::string(100000, 'f') + "\"").c_str()), at},
         is_real(2.0),
         ""},
        {"maas_usage_cost",
         {text("C"), text(usage), at, blob("batch")},
         error("maas_usage_cost: variant must be " + std::string(kVariantWhat) + ", got a BLOB"),
         ""},
        // Bands: the whole input, cached tokens included; beyond the last band no price.
        {"maas_cost", {text("C"), integer(1000001), zero, at}, is_real(5.000005), ""},
        {"maas_cost", {text("C"), integer(2000001), zero, at}, is_real(4.000002), ""},
        {"maas_cost_cached",
         {text("C"), integer(1500000), integer(1500000), zero, zero, integer(1), at},
         is_real(7.5),
         ""},
        {"maas_cost", {text("B"), integer(32000), zero, at}, is_real(0.064), ""},
        {"maas_cost", {text("B"), integer(32001), zero, at}, is_null(), ""},
        {"maas_unpriced", {text("B"), at, integer(32001), zero}, is_text("no_condition_holds"), ""},
        {"maas_unpriced", {text("B"), at, integer(32000), zero}, is_null(), ""},
        {"maas_unpriced", {text("B")}, is_null(), ""},  // a call of no tokens is in the first band
        {"maas_unpriced",
         {text("B"), at, integer(32001)},
         error("maas_unpriced: input_tokens needs output_tokens beside it"),
         ""},
        {"maas_unpriced",
         {text("B"), at, integer(-1), zero},
         error("maas_unpriced: input_tokens must be a non-negative integer, got -1"),
         ""},
        {"maas_unpriced", {text("Spark Mini"), at, zero, zero, null()}, is_text("no_token_price"), ""},
        {"maas_unpriced", {text("no such"), at, zero, zero, text("batch")}, is_text("unknown_model"), ""},
        // The calendar: a holiday clause holds on the marked local date only, and only with `at`.
        {"maas_cost", {text("C"), m, zero, holiday}, is_real(6.0), ""},
        {"maas_cost", {text("C"), m, zero, text("2026-10-01 16:00:00Z")}, is_real(2.0), ""},  // Oct 2 there
        {"maas_cost", {text("C"), m, zero, text("2026-09-30 16:00:00Z")}, is_real(6.0), ""},  // 00:00 there
        {"maas_cost", {text("C"), m, zero}, is_real(2.0), ""},
        // Ties: an error naming both lines, in every function that meets them.
        {"maas_cost", {text("T"), integer(11), zero, at, text("batch")}, error("maas_cost" + tie), ""},
        {"maas_usage_cost",
         {text("T"), text(R"({"prompt_tokens":11})"), at, text("batch")},
         error("maas_usage_cost" + tie),
         ""},
        {"maas_unpriced", {text("T"), at, integer(11), zero, text("batch")}, is_text("ambiguous_condition"), ""},
        {"maas_cost", {text("T"), integer(10), zero, at, text("batch")}, is_real(0.00002), ""},
        {"maas_price", {text("T"), text("input")}, is_null(), ""},
        // started_hour: each started hour of each node.
        {"maas_deployment_cost", {text("D"), real(0.25)}, is_real(20.0), ""},
        {"maas_deployment_cost", {text("D"), text("1.0000001"), integer(3)}, is_real(120.0), ""},
        {"maas_deployment_cost", {text("D"), zero}, is_real(0.0), ""},
        {"maas_deployment_cost", {text("D"), text("1e-300")}, is_real(20.0), ""},
        {"maas_deployment_cost", {text("D"), integer(kMax)}, is_real(184467440737095516140.0), ""},
        {"maas_deployment_cost",
         {text("D"), integer(2), integer(1), at, text("x y")},
         error("maas_deployment_cost: variant must be " + std::string(kVariantWhat) + ", got 'x y'"),
         ""},
        {"maas_training_cost", {text("Qwen3-8B"), text("lora"), m, integer(1), at, text("-")}, is_real(6.0), ""},
    };
    for (const Case& c : cases) {
        const std::string mismatch = run(db.handle(), c);
        INFO(mismatch);
        CHECK(mismatch.empty());
    }
    // Bad rows: each an error naming table, rowid and column, for every maas_* function.
    struct BadRow {
        std::string sql;
        std::string error;  // after "maas_cost: "
    };
    const std::vector<BadRow> rows = {
        {"UPDATE maas_user_rates SET condition = 'imput > 32k' WHERE rowid = 1",
         "maas_user_rates rowid 1: condition: clause 1 'imput > 32k': expected input, output, cached_input or "
         "cache_write, time, weekday, day or variant"},
        {"UPDATE maas_user_rates SET condition = 'input > 32k and input <= 16k' WHERE rowid = 1",
         "maas_user_rates rowid 1: condition: clause 2 'input <= 16k': never holds together with 'input > 32k'"},
        {"UPDATE maas_user_rates SET condition = 'variant = " + std::string(65, 'v') + "' WHERE rowid = 1",
         "maas_user_rates rowid 1: condition: clause 1 'variant = " + std::string(30, 'v')},
        {"UPDATE maas_user_rates SET condition = 'time in 09:00-12:00' WHERE rowid = 1",
         "maas_user_rates rowid 1: condition: clause 1 'time in 09:00-12:00': expected"},
        {"UPDATE maas_user_rates SET condition = 'variant = batch' WHERE rowid = 1",
         "maas_user_rates rowid 3: effective_from: a second line for acme C input"},
        {"UPDATE maas_user_rates SET billed_per = 'started_hour' WHERE rowid = 1",
         "maas_user_rates rowid 1: billed_per: started_hour bills deployment only, not input"},
        {"UPDATE maas_user_rates SET billed_per = 'hour' WHERE rowid = 13",
         "maas_user_rates rowid 13: billed_per: 'hour' is not started_hour (or empty)"},
        {"UPDATE maas_user_rates SET billed_per = 'STARTED_HOUR' WHERE rowid = 13",
         "maas_user_rates rowid 13: billed_per: 'STARTED_HOUR' is not started_hour (or empty)"},
        {"INSERT INTO maas_user_calendar(date, kind) VALUES ('2026-10-01', 'workday')",
         "maas_user_calendar rowid 2: kind: 2026-10-01 is marked both holiday and workday"},
        {"INSERT INTO maas_user_calendar(date, kind) VALUES ('2026-02-29', 'holiday')",
         "maas_user_calendar rowid 2: date: '2026-02-29' is not a date YYYY-MM-DD"},
        {"INSERT INTO maas_user_calendar(date, kind) VALUES ('2026-10-01 00:00:00', 'holiday')",
         "maas_user_calendar rowid 2: date: '2026-10-01 00:00:00' is not a date YYYY-MM-DD"},
        {"INSERT INTO maas_user_calendar(date, kind) VALUES (20261001, 'holiday')",
         "maas_user_calendar rowid 2: date: '20261001' is not a date YYYY-MM-DD"},
        {"INSERT INTO maas_user_calendar(date, kind) VALUES ('2026-10-02', 'HOLIDAY')",
         "maas_user_calendar rowid 2: kind: expected 'holiday' or 'workday', got 'HOLIDAY'"},
        {"INSERT INTO maas_user_calendar(date, kind) VALUES ('2026-10-02', '')",
         "maas_user_calendar rowid 2: kind: expected 'holiday' or 'workday', got ''"},
    };
    const std::string restore = "UPDATE maas_user_rates SET condition = NULL, billed_per = NULL WHERE rowid = 1; "
                                "UPDATE maas_user_rates SET billed_per = 'started_hour' WHERE rowid = 13; "
                                "DELETE FROM maas_user_calendar WHERE rowid > 1";
    for (const BadRow& row : rows) {
        db.exec(row.sql);
        INFO(row.sql);
        const std::string cost = db.error("SELECT maas_cost('Qwen3-8B', 1, 1)");
        CHECK(cost.rfind("maas_cost: " + row.error, 0) == 0);
        CHECK(db.error("SELECT maas_unpriced('C')").rfind("maas_unpriced: " + row.error, 0) == 0);
        CHECK(db.real("SELECT maas_builtin_cost('Qwen3-8B', 230, 300, 'now', 'batch')") == 0.001615);
        db.exec(restore);
        CHECK(db.real("SELECT maas_cost('C', 1000000, 0, '2026-09-01', 'batch')") == 1.0);
    }
    std::printf("bad-input: %zu condition cases and %zu bad rows checked\n", cases.size(), rows.size());
}

// Prepaid packs (issue 27): each bad pack row, as inserted, is an error
// naming maas_user_packs, its rowid and column, in every maas_* function
// (maas_bill_json included) until it is fixed; the rows at the edges that
// are accepted give their exact bill.
TEST_CASE("prepaid packs: a bad pack row names maas_user_packs, its rowid and column", "[robust][bad-input][packs]") {
    Db db;
    db.exec(robust::read_text_file(MAAS_SOURCE_DIR "/sql/user_tables.sql"));
    const std::string insert = "INSERT INTO maas_user_packs(pack, provider, models, items, size, unit, currency, "
                               "valid_from, valid_until) VALUES ";
    db.exec(insert + "('free', 'iflytek-xingchen', 'Qwen3-8B', '*', '1000', 'tokens', NULL, '2026-03-01', "
                     "'2026-04-01')");
    // Two calls of Qwen3-8B: 600 input and 200 output, then 300 and 100.
    const std::string bill =
        "SELECT maas_bill_json('2026-03-01', '2026-04-01', at, model, i, 0, 0, o) FROM (SELECT column1 AS at, "
        "column2 AS model, column3 AS i, column4 AS o FROM (VALUES ('2026-03-02', 'Qwen3-8B', 600, 200), "
        "('2026-03-03', 'Qwen3-8B', 300, 100)) ORDER BY at)";
    // The pack covers the first call (800 tokens) and 200 input tokens of the
    // second: 100 input (0.00005) and 100 output (0.0005) due.
    const std::string lines =
        R"({"lines":[{"model":"iflytek-xingchen/Qwen3-8B","item":"input","currency":"CNY","unit_price":"0.0000005","period":null,)"
        R"("quantity":900,"list":"0.00045","due":"0.00005","covered":[{"pack":"free","tokens":800,"amount":"0.0004"}]},)"
        R"({"model":"iflytek-xingchen/Qwen3-8B","item":"output","currency":"CNY","unit_price":"0.000005","period":null,)"
        R"("quantity":300,"list":"0.0015","due":"0.0005","covered":[{"pack":"free","tokens":200,"amount":"0.001"}]}],)";
    const std::string free =
        R"({"pack":"free","unit":"tokens","currency":null,"size":"1000","used":"1000","covered":"0.0014",)"
        R"("expired":"0","left":"0"})";
    const std::string good = lines + R"("packs":[)" + free + R"(],"calls":2,"unpriced":0})";
    REQUIRE(db.value(bill) == good);
    struct BadRow {
        std::string values;  // the second row
        std::string error;   // after "function: "
    };
    const std::string row = "maas_user_packs rowid 2: ";
    const std::string money_in = "'iflytek-xingchen', '*', '*', '10', 'money', ";
    const std::string march = ", '2026-03-01', '2026-04-01')";
    const std::string not_code = " is not a 3-letter code such as CNY";
    const std::vector<BadRow> rows = {
        // A negative size, as text, as an INTEGER (stored as the TEXT '-5'), and of money.
        {"('neg', 'iflytek-xingchen', '*', '*', '-5', 'tokens', NULL" + march,
         row + "size: '-5' is not a non-negative whole number of tokens"},
        {"('neg', 'iflytek-xingchen', '*', '*', -5, 'tokens', NULL" + march,
         row + "size: '-5' is not a non-negative whole number of tokens"},
        {"('neg', 'iflytek-xingchen', '*', '*', '-0.01', 'money', 'CNY'" + march,
         row + "size: '-0.01' is not a non-negative decimal"},
        // valid_until before valid_from: by a day, by a millisecond, and as
        // instants whatever their zones (the texts sort the other way).
        {"('late', 'iflytek-xingchen', '*', '*', '10', 'tokens', NULL, '2026-03-01', '2026-02-28')",
         row + "valid_until: is before valid_from"},
        {"('late', 'iflytek-xingchen', '*', '*', '10', 'tokens', NULL, '2026-03-01', '2026-02-28 23:59:59.999')",
         row + "valid_until: is before valid_from"},
        {"('late', 'iflytek-xingchen', '*', '*', '10', 'tokens', NULL, '2026-03-01T08:00:00+08:00', "
         "'2026-03-01T00:00:00+01:00')",
         row + "valid_until: is before valid_from"},
        // A money pack's currency: not a currency code, lower case, missing.
        {"('cash', " + money_in + "'yuan'" + march, row + "currency: 'yuan'" + not_code},
        {"('cash', " + money_in + "'cny'" + march, row + "currency: 'cny'" + not_code},
        {"('cash', " + money_in + "'CN'" + march, row + "currency: 'CN'" + not_code},
        {"('cash', " + money_in + "'人民币'" + march, row + "currency: '人民币'" + not_code},
        {"('cash', " + money_in + "NULL" + march, row + "currency: a money pack needs a currency"},
        {"('cash', " + money_in + "''" + march, row + "currency: a money pack needs a currency"},
        // A currency code no price of the models it covers is in: it would
        // never pay, and expire whole.
        {"('cash', " + money_in + "'XYZ'" + march,
         row + "currency: 'XYZ' is not a currency the models it covers are priced in (CNY)"},
        // And the other checks of a row.
        {"('free', 'iflytek-xingchen', '*', '*', '10', 'tokens', NULL" + march,
         row + "pack: 'free' is the id of an earlier row"},
        {"('x', 'iflytek-xingchen', 'Qwen3-8B, no-such-model', '*', '10', 'tokens', NULL" + march,
         row + "models: 'no-such-model' is not a model of 'iflytek-xingchen' that the card or its aliases name"},
        {"('x', 'iflytek-xingchen', '*', 'input, lora', '10', 'tokens', NULL" + march,
         row + "items: 'input, lora' is not '*' or a comma-separated list of inference items"},
        {"('x', 'iflytek-xingchen', '*', '*', '10', 'credits', NULL" + march,
         row + "unit: 'credits' is not 'tokens' or 'money'"},
        {"('x', 'iflytek-xingchen', '*', '*', '10', 'tokens', NULL, 'soon', '2026-04-01')",
         row + "valid_from: 'soon' is not a time such as 2026-03-01T00:00:00+08:00"},
    };
    for (const BadRow& r : rows) {
        db.exec(insert + r.values);
        INFO(r.values);
        CHECK(db.error(bill) == "maas_bill_json: " + r.error);
        CHECK(db.error("SELECT maas_cost('Qwen3-8B', 1, 1)") == "maas_cost: " + r.error);
        CHECK(db.error("SELECT maas_unpriced('Qwen3-8B')") == "maas_unpriced: " + r.error);
        CHECK(db.error("SELECT count(*) FROM maas_rates") == "maas_rates: " + r.error);
        CHECK(db.real("SELECT maas_builtin_cost('Qwen3-8B', 230, 300)") == 0.001615);
        db.exec("DELETE FROM maas_user_packs WHERE rowid = 2");
        CHECK(db.value(bill) == good);
    }
    // Accepted at the edges: a pack that ends as it starts (never in force:
    // its size expires at the first call).
    db.exec(insert + "('instant', 'iflytek-xingchen', '*', '*', '10', 'tokens', NULL, '2026-03-01', '2026-03-01')");
    CHECK(db.value(bill) ==
          lines +
              R"("packs":[{"pack":"instant","unit":"tokens","currency":null,"size":"10","used":"0","covered":"0",)"
              R"("expired":"10","left":"0"},)" +
              free + R"(],"calls":2,"unpriced":0})");
    std::printf("bad-input: %zu bad pack rows checked\n", rows.size());
}

TEST_CASE("card files with every kind of bad line are refused, naming file, line and column", "[robust][bad-input]") {
    TempDir dir;
    Db db;
    const std::string header = "provider,model,service,item,label,price,unit,currency,effective_from,source\n";
    const std::string good = "acme,Robust-1,inference,input,in,0.001,k_tokens,CNY,2025-01-01,test\n";
    const std::string ruled =
        "provider,model,service,item,label,price,unit,currency,effective_from,source,condition,billed_per\n";
    struct CardCase {
        std::string content;
        std::string error;  // after "maas_load_card: <path>:"; empty: loads, answer in lines
        int lines;
    };
    const std::vector<CardCase> cards = {
        {header + good, "", 1},
        {"\xEF\xBB\xBF" + header + "acme,Robust-1,inference,input,in,0.001,k_tokens,CNY,2025-01-01,test\r\n", "", 1},
        {header +
             "\"acme\",\"Robust-1\",inference,input,\"a, \"\"quoted\"\"\nlabel\",0.001,k_tokens,CNY,2025-01-01,x\n",
         "", 1},
        {header + good + "\n\n  \n", "", 1},
        {header, "2: no price lines", 0},
        {header + "acme,Robust-1,inference,input,in,0.001,tokens,CNY,2025-01-01,test\n",
         "2: unit: 'tokens' is not k_tokens, m_tokens, request, node_hour or hour", 0},
        {header + "acme,Robust-1,inference,cached,in,0.001,k_tokens,CNY,2025-01-01,test\n",
         "2: item: 'cached' is not input, output, cached_input, cache_write, request, deployment, lora, full or lora_merge",
         0},
        {header + "acme,Robust-1,inference,Input,in,0.001,k_tokens,CNY,2025-01-01,test\n",
         "2: item: 'Input' is not input, output, cached_input, cache_write, request, deployment, lora, full or lora_merge",
         0},
        {header + "acme,Robust-1,inference,cached_input,c,0.5,m_tokens,CNY,2025-01-01,test\n", "", 1},
        {header + "acme,Robust-1,inference,request,r,0.01,request,CNY,2025-01-01,test\n", "", 1},
        {header + "acme,Robust-1,inference,cached_input,c,0.5,request,CNY,2025-01-01,test\n",
         "2: unit: item cached_input cannot be priced per request (only k_tokens or m_tokens)", 0},
        {header + "acme,Robust-1,inference,request,r,0.01,k_tokens,CNY,2025-01-01,test\n",
         "2: unit: item request cannot be priced per k_tokens (only request)", 0},
        {header + "acme,Robust-1,inference,cache_write,w,0.01,node_hour,CNY,2025-01-01,test\n",
         "2: unit: item cache_write cannot be priced per node_hour (only k_tokens or m_tokens)", 0},
        {header + "acme,Robust-1,inference,deployment,d,1,request,CNY,2025-01-01,test\n",
         "2: unit: item deployment cannot be priced per request (only node_hour or hour)", 0},
        {header + "acme,Robust-1,training,cached_input,c,0.5,m_tokens,CNY,2025-01-01,test\n",
         "2: service: item cached_input belongs to service inference", 0},
        {header + "acme,Robust-1,inference,input,in,0.001,M_TOKENS,CNY,2025-01-01,test\n",
         "2: unit: 'M_TOKENS' is not k_tokens, m_tokens, request, node_hour or hour", 0},
        {header + "acme,Robust-1,serving,input,in,0.001,k_tokens,CNY,2025-01-01,test\n",
         "2: service: 'serving' is not inference or training", 0},
        {header + "acme,Robust-1,training,input,in,0.001,k_tokens,CNY,2025-01-01,test\n",
         "2: service: item input belongs to service inference", 0},
        {header + "acme,Robust-1,inference,deployment,in,0.001,k_tokens,CNY,2025-01-01,test\n",
         "2: unit: item deployment cannot be priced per k_tokens (only node_hour or hour)", 0},
        {header + "acme,Robust-1,inference,input,in,-1,k_tokens,CNY,2025-01-01,test\n",
         "2: price: '-1' is not a non-negative decimal such as 0.00075", 0},
        {header + "acme,Robust-1,inference,input,in,1e3,k_tokens,CNY,2025-01-01,test\n",
         "2: price: '1e3' is not a non-negative decimal such as 0.00075", 0},
        {header + "acme,Robust-1,inference,input,in,.5,k_tokens,CNY,2025-01-01,test\n",
         "2: price: '.5' is not a non-negative decimal such as 0.00075", 0},
        {header + "acme,Robust-1,inference,input,in,0." + std::string(39, '1') + ",k_tokens,CNY,2025-01-01,test\n",
         "2: price: '0." + std::string(39, '1') + "' is not a non-negative decimal such as 0.00075", 0},
        {header + "acme,Robust-1,inference,input,in,0.001,k_tokens,cny,2025-01-01,test\n",
         "2: currency: 'cny' is not a 3-letter code such as CNY", 0},
        {header + "acme,Robust-1,inference,input,in,0.001,k_tokens,CNY,2025-02-30,test\n",
         "2: effective_from: '2025-02-30' is not a time such as 2025-07-08T13:25:00+08:00", 0},
        {header + "acme,Robust-1,inference,input,in,0.001,k_tokens,CNY,now,test\n",
         "2: effective_from: 'now' is not a time such as 2025-07-08T13:25:00+08:00", 0},
        {header + ",Robust-1,inference,input,in,0.001,k_tokens,CNY,2025-01-01,test\n", "2: provider: empty", 0},
        {header + "acme, Robust-1,inference,input,in,0.001,k_tokens,CNY,2025-01-01,test\n",
         "2: model: leading or trailing space in ' Robust-1'", 0},
        {header + good + good, "", -3},  // duplicate: message built below
        {header + "acme,Robust-1,inference,input\n", "2: expected 10 fields, found 4", 0},
        {header + "acme,\"Robust-1,inference,input,in,0.001,k_tokens,CNY,2025-01-01,test\n", "2: unterminated quote",
         0},
        {"provider,model,colour\n",
         "1: column 3 of the header is not one of provider, model, service, item, label, price, unit, currency, "
         "effective_from, source, condition, billed_per",
         0},
        {"provider,model,service,item,label,price,unit,currency,effective_from\n" + good,
         "1: source: column missing from header", 0},
        {header.substr(0, header.size() - 1) + ",model\n", "1: model: column appears twice in header", 0},
        {header + "iflytek-xingchen,qwen3-8b,inference,input,in,0.001,k_tokens,CNY,2025-01-01,test\n",
         "2: model: 'iflytek-xingchen/qwen3-8b' differs only in letter case from 'iflytek-xingchen/Qwen3-8B'", 0},
        // The optional columns condition and billed_per (issue 26).
        {ruled + "acme,Robust-2,inference,input,in,0.001,k_tokens,CNY,2025-01-01,test,input > 32k,\n" +
             "acme,Robust-2,inference,input,in,0.002,k_tokens,CNY,2025-01-01,test,,\n" +
             "acme,Robust-2,inference,output,out,0,k_tokens,CNY,2025-01-01,test,,\n" +
             "acme,Robust-2,inference,deployment,d,5,node_hour,CNY,2025-01-01,test,variant = batch,started_hour\n",
         "", 4},
        {header.substr(0, header.size() - 1) + ",condition\n" +
             "acme,Robust-3,inference,input,in,0.001,k_tokens,CNY,2025-01-01,test,imput > 1\n",
         "2: condition: clause 1 'imput > 1': expected input, output, cached_input or cache_write, time, weekday, "
         "day or variant",
         0},
        {ruled + "acme,Robust-3,inference,input,in,0.001,k_tokens,CNY,2025-01-01,test,input > 1 and  output > 1,\n",
         "2: condition: clause 2 ' output > 1': expected one space between words (no leading, trailing or double "
         "space)",
         0},
        {ruled + "acme,Robust-3,inference,input,in,0.001,k_tokens,CNY,2025-01-01,test,weekday in sat,sun @Z,\n",
         "2: expected 12 fields, found 13", 0},
        {ruled + "acme,Robust-3,inference,input,in,0.001,k_tokens,CNY,2025-01-01,test,\"weekday in sat,sat @Z\",\n",
         "2: condition: clause 1 'weekday in sat,sat @Z': 'sat' appears twice in 'sat,sat'", 0},
        {ruled + "acme,Robust-3,inference,input,in,0.001,k_tokens,CNY,2025-01-01,test,time in 09:00-12:00,\n",
         "2: condition: clause 1 'time in 09:00-12:00': expected a UTC offset @Z, @+08:00, @+0800 or @+08 (at most "
         "14:00 either way), got nothing",
         0},
        {ruled + "acme,Robust-3,inference,input,in,0.001,k_tokens,CNY,2025-01-01,test,variant = " +
             std::string(65, 'v') + ",\n",
         "2: condition: clause 1 'variant = " + std::string(65, 'v') +
             "': expected a name of 1 to 64 letters, digits, '_' or '-', got '" + std::string(65, 'v') + "'",
         0},
        {ruled + "acme,Robust-3,inference,input,in,0.001,k_tokens,CNY,2025-01-01,test,,started_hour\n",
         "2: billed_per: started_hour bills deployment only, not input", 0},
        {ruled + "acme,Robust-3,inference,deployment,d,1,node_hour,CNY,2025-01-01,test,,hour\n",
         "2: billed_per: 'hour' is not started_hour (or empty)", 0},
        {ruled + "acme,Robust-3,inference,deployment,d,1,node_hour,CNY,2025-01-01,test,, started_hour\n",
         "2: billed_per: ' started_hour' is not started_hour (or empty)", 0},
        {ruled + "acme,Robust-3,inference,input,in,0.001,k_tokens,CNY,2025-01-01,test,input > 1000,\n" +
             "acme,Robust-3,inference,input,in,0.002,k_tokens,CNY,2025-01-01,test,INPUT > 1k,\n",
         "", -4},  // one condition in two spellings: a duplicate, message built below
    };
    int index = 0;
    for (const CardCase& card : cards) {
        const std::string path = dir.write("card" + std::to_string(index++) + ".csv", card.content);
        Case c{"maas_load_card", {text(path)}, is_integer(card.lines), ""};
        if (card.lines == -3)
            c.expect = error("maas_load_card: " + path +
                             ":3: effective_from: a second line for acme Robust-1 input "
                             "from 2025-01-01 00:00:00 (the first is " +
                             path + ":2)");
        else if (card.lines == -4)
            c.expect = error("maas_load_card: " + path +
                             ":3: effective_from: a second line for acme Robust-3 input from 2025-01-01 00:00:00 "
                             "when input > 1k (the first is " +
                             path + ":2)");
        else if (!card.error.empty()) c.expect = error("maas_load_card: " + path + ":" + card.error);
        const std::string mismatch = run(db.handle(), c);
        INFO(mismatch);
        CHECK(mismatch.empty());
    }
    std::printf("bad-input: %zu card files checked\n", cards.size());
    // Nothing that failed changed the prices: only the good cards' lines are there.
    CHECK(db.value("SELECT group_concat(model || ' ' || item || ' ' || price_text, '; ') FROM maas_rates "
                   "WHERE origin = 'user'") ==
          "Robust-1 input 0.001; Robust-1 cached_input 0.5; Robust-1 request 0.01; Robust-2 input 0.001; "
          "Robust-2 input 0.002; Robust-2 output 0; Robust-2 deployment 5");
    // The conditional card prices by its conditions; Robust-3 never loaded.
    CHECK(db.real("SELECT maas_cost_cached('Robust-2', 40000, 0, 0)") == 0.04);
    CHECK(db.real("SELECT maas_cost_cached('Robust-2', 32000, 0, 0)") == 0.064);
    CHECK(db.real("SELECT maas_deployment_cost('Robust-2', 0.5, 1, 'now', 'batch')") == 5.0);
    CHECK(db.value("SELECT maas_deployment_cost('Robust-2', 0.5)") == "NULL");
    CHECK(db.value("SELECT group_concat(condition || '|' || ifnull(billed_per, ''), '; ') FROM maas_rates "
                   "WHERE model = 'Robust-2'") == "input > 32k|; variant = batch|started_hour");
    CHECK(db.value("SELECT count(*) FROM maas_rates WHERE model = 'Robust-3'") == "0");
    CHECK(db.real("SELECT maas_price('Qwen3-8B', 'input')") == 0.0005);
}
