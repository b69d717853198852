// test_version_check.cpp - the oldest SQLite the extension accepts.
#include <catch2/catch.hpp>

#include "version_check.hpp"

TEST_CASE("SQLite older than 3.37.0 is refused with a clear message", "[version]") {
    CHECK(maas::sqlite_is_supported(3037000));
    CHECK(maas::sqlite_is_supported(3040001));
    CHECK_FALSE(maas::sqlite_is_supported(3036000));
    CHECK_FALSE(maas::sqlite_is_supported(3031001));
    CHECK(maas::unsupported_sqlite_message(3036000) == "maas: SQLite 3.37.0 or newer is required, this is 3.36.0");
}
