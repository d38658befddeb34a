// The self-test staff run when something seems wrong (the staff panel, kioskctl doctor):
// every check with its verdict in words.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/filing_store.h"
#include "store/kiosk_paths.h"
#include "store/kiosk_state.h"

namespace aul::ops {

using store::Check;

// The checks of the data folder `dir`: the database's full integrity check (its verdict is
// remembered for the status) and the disk. On a connection of its own, beside a running
// kiosk: the full check of a large catalogue takes seconds.
std::vector<Check> local_checks(const std::string& dir, std::int64_t now_ms);

// The checks that need the national server, run by whoever has the network.
using ServerChecks = std::function<std::vector<Check>(const store::KioskPaths&, store::FilingStore&)>;

// The whole self-test from the command line: the database opened with its check (a damaged
// file is set aside, and the check says where it was kept), the disk, then `server` when given.
std::vector<Check> self_test(const std::string& dir, std::int64_t now_ms, const ServerChecks& server = {});

bool all_passed(const std::vector<Check>& checks);

}  // namespace aul::ops
