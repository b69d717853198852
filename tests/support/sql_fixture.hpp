// sql_fixture.hpp - a connection with build/maas.so loaded, for SQL tests.
//
//   Db db;                                    // :memory:, module loaded
//   CHECK(db.real("SELECT maas_cost('DeepSeek-R1', 1000, 0)") == 0.004);
//   CHECK(db.error("SELECT maas_cost()") == "maas_cost: expected 3 ...");
#pragma once

#include <sqlite3.h>
#include <fstream>
#include <iterator>

#include <stdexcept>
#include <string>
#include <vector>

class Db {
public:
    explicit Db(bool load = true, const char* path = ":memory:") {
        if (sqlite3_open(path, &db_) != SQLITE_OK) throw std::runtime_error("cannot open database");
        if (load) this->load();
    }
    ~Db() { sqlite3_close(db_); }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    void load() {
        sqlite3_enable_load_extension(db_, 1);
        char* message = nullptr;
        if (sqlite3_load_extension(db_, MAAS_MODULE_PATH, nullptr, &message) != SQLITE_OK) {
            std::string text = message ? message : "unknown error";
            sqlite3_free(message);
            throw std::runtime_error("load failed: " + text);
        }
    }
    sqlite3* handle() const { return db_; }

    // Runs sql (no result rows expected); throws with SQLite's message on error.
    void exec(const std::string& sql) {
        char* message = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            std::string text = message ? message : "unknown error";
            sqlite3_free(message);
            throw std::runtime_error(text);
        }
    }

    // Runs every statement of a file, such as sql/user_tables.sql.
    void exec_file(const std::string& path) {
        std::ifstream in(path);
        if (!in) throw std::runtime_error("cannot read " + path);
        exec(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
    }

    // All rows of a query, each column as text ("NULL" for NULL; REAL as %.17g).
    std::vector<std::vector<std::string>> rows(const std::string& sql) {
        std::vector<std::vector<std::string>> out;
        sqlite3_stmt* stmt = prepare(sql);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int i = 0; i < sqlite3_column_count(stmt); ++i) row.push_back(text(stmt, i));
            out.push_back(row);
        }
        std::string message = sqlite3_errmsg(db_);
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE) throw std::runtime_error(message);
        return out;
    }

    // The first column of the only row; throws on error.
    std::string value(const std::string& sql) {
        auto r = rows(sql);
        if (r.size() != 1 || r[0].empty()) throw std::runtime_error("expected one value from: " + sql);
        return r[0][0];
    }

    // The first column of the only row as a double; "NULL" results throw.
    double real(const std::string& sql) {
        sqlite3_stmt* stmt = prepare(sql);
        int rc = sqlite3_step(stmt);
        if (rc != SQLITE_ROW) {
            std::string message = sqlite3_errmsg(db_);
            sqlite3_finalize(stmt);
            throw std::runtime_error(message);
        }
        const int type = sqlite3_column_type(stmt, 0);
        const double d = sqlite3_column_double(stmt, 0);
        sqlite3_finalize(stmt);
        if (type != SQLITE_FLOAT && type != SQLITE_INTEGER) throw std::runtime_error("not a number: " + sql);
        return d;
    }

    // True when the query's only value is SQL NULL.
    bool is_null(const std::string& sql) {
        sqlite3_stmt* stmt = prepare(sql);
        int rc = sqlite3_step(stmt);
        std::string message = sqlite3_errmsg(db_);
        const bool null = rc == SQLITE_ROW && sqlite3_column_type(stmt, 0) == SQLITE_NULL;
        sqlite3_finalize(stmt);
        if (rc != SQLITE_ROW) throw std::runtime_error(message);
        return null;
    }

    // The error message the statement fails with ("" when it succeeds).
    std::string error(const std::string& sql) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return sqlite3_errmsg(db_);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        }
        std::string message = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db_);
        sqlite3_finalize(stmt);
        return message;
    }

private:
    sqlite3_stmt* prepare(const std::string& sql) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string(sqlite3_errmsg(db_)) + " in: " + sql);
        return stmt;
    }
    static std::string text(sqlite3_stmt* stmt, int i) {
        switch (sqlite3_column_type(stmt, i)) {
            case SQLITE_NULL: return "NULL";
            case SQLITE_FLOAT: {
                char buf[40];
                snprintf(buf, sizeof buf, "%.17g", sqlite3_column_double(stmt, i));
                return buf;
            }
            default: return reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
        }
    }
    sqlite3* db_ = nullptr;
};
