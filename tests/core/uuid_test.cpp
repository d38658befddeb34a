#include <doctest/doctest.h>

#include <set>

#include "core/uuid.h"

using namespace aul::core;

TEST_CASE("UUIDv7 layout: time first, version 7, RFC variant") {
    std::array<std::uint8_t, 10> r{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    std::string id = uuid_v7(0x0190F3A4B5C6ull, r);
    CHECK(id == "0190f3a4-b5c6-7fff-bfff-ffffffffffff");
    CHECK(is_uuid(id));
    CHECK(uuid_v7(1, {}) < uuid_v7(2, {}));  // sorts by time
}

TEST_CASE("fresh ids are unique and well-formed") {
    std::set<std::string> seen;
    for (int i = 0; i < 10000; ++i) {
        std::string id = new_uuid_v7();
        CHECK(is_uuid(id));
        CHECK(id[14] == '7');
        CHECK(seen.insert(id).second);
    }
    CHECK_FALSE(is_uuid("not-a-uuid"));
    CHECK_FALSE(is_uuid("0190F3A4-B5C6-7FFF-BFFF-FFFFFFFFFFFF"));
}
