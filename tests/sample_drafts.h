// The sample proposal tests file: a water problem in Talgar, anonymous or with a name and a
// phone (sealed at filing). Shared by the unit tests and the file_proposals tool.
#pragma once
#include <cstdint>
#include <string>

#include "core/proposal.h"

// When the tests' kiosks file (2025-06-15) and when their national office receives (an hour
// later): the national server refuses creation times before 2024 or ahead of its clock.
inline constexpr std::int64_t kSampleFiledMs = 1'750'000'000'000;
inline constexpr std::int64_t kSampleReceivedMs = kSampleFiledMs + 3'600'000;

inline aul::core::ProposalDraft sample_proposal(int i, bool named) {
    aul::core::ProposalDraft d;
    d.category = "water";
    d.region = "KZ-19";
    d.settlement = "Талғар";
    d.title = "Су құбыры " + std::to_string(i);
    d.description = "Ауылда су жоқ, өтініш №" + std::to_string(i);
    if (named) {
        d.anonymous = false;
        d.name = "Айгүл Сәрсенова";
        d.phone = "+77011234567";
        d.consent = true;
    }
    return d;
}
