#include "ops/self_test.h"

#include <algorithm>

#include "ops/kiosk_data.h"

namespace aul::ops {

namespace {
void database_and_disk(Result<store::FilingStore>& filing, const std::string& dir, std::int64_t now_ms,
                       std::vector<Check>& out) {
    out.push_back(filing ? store::check_database(*filing, now_ms) : Check{"database", false, filing.error()});
    out.push_back(store::check_disk(dir));
}
}  // namespace

std::vector<Check> local_checks(const std::string& dir, std::int64_t now_ms) {
    std::vector<Check> out;
    auto filing = open_filing_connection(dir);
    database_and_disk(filing, dir, now_ms, out);
    return out;
}

std::vector<Check> self_test(const std::string& dir, std::int64_t now_ms, const ServerChecks& server) {
    std::vector<Check> out;
    store::OpenReport report;
    auto db = open_database(dir, &report, store::OpenCheck::whole_file);
    auto filing = db ? store::FilingStore::open(std::move(*db)) : Result<store::FilingStore>(Error{db.error()});
    if (filing && !report.damaged_copy.empty()) {
        out.push_back({"database", false, "was damaged; kept at " + report.damaged_copy});
        out.push_back(store::check_disk(dir));
    } else {
        database_and_disk(filing, dir, now_ms, out);
    }
    if (filing && server) {
        auto more = server(KioskPaths{dir}, *filing);
        out.insert(out.end(), more.begin(), more.end());
    }
    return out;
}

bool all_passed(const std::vector<Check>& checks) {
    return std::all_of(checks.begin(), checks.end(), [](const Check& c) { return c.ok; });
}

}  // namespace aul::ops
