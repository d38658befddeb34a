#include "sync/outbox.h"

#include <algorithm>
#include <climits>

namespace aul::sync {

ProposalItem to_item(const store::FilingStore::OutgoingProposal& p) {
    return ProposalItem{p.id,   p.tracking_code, p.category, p.region,    p.district, p.settlement, p.council,
                        p.title, p.description,  p.lang,     p.anonymous, p.contact,  p.created_ms};
}

SignupItem to_item(const store::FilingStore::OutgoingSignup& s) {
    return SignupItem{s.id, s.opportunity, s.ngo, s.lang, s.contact, s.created_ms};
}

Result<SubmitRequest> outbox_submission(const store::FilingStore& filing, std::size_t max_items) {
    int limit = static_cast<int>(std::min<std::size_t>(max_items, INT_MAX));
    auto proposals = filing.outgoing(limit);
    if (!proposals) return proposals.take_error();
    auto signups = filing.outgoing_signups(limit - static_cast<int>(proposals->size()));
    if (!signups) return signups.take_error();
    SubmitRequest req;
    for (const auto& p : *proposals) req.proposals.push_back(to_item(p));
    for (const auto& s : *signups) req.signups.push_back(to_item(s));
    return req;
}

std::vector<SubmitRequest> in_batches(const SubmitRequest& all) {
    std::vector<SubmitRequest> out;
    auto room = [&] {
        if (out.empty() || out.back().proposals.size() + out.back().signups.size() == kMaxBatchItems)
            out.emplace_back();
        return &out.back();
    };
    for (const auto& p : all.proposals) room()->proposals.push_back(p);
    for (const auto& s : all.signups) room()->signups.push_back(s);
    return out;
}

}  // namespace aul::sync
