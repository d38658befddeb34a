// The sample proposal tests file: a water problem in Talgar, anonymous or with a name and a
// phone (sealed at filing). Shared by the unit tests and the file_proposals tool.
#pragma once
#include <string>

#include "core/proposal.h"

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
