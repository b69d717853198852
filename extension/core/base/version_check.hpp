// version_check.hpp - the oldest SQLite the extension runs on.
//
// 3.37.0 is the first release with sqlite3_total_changes64(), which the
// check for changed user prices reads (connection.hpp); sqlite3_txn_state()
// (3.34.0) and SQLITE_INNOCUOUS / SQLITE_VTAB_INNOCUOUS (3.31.0) are older.
// (Tested on 3.40.1, the Debian 12 SQLite.)
//
//   maas::sqlite_is_supported(sqlite3_libversion_number());
#pragma once

#include <string>

namespace maas {

constexpr int kOldestSqlite = 3037000;
constexpr const char* kOldestSqliteText = "3.37.0";

inline bool sqlite_is_supported(int running_version_number) { return running_version_number >= kOldestSqlite; }

inline std::string unsupported_sqlite_message(int running_version_number) {
    const int major = running_version_number / 1000000, minor = running_version_number / 1000 % 1000,
              patch = running_version_number % 1000;
    return "maas: SQLite " + std::string(kOldestSqliteText) + " or newer is required, this is " +
           std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

}  // namespace maas
