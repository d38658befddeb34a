// The kiosk's outbox as the protocol carries it: what waits to be delivered, read from the
// filing store into a submission. The online push and USB bundles both send exactly this.
#pragma once
#include <cstddef>

#include "core/result.h"
#include "store/filing_store.h"
#include "sync/protocol.h"

namespace aul::sync {

ProposalItem to_item(const store::FilingStore::OutgoingProposal& p);
SignupItem to_item(const store::FilingStore::OutgoingSignup& s);

// Up to `max_items` undelivered, unquarantined items, oldest first: proposals, then
// sign-ups in the room left. Contact details go as stored, that is sealed.
Result<SubmitRequest> outbox_submission(const store::FilingStore& filing, std::size_t max_items);

// The same items cut into submissions of at most kMaxBatchItems, in order.
std::vector<SubmitRequest> in_batches(const SubmitRequest& all);

}  // namespace aul::sync
