// The public councils of the kiosk's place: national, regional, district. Read only; a
// council's button opens a proposal addressed to it (ProposeFlow).
#pragma once
#include "kiosk/session/shared.h"

namespace aul::kiosk {

class CouncilsFlow final : public Flow {
public:
    explicit CouncilsFlow(Shared& s) : s_(s) {}

    bool apply(const Intent& i) override {
        if (i.kind != Intent::Kind::open_councils) return false;
        open();
        return true;
    }
    void open() {
        s_.load_place();  // `kioskctl set-locality` may have moved the kiosk meanwhile
        s_.show({ScreenId::councils});
    }
    void reset() override {}
    bool holds_resident_data() const override { return false; }

    CouncilsView view() const { return CouncilsView{s_.words(), &s_.place.councils(), s_.place_line()}; }

private:
    Shared& s_;
};

}  // namespace aul::kiosk
