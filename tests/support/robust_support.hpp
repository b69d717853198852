// robust_support.hpp - helpers for the hostile-input tests: SQL values of
// every kind (bound through the C API or written as SQL), expected answers,
// and a runner that checks one call and says exactly what differed.
//
//   Db db;
//   robust::Case c{"maas_cost", {robust::text("Qwen3-8B"), robust::integer(-1), robust::integer(0)},
//                  robust::error("maas_cost: input_tokens must be a non-negative integer, got -1")};
//   CHECK(robust::run(db.handle(), c) == "");   // "" when the answer is the expected one
#pragma once

#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

namespace robust {

// One argument: bound with sqlite3_bind_* (Null, Int, Real, Text, Blob) or
// written into the SQL as an expression (Sql), for values that only SQL
// makes (1e999, CAST(x'ff' AS TEXT), printf('%.*c', 1048576, 'x')).
struct Value {
    enum Kind { Null, Int, Real, Text, Blob, Sql } kind = Null;
    int64_t i = 0;
    double d = 0;
    std::string s;      // TEXT or BLOB bytes (may hold NUL), or the SQL expression
    std::string label;  // how the value is shown in a failure
};

inline Value null() { return {Value::Null, 0, 0, "", "NULL"}; }
inline Value integer(int64_t v) { return {Value::Int, v, 0, "", std::to_string(static_cast<long long>(v))}; }
inline Value real(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return {Value::Real, 0, v, "", std::string("REAL ") + buf};
}
inline std::string printable(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (out.size() > 60) return out + "...(" + std::to_string(s.size()) + " bytes)";
        if (c < 0x20 || c >= 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += char(c);
        }
    }
    return out;
}
inline Value text(const std::string& v) { return {Value::Text, 0, 0, v, "'" + printable(v) + "'"}; }
inline Value blob(const std::string& v) { return {Value::Blob, 0, 0, v, "BLOB x'" + printable(v) + "'"}; }
inline Value sql(const std::string& expression) { return {Value::Sql, 0, 0, expression, expression}; }

// What a call must answer.
struct Expect {
    enum Kind { Null, Real, Int, Text, Error, ErrorPrefix } kind = Null;
    double d = 0;
    int64_t i = 0;
    std::string s;
};

inline Expect is_null() { return {Expect::Null, 0, 0, ""}; }
inline Expect is_real(double v) { return {Expect::Real, v, 0, ""}; }
inline Expect is_integer(int64_t v) { return {Expect::Int, 0, v, ""}; }
inline Expect is_text(const std::string& v) { return {Expect::Text, 0, 0, v}; }
inline Expect error(const std::string& message) { return {Expect::Error, 0, 0, message}; }
inline Expect error_prefix(const std::string& prefix) { return {Expect::ErrorPrefix, 0, 0, prefix}; }

// One call: `function(args...)`, or `sql` with ?1, ?2, ... when sql is given.
struct Case {
    std::string function;
    std::vector<Value> args;
    Expect expect;
    std::string sql;  // optional: the whole statement
};

inline std::string describe(const Case& c) {
    std::string out = c.sql.empty() ? c.function + "(" : c.sql + " with (";
    for (size_t k = 0; k < c.args.size(); ++k) out += (k ? ", " : "") + c.args[k].label;
    return out + ")";
}

inline std::string statement_text(const Case& c) {
    if (!c.sql.empty()) return c.sql;
    std::string out = "SELECT " + c.function + "(";
    for (size_t k = 0; k < c.args.size(); ++k) {
        if (k) out += ", ";
        out += c.args[k].kind == Value::Sql ? c.args[k].s : "?" + std::to_string(k + 1);
    }
    return out + ")";
}

inline bool bind(sqlite3_stmt* stmt, int index, const Value& v) {
    switch (v.kind) {
        case Value::Null: return sqlite3_bind_null(stmt, index) == SQLITE_OK;
        case Value::Int: return sqlite3_bind_int64(stmt, index, v.i) == SQLITE_OK;
        case Value::Real: return sqlite3_bind_double(stmt, index, v.d) == SQLITE_OK;
        case Value::Text:
            return sqlite3_bind_text(stmt, index, v.s.data(), int(v.s.size()), SQLITE_TRANSIENT) == SQLITE_OK;
        case Value::Blob:
            return sqlite3_bind_blob(stmt, index, v.s.data(), int(v.s.size()), SQLITE_TRANSIENT) == SQLITE_OK;
        case Value::Sql: return true;
    }
    return false;
}

inline std::string show_double(double d) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", d);
    return buf;
}

// Runs the case; "" when the answer is the expected one, else what was
// expected and what came.
inline std::string run(sqlite3* db, const Case& c) {
    sqlite3_stmt* stmt = nullptr;
    const std::string text_sql = statement_text(c);
    std::string got;
    int type = -1;
    double d = 0;
    int64_t i = 0;
    if (sqlite3_prepare_v2(db, text_sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        got = std::string("error: ") + sqlite3_errmsg(db);
    } else {
        for (size_t k = 0; k < c.args.size(); ++k)
            if (!bind(stmt, int(k + 1), c.args[k]))
                return describe(c) + ": cannot bind argument " + std::to_string(k + 1);
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            type = sqlite3_column_type(stmt, 0);
            d = sqlite3_column_double(stmt, 0);
            i = sqlite3_column_int64(stmt, 0);
            const unsigned char* t = sqlite3_column_text(stmt, 0);
            got = t ? std::string(reinterpret_cast<const char*>(t), size_t(sqlite3_column_bytes(stmt, 0))) : "";
            if (sqlite3_step(stmt) != SQLITE_DONE) got = "more than one row";
        } else if (rc == SQLITE_DONE) {
            got = "no row";
        } else {
            got = std::string("error: ") + sqlite3_errmsg(db);
        }
    }
    sqlite3_finalize(stmt);
    const Expect& e = c.expect;
    const bool is_error = got.rfind("error: ", 0) == 0 && type == -1;
    bool ok = false;
    std::string wanted;
    switch (e.kind) {
        case Expect::Null:
            ok = type == SQLITE_NULL;
            wanted = "NULL";
            break;
        case Expect::Real:
            ok = type == SQLITE_FLOAT && (d == e.d || (std::isnan(d) && std::isnan(e.d)));
            wanted = "REAL " + show_double(e.d);
            break;
        case Expect::Int:
            ok = type == SQLITE_INTEGER && i == e.i;
            wanted = "INTEGER " + std::to_string(static_cast<long long>(e.i));
            break;
        case Expect::Text:
            ok = type == SQLITE_TEXT && got == e.s;
            wanted = "TEXT '" + printable(e.s) + "'";
            break;
        case Expect::Error:
            ok = is_error && got == "error: " + e.s;
            wanted = "error: " + e.s;
            break;
        case Expect::ErrorPrefix:
            ok = is_error && got.compare(0, 7 + e.s.size(), "error: " + e.s) == 0;
            wanted = "error starting with: " + e.s;
            break;
    }
    if (ok) return "";
    std::string shown = is_error                 ? printable(got)
                        : type == SQLITE_NULL    ? "NULL"
                        : type == SQLITE_FLOAT   ? "REAL " + show_double(d)
                        : type == SQLITE_INTEGER ? "INTEGER " + std::to_string(static_cast<long long>(i))
                        : type == SQLITE_TEXT    ? "TEXT '" + printable(got) + "'"
                        : type == SQLITE_BLOB    ? "BLOB"
                                                 : printable(got);
    return describe(c) + "\n  expected " + printable(wanted) + "\n  got      " + shown;
}

// A private temporary directory, removed with its files at the end.
class TempDir {
public:
    TempDir() {
        char pattern[] = "/tmp/maas-robust-XXXXXX";
        if (!mkdtemp(pattern)) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        for (const auto& f : files_) std::remove(f.c_str());
        rmdir(path_.c_str());
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    // Writes `content` to a file in the directory; returns its path.
    std::string write(const std::string& name, const std::string& content) {
        const std::string p = path_ + "/" + name;
        std::ofstream out(p, std::ios::binary);
        out << content;
        if (!out) throw std::runtime_error("cannot write " + p);
        files_.push_back(p);
        return p;
    }
    // A path in the directory that the caller creates (removed at the end).
    std::string file(const std::string& name) {
        const std::string p = path_ + "/" + name;
        files_.push_back(p);
        for (const char* suffix : {"-wal", "-shm", "-journal"}) files_.push_back(p + suffix);
        return p;
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
    std::vector<std::string> files_;
};

inline std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// True when s is valid UTF-8 (no overlongs, surrogates or values past U+10FFFF).
inline bool valid_utf8(const std::string& s) {
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        size_t len;
        uint32_t cp;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c >> 5) == 0x6) {
            len = 2;
            cp = c & 0x1f;
        } else if ((c >> 4) == 0xe) {
            len = 3;
            cp = c & 0x0f;
        } else if ((c >> 3) == 0x1e) {
            len = 4;
            cp = c & 0x07;
        } else return false;
        if (i + len > s.size()) return false;
        for (size_t k = 1; k < len; ++k) {
            const unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xc0) != 0x80) return false;
            cp = cp << 6 | (cc & 0x3f);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
            (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += len;
    }
    return true;
}

}  // namespace robust
