#include "core/proposal.h"

#include "core/text.h"
#include "core/validate.h"

namespace aul::core {

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

}  // namespace aul::core
