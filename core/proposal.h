// A resident's proposal about a local problem, and the rules it must meet before it is
// saved. No I/O: the store saves what these rules accepted.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/domain.h"

namespace aul::core {

inline constexpr std::size_t kTitleMax = 150;         // code points
inline constexpr std::size_t kDescriptionMax = 2000;  // code points
inline constexpr std::size_t kNameMax = 100;

// Language-neutral proposal categories with their Font Awesome 4.7 icons; labels live in
// the translations as "category.<code>".
struct ProposalCategory {
    std::string_view code;
    std::string_view icon;
};
inline constexpr ProposalCategory kProposalCategories[] = {
    {"roads", "road"},         {"water", "tint"},          {"transport", "bus"},
    {"housing", "building"},   {"utilities", "fire"},      {"education", "graduation-cap"},
    {"health", "medkit"},      {"environment", "leaf"},    {"culture", "futbol-o"},
    {"safety", "shield"},      {"other", "ellipsis-h"},
};
bool is_proposal_category(std::string_view code);

struct ProposalDraft {
    std::string category;   // a kProposalCategories code
    std::string region;     // ISO code; from the kiosk's locality unless changed
    std::string district;   // may be empty
    std::string settlement; // village or town name, free text
    std::string council;    // council id the proposal is addressed to, may be empty
    std::string title;
    std::string description;
    bool anonymous = true;
    std::string name;       // personal data: never logged
    std::string phone;      // personal data: never logged; E.164 once accepted
    std::string iin;        // personal data: never logged; optional
    bool consent = false;   // consent to process the contact details
    Lang lang = Lang::kk;   // the language it was written in
};

enum class Field { category, place, title, description, name, phone, iin, consent };

struct FieldProblem {
    Field field;
    std::string message_key;  // translation key, e.g. "error.title.empty"
};

// Normalises the draft in place (NFC, control characters stripped, outer spaces trimmed,
// phone to E.164) and returns every problem found, in form order. Empty: ready to save.
std::vector<FieldProblem> clean_and_check(ProposalDraft& draft);

// A volunteer's sign-up for an opportunity (or to help an NGO in general).
struct SignupDraft {
    std::string opportunity;  // opportunity id, empty for "any help"
    std::string ngo;          // catalogue id of the NGO
    std::string name;         // personal data: never logged
    std::string phone;        // personal data: never logged; E.164 once accepted
    bool consent = false;
    Lang lang = Lang::kk;
};
std::vector<FieldProblem> clean_and_check(SignupDraft& draft);

// Trims spaces and newlines at both ends (after NFC and stripping controls).
std::string clean_text(std::string_view s, bool multiline);

}  // namespace aul::core
