#include "core/proposal.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "core/validate.h"

namespace aul::core {

bool is_proposal_state(std::string_view s) {
    for (std::string_view k : {"queued", "delivered", "in_review", "accepted", "rejected", "implemented"})
        if (s == k) return true;
    return false;
}

bool is_proposal_category(std::string_view code) {
    for (const auto& c : kProposalCategories)
        if (c.code == code) return true;
    return false;
}

std::string clean_text(std::string_view s, bool multiline) {
    std::string t = to_nfc(strip_controls(s, multiline));
    auto first = t.find_first_not_of(" \n");
    if (first == std::string::npos) return {};
    auto last = t.find_last_not_of(" \n");
    return t.substr(first, last - first + 1);
}

namespace {
void check_length(std::vector<FieldProblem>& out, Field f, const std::string& text, std::size_t max,
                  const char* empty_key, const char* long_key) {
    if (text.empty())
        out.push_back({f, empty_key});
    else if (codepoint_count(text) > max)
        out.push_back({f, long_key});
}
}  // namespace

std::vector<FieldProblem> clean_and_check(ProposalDraft& d) {
    std::vector<FieldProblem> out;
    // Broken bytes are refused rather than repaired: the resident sees the field and
    // types it again, and nothing garbled is ever sent.
    for (auto [field, text] : {std::pair{Field::title, &d.title}, std::pair{Field::description, &d.description},
                               std::pair{Field::place, &d.settlement}, std::pair{Field::name, &d.name}})
        if (!is_valid_utf8(*text)) out.push_back({field, "error.text.invalid"});
    if (!out.empty()) return out;
    d.title = clean_text(d.title, false);
    d.description = clean_text(d.description, true);
    d.settlement = clean_text(d.settlement, false);
    d.name = clean_text(d.name, false);
    d.iin = clean_text(d.iin, false);

    if (!is_proposal_category(d.category)) out.push_back({Field::category, "error.category.missing"});
    if (d.region.empty()) out.push_back({Field::place, "error.place.missing"});
    check_length(out, Field::title, d.title, kTitleMax, "error.title.empty", "error.title.too_long");
    check_length(out, Field::description, d.description, kDescriptionMax, "error.description.empty",
                 "error.description.too_long");
    if (d.anonymous) {
        // Nothing personal is kept for an anonymous proposal, whatever was typed before.
        d.name.clear();
        d.phone.clear();
        d.iin.clear();
        d.consent = false;
        return out;
    }
    check_length(out, Field::name, d.name, kNameMax, "error.name.empty", "error.name.too_long");
    if (auto phone = normalize_kz_phone(d.phone))
        d.phone = *phone;
    else
        out.push_back({Field::phone, "error.phone.invalid"});
    if (!d.iin.empty() && !is_valid_iin(d.iin)) out.push_back({Field::iin, "error.iin.invalid"});
    if (!d.consent) out.push_back({Field::consent, "error.consent.required"});
    return out;
}

std::vector<FieldProblem> clean_and_check(SignupDraft& d) {
    std::vector<FieldProblem> out;
    if (!is_valid_utf8(d.name)) return {{Field::name, "error.text.invalid"}};
    d.name = clean_text(d.name, false);
    check_length(out, Field::name, d.name, kNameMax, "error.name.empty", "error.name.too_long");
    if (auto phone = normalize_kz_phone(d.phone))
        d.phone = *phone;
    else
        out.push_back({Field::phone, "error.phone.invalid"});
    if (!d.consent) out.push_back({Field::consent, "error.consent.required"});
    return out;
}

std::string contact_json(const ProposalDraft& d) {
    return nlohmann::json{{"name", d.name}, {"phone", d.phone}, {"iin", d.iin}}.dump();
}

std::string contact_json(const SignupDraft& d) { return nlohmann::json{{"name", d.name}, {"phone", d.phone}}.dump(); }

namespace {
// The shortest and the longest name a draft can carry: one letter, and kNameMax code
// points of four bytes each (no escaping in the JSON makes one longer).
const std::string kShortestName = "A";
std::string longest_name() {
    std::string s;
    for (std::size_t i = 0; i < kNameMax; ++i) s += "\U0001F600";
    return s;
}
}  // namespace

ByteRange proposal_contact_bytes() {
    ProposalDraft shortest, longest;
    shortest.name = kShortestName;
    shortest.phone = "+77000000000";
    longest.name = longest_name();
    longest.phone = shortest.phone;
    longest.iin = "000000000000";
    return {contact_json(shortest).size(), contact_json(longest).size()};
}

ByteRange signup_contact_bytes() {
    SignupDraft shortest, longest;
    shortest.name = kShortestName;
    shortest.phone = "+77000000000";
    longest.name = longest_name();
    longest.phone = shortest.phone;
    return {contact_json(shortest).size(), contact_json(longest).size()};
}

std::string filing_time_problem(std::int64_t created_ms, std::int64_t now_ms) {
    if (created_ms < kEarliestFilingMs)
        return "the creation time is before 2024: the kiosk's clock was not set when it was filed";
    if (created_ms > now_ms && created_ms - now_ms > kFilingClockSlackMs)
        return "the creation time is more than a day ahead of the national server's clock";
    return {};
}

std::string clean_and_check_filed(FiledProposalFields& p, std::int64_t now_ms) {
    // The form's rules, on a draft holding only what travels in clear: personal data is
    // sealed, so it is checked as an anonymous draft and the contact is the caller's.
    ProposalDraft d;
    d.category = p.category;
    d.region = p.region;
    d.district = p.district;
    d.settlement = p.settlement;
    d.council = p.council;
    d.title = p.title;
    d.description = p.description;
    auto problems = clean_and_check(d);
    if (!problems.empty()) return problems.front().message_key;
    p.title = d.title;
    p.description = d.description;
    p.settlement = d.settlement;
    Lang lang;
    if (!parse_lang(p.lang, lang)) return "the language is not one of kk, ru, en";
    if (!looks_like_catalog_key(p.region)) return "the region is not a region code";
    if (!p.district.empty() && !looks_like_catalog_key(p.district)) return "the district is not a district code";
    if (codepoint_count(p.settlement) > kSettlementMax) return "the settlement name is too long";
    if (!p.council.empty() && p.council.size() > limits::kKey) return "the council id is too long";
    return filing_time_problem(p.created_ms, now_ms);
}

std::string check_filed(const FiledSignupFields& s, std::int64_t now_ms) {
    if (s.ngo.empty()) return "a sign-up names no organisation";
    if (s.ngo.size() > limits::kKey) return "the organisation id is too long";
    if (s.opportunity.size() > limits::kKey) return "the opportunity id is too long";
    Lang lang;
    if (!parse_lang(s.lang, lang)) return "the language is not one of kk, ru, en";
    return filing_time_problem(s.created_ms, now_ms);
}

}  // namespace aul::core
