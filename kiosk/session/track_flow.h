// Following a proposal by its tracking code, typed or carried over from a receipt. A code
// this kiosk did not file is looked up on the national server through kiosk-sync, on a
// background task: "from any kiosk", as the receipt promises.
#pragma once
#include <optional>

#include "kiosk/session/shared.h"
#include "store/track_lookups.h"

namespace aul::kiosk {

class TrackFlow final : public Flow {
public:
    // `data_dir`: the kiosk's data folder, for the lookup's own connection.
    TrackFlow(Shared& s, std::string data_dir) : s_(s), data_dir_(std::move(data_dir)) {}

    bool apply(const Intent& i) override;
    std::string* field_text(FieldId f) override { return f == FieldId::track_code ? &code_ : nullptr; }
    // A new code: the old answer no longer applies.
    void field_changed(FieldId f) override {
        if (f == FieldId::track_code) forget_answer();
    }
    void reset() override;
    bool holds_resident_data() const override { return !code_.empty(); }

    // Opens Track with `code` looked up at once, or an empty field with the keyboard up.
    void open(const std::string& code);
    // Track with this kiosk's latest code (--screen track).
    void open_latest() { open(s_.filing.latest_tracking_code().value_or("")); }
    TrackView view() const;
    // The national server is being asked.
    bool looking_up() const { return lookup_.running(); }

private:
    void search();
    void look_up_elsewhere(const std::string& code);
    void looked_up(Result<store::LookupAnswer> answer);
    void forget_answer();

    Shared& s_;
    std::string data_dir_;
    std::string code_;  // as typed
    bool searched_ = false;
    std::optional<store::ProposalStatus> found_;
    // What the national server said of a code this kiosk did not file; nullopt for a code
    // found here, or while the server is asked.
    std::optional<store::LookupOutcome> elsewhere_;
    std::string error_;
    platform::TaskHandle lookup_;
};

}  // namespace aul::kiosk
