// A resident's proposal about a local problem, and the rules it must meet before it is
// saved. No I/O: the store saves what these rules accepted.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog_json.h"
#include "core/domain.h"

namespace aul::core {

inline constexpr std::size_t kTitleMax = 150;         // code points
inline constexpr std::size_t kDescriptionMax = 2000;  // code points
inline constexpr std::size_t kNameMax = 100;
inline constexpr std::size_t kSettlementMax = 100;  // code points
// Catalogue codes and ids (region, district, council, NGO, opportunity) as they travel:
// at most this many bytes.
// No kiosk filed anything before this moment (2024-01-01T00:00:00Z): an earlier creation
// time is a clock that was never set, or a forgery.
inline constexpr std::int64_t kEarliestFilingMs = 1704067200000;
// How far ahead of the receiver's clock a creation time may be (clocks drift; a day does not).
inline constexpr std::int64_t kFilingClockSlackMs = 24LL * 3600 * 1000;
// What libsodium's sealed box adds to the sealed text (crypto_box_SEALBYTES).
inline constexpr std::size_t kSealOverheadBytes = 48;

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

// A proposal's life: queued (on the kiosk), delivered (the national server has it), then
// as the operators decide: in_review, accepted, rejected, implemented.
bool is_proposal_state(std::string_view state);
// What a proposal's progress may carry from the server: the operators' answer and history.
inline constexpr std::size_t kMaxAnswerBytes = 8000;
inline constexpr std::size_t kMaxHistoryEntries = 50;

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

// --- the same rules for what has been filed and now travels (kiosk -> national server) ---

// The contact details of an accepted named draft as the JSON text the kiosk seals to the
// national key; the only place its shape is written.
std::string contact_json(const ProposalDraft& accepted);
std::string contact_json(const SignupDraft& accepted);
// The sizes that text can have, in bytes, for any draft clean_and_check accepts: a sealed
// box of another size was not made by a kiosk.
struct ByteRange {
    std::size_t min = 0, max = 0;
};
ByteRange proposal_contact_bytes();
ByteRange signup_contact_bytes();

// "" when `created_ms` can be a filing time seen from a clock reading `now_ms`, else why not.
std::string filing_time_problem(std::int64_t created_ms, std::int64_t now_ms);

// A filed proposal's fields as they travel, before the receiver trusts them.
struct FiledProposalFields {
    std::string category, region, district, settlement, council, title, description, lang;
    bool anonymous = true;
    std::int64_t created_ms = 0;
};
// Cleans the fields in place with the form's own rules (clean_and_check: NFC, controls
// stripped, trimmed) and returns the first problem ("" when none): a form rule's message
// key, or the problem in words for what the form never lets a resident get wrong (lang,
// lengths of codes and settlement, creation time). Catalogue membership is the
// receiver's to check: it knows what was published.
std::string clean_and_check_filed(FiledProposalFields& p, std::int64_t now_ms);

// A filed sign-up's fields as they travel (the name and phone are sealed).
struct FiledSignupFields {
    std::string ngo, opportunity, lang;
    std::int64_t created_ms = 0;
};
std::string check_filed(const FiledSignupFields& s, std::int64_t now_ms);

}  // namespace aul::core
