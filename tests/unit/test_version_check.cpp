// test_version_check.cpp - the oldest SQLite the extension accepts.
#include <catch2/catch.hpp>

#include "version_check.hpp"

TEST_CASE("SQLite older than 3.31.0 is refused with a clear message", "[version]") {
    CHECK(maas::sqlite_is_supported(3031000));
    CHECK(maas::sqlite_is_supported(3040001));
    CHECK_FALSE(maas::sqlite_is_supported(3030001));
    CHECK_FALSE(maas::sqlite_is_supported(3007017));
    CHECK(maas::unsupported_sqlite_message(3030001) ==
          "maas: SQLite 3.31.0 or newer is required, this is 3.30.1");
}
