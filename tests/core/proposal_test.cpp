#include <doctest/doctest.h>

#include "core/proposal.h"
#include "core/validate.h"

using namespace aul::core;

namespace {
ProposalDraft good_draft() {
    ProposalDraft d;
    d.category = "roads";
    d.region = "KZ-19";
    d.settlement = "Талғар";
    d.title = "Көшедегі шұңқыр";
    d.description = "Абай көшесінде үлкен шұңқыр бар, көліктер зақымданады.";
    return d;
}

std::vector<std::string> keys(const std::vector<FieldProblem>& ps) {
    std::vector<std::string> out;
    for (const auto& p : ps) out.push_back(p.message_key);
    return out;
}
}  // namespace

TEST_CASE("a complete anonymous draft passes and keeps nothing personal") {
    auto d = good_draft();
    d.name = "Айгүл";
    d.phone = "+7 701 123 45 67";
    CHECK(clean_and_check(d).empty());
    CHECK(d.name.empty());
    CHECK(d.phone.empty());
}

TEST_CASE("empty or whitespace-only text is refused, oversize text too") {
    auto d = good_draft();
    d.title = "  \n \t ";
    d.description = std::string(kDescriptionMax, 'a') + "ә";
    CHECK(keys(clean_and_check(d)) == std::vector<std::string>{"error.title.empty", "error.description.too_long"});
    d = good_draft();
    std::string title;
    for (std::size_t i = 0; i < kTitleMax; ++i) title += "қ";  // 150 code points, 300 bytes: allowed
    d.title = title;
    CHECK(clean_and_check(d).empty());
    d.title += "қ";
    CHECK(keys(clean_and_check(d)) == std::vector<std::string>{"error.title.too_long"});
}

TEST_CASE("control characters are stripped and text is NFC; invalid UTF-8 is refused untouched") {
    auto d = good_draft();
    d.title = "Су\x07 жоқ и\xCC\x86";
    CHECK(clean_and_check(d).empty());
    CHECK(d.title == "Су жоқ й");
    d = good_draft();
    d.description = "жо\xFFқ";
    CHECK(keys(clean_and_check(d)) == std::vector<std::string>{"error.text.invalid"});
    CHECK(d.description == "жо\xFFқ");
}

TEST_CASE("named proposals need a name, a +7 phone, a valid IIN if given, and consent") {
    auto d = good_draft();
    d.anonymous = false;
    d.phone = "+1 202 555 0100";
    d.iin = "123456789012";
    CHECK(keys(clean_and_check(d)) == std::vector<std::string>{"error.name.empty", "error.phone.invalid",
                                                               "error.iin.invalid", "error.consent.required"});
    d.name = "Айгүл Сәрсенова";
    d.phone = "8 701 123 45 67";
    d.iin = "";
    d.consent = true;
    CHECK(clean_and_check(d).empty());
    CHECK(d.phone == "+77011234567");
}

TEST_CASE("a volunteer sign-up needs a name, a +7 phone and consent") {
    SignupDraft s;
    s.ngo = "ngo-000001";
    CHECK(keys(clean_and_check(s)) ==
          std::vector<std::string>{"error.name.empty", "error.phone.invalid", "error.consent.required"});
    s.name = "  Данияр  ";
    s.phone = "87011234567";
    s.consent = true;
    CHECK(clean_and_check(s).empty());
    CHECK(s.name == "Данияр");
    CHECK(s.phone == "+77011234567");
}

TEST_CASE("category and place are required") {
    auto d = good_draft();
    d.category = "weather";
    d.region.clear();
    CHECK(keys(clean_and_check(d)) == std::vector<std::string>{"error.category.missing", "error.place.missing"});
    CHECK(is_proposal_category("utilities"));
}

TEST_CASE("a filed proposal is cleaned and checked with the form's rules as it travels") {
    aul::core::FiledProposalFields f{"water", "KZ-19", "KZ-19-01", "  Талғар ", "", "Жол   ", "  Су\x1b жоқ  ", "kk", true,
                                     aul::core::kEarliestFilingMs + 1};
    CHECK(aul::core::clean_and_check_filed(f, aul::core::kEarliestFilingMs + 2) == "");
    CHECK(f.title == "Жол");
    CHECK(f.description == "Су жоқ");
    CHECK(f.settlement == "Талғар");
    auto bad = f;
    bad.lang = "de";
    CHECK(aul::core::clean_and_check_filed(bad, aul::core::kEarliestFilingMs + 2).find("language") != std::string::npos);
    bad = f;
    bad.created_ms = aul::core::kEarliestFilingMs + 2 + aul::core::kFilingClockSlackMs + 1;
    CHECK(aul::core::clean_and_check_filed(bad, aul::core::kEarliestFilingMs + 2).find("ahead") != std::string::npos);
    bad = f;
    bad.region = "KZ 19";
    CHECK_FALSE(aul::core::clean_and_check_filed(bad, aul::core::kEarliestFilingMs + 2).empty());
}

TEST_CASE("the sealed contact's size range covers every accepted draft") {
    auto range = aul::core::proposal_contact_bytes();
    aul::core::ProposalDraft d;
    d.category = "water";
    d.region = "KZ-19";
    d.title = "t";
    d.description = "d";
    d.anonymous = false;
    d.consent = true;
    d.phone = "8 701 123 45 67";
    for (std::string name : {std::string("Ә"), std::string(100, '"'), std::string(100, '\\')}) {
        d.name = name;
        auto copy = d;
        REQUIRE(aul::core::clean_and_check(copy).empty());
        auto size = aul::core::contact_json(copy).size();
        CHECK(size >= range.min);
        CHECK(size <= range.max);
    }
    CHECK(aul::core::signup_contact_bytes().max < range.max);
}
