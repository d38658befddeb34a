#include <doctest/doctest.h>

#include <string>

#include "core/result.h"

using namespace aul;

namespace {
Result<int> number(bool ok) {
    if (!ok) return Error{"no number", 19};
    return 7;
}
Status step(bool ok) {
    if (!ok) return Error{"step failed", 2067};
    return ok_status();
}

Result<std::string> twice(bool ok) {
    AUL_TRY_ASSIGN(int n, number(ok));
    return std::to_string(n * 2);
}
Status both(bool first, bool second) {
    AUL_TRY(step(first));
    AUL_TRY(number(second));  // any Result<T> passes its error on
    return ok_status();
}
Result<int> with_context(bool ok) {
    AUL_TRY_CONTEXT(step(ok), "saving: ");
    return 1;
}
Result<int> assign_existing(bool ok) {
    int n = 0;
    AUL_TRY_ASSIGN(n, number(ok));
    return n + 1;
}
}  // namespace

TEST_CASE("AUL_TRY_ASSIGN binds the value or returns the error with its code") {
    auto good = twice(true);
    REQUIRE(good.ok());
    CHECK(*good == "14");
    auto bad = twice(false);
    REQUIRE(!bad.ok());
    CHECK(bad.error() == "no number");
    CHECK(bad.error_value().code == 19);
    CHECK(*assign_existing(true) == 8);
    CHECK(assign_existing(false).error_value().code == 19);
}

TEST_CASE("AUL_TRY stops at the first failure and keeps it whole") {
    CHECK(both(true, true).ok());
    auto first = both(false, false);
    CHECK(first.error() == "step failed");
    CHECK(first.error_value().code == 2067);
    CHECK(first.error_value().primary_code() == 19);  // SQLITE_CONSTRAINT_UNIQUE -> SQLITE_CONSTRAINT
    CHECK(both(true, false).error() == "no number");
}

TEST_CASE("AUL_TRY_CONTEXT writes the context before the message and keeps the code") {
    CHECK(*with_context(true) == 1);
    auto r = with_context(false);
    CHECK(r.error() == "saving: step failed");
    CHECK(r.error_value().code == 2067);
}

TEST_CASE("take_error moves the error out; prefixed leaves the original as it was") {
    Result<int> r = Error{"gone", 5};
    Error e = r.take_error();
    CHECK(e.message == "gone");
    CHECK(e.code == 5);
    const Error kept{"base", 1};
    Error p = kept.prefixed("ctx: ");
    CHECK(p.message == "ctx: base");
    CHECK(p.code == 1);
    CHECK(kept.message == "base");
    CHECK(Error{"plain"}.code == 0);
}
