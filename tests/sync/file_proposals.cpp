// Test helper: files N proposals into a kiosk's database the way the kiosk does, printing
// each tracking code once its commit returned.
//   file_proposals --data DIR --count N [--named | --signups | --escape-ids | --sequences]
//   (--named: with a name and phone, sealed; --signups: volunteer sign-ups instead;
//   --escape-ids: sign-ups whose ids are then made to start with a terminal escape, as a
//   tampered kiosk database would hold them; --sequences: each code followed by its sequence)
#include <cstdio>
#include <string>

#include "core/clock.h"
#include "core/proposal.h"
#include "sample_drafts.h"
#include "store/catalog_store.h"
#include "store/filing_store.h"
#include "store/kiosk_paths.h"

int main(int argc, char** argv) {
    if (argc != 5 && argc != 6) return 2;
    bool named = argc == 6 && std::string(argv[5]) == "--named";
    bool escape_ids = argc == 6 && std::string(argv[5]) == "--escape-ids";
    bool signups = escape_ids || (argc == 6 && std::string(argv[5]) == "--signups");
    bool sequences = argc == 6 && std::string(argv[5]) == "--sequences";
    std::string dir = argv[2];
    int count = std::atoi(argv[4]);
    auto db = aul::store::open_kiosk_db(aul::store::KioskPaths{dir}.db());
    if (!db) return std::fprintf(stderr, "%s\n", db.error().c_str()), 1;
    auto fs = aul::store::FilingStore::open(std::move(*db));
    using aul::core::now_ms;
    for (int i = 0; signups && i < count; ++i) {
        aul::core::SignupDraft s;
        s.ngo = "ngo-000001";
        s.name = "Данияр";
        s.phone = "+77011234567";
        s.consent = true;
        if (!aul::core::clean_and_check(s).empty()) return 3;
        auto id = fs->file_signup(s, now_ms() + i);
        if (!id) return std::fprintf(stderr, "%s\n", id.error().c_str()), 1;
        if (escape_ids) {
            auto st = fs->db().prepare("UPDATE volunteer_signups SET id = ?2 WHERE id = ?1");
            if (!st) return 1;
            *id = "\x1b[2J\x1b]0;owned\x07" + *id;
            st->bind(1, id->substr(id->size() - 36)).bind(2, *id);
            if (!st->run()) return 1;
        }
        std::printf("%s\n", id->c_str());
    }
    for (int i = 0; !signups && i < count; ++i) {
        aul::core::ProposalDraft d = sample_proposal(i, named);
        if (!aul::core::clean_and_check(d).empty()) return 3;
        auto filed = fs->file_proposal(d, now_ms());
        if (!filed) return std::fprintf(stderr, "%s\n", filed.error().c_str()), 1;
        if (sequences)
            std::printf("%s %lld\n", filed->tracking_code.c_str(), static_cast<long long>(fs->highest_sequence().value_or(-1)));
        else
            std::printf("%s\n", filed->tracking_code.c_str());
    }
    return 0;
}
