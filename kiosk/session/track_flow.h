// Following a proposal by its tracking code, typed or carried over from a receipt.
#pragma once
#include <optional>

#include "kiosk/session/shared.h"

namespace aul::kiosk {

class TrackFlow final : public Flow {
public:
    explicit TrackFlow(Shared& s) : s_(s) {}

    bool apply(const Intent& i) override;
    std::string* field_text(FieldId f) override { return f == FieldId::track_code ? &code_ : nullptr; }
    // A new code: the old answer no longer applies.
    void field_changed(FieldId f) override {
        if (f == FieldId::track_code) searched_ = false;
    }
    void reset() override;
    bool holds_resident_data() const override { return !code_.empty(); }

    // Opens Track with `code` looked up at once, or an empty field with the keyboard up.
    void open(const std::string& code);
    // Track with this kiosk's latest code (--screen track).
    void open_latest() { open(s_.filing.latest_tracking_code().value_or("")); }
    TrackView view() const;

private:
    void search();

    Shared& s_;
    std::string code_;  // as typed
    bool searched_ = false;
    std::optional<store::ProposalStatus> found_;
    std::string error_;
};

}  // namespace aul::kiosk
