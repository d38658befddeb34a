#include "kiosk/layout_check.h"

#include <algorithm>
#include <cstdio>

namespace aul::kiosk {

namespace {

constexpr float kSlack = 1.0f;  // px: anti-aliased edges may touch

std::string name_of(const UiItem& it) {
    if (!it.id.empty()) return it.id;
    std::string t = it.text;
    if (t.size() > 40) {
        std::size_t cut = 40;
        while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;  // not inside a letter
        t = t.substr(0, cut) + "...";
    }
    return "\"" + t + "\"";
}

float overlap(float a0, float a1, float b0, float b1) { return std::min(a1, b1) - std::max(a0, b0); }

bool intersects(ImVec2 amin, ImVec2 amax, ImVec2 bmin, ImVec2 bmax) {
    return overlap(amin.x, amax.x, bmin.x, bmax.x) > kSlack && overlap(amin.y, amax.y, bmin.y, bmax.y) > kSlack;
}

bool contains(ImVec2 outer_min, ImVec2 outer_max, ImVec2 min, ImVec2 max) {
    return min.x >= outer_min.x - kSlack && min.y >= outer_min.y - kSlack && max.x <= outer_max.x + kSlack &&
           max.y <= outer_max.y + kSlack;
}

std::string mm(float px, float per_mm) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", px / per_mm);
    return buf;
}

// How a higher layer treats an item: out of its way, wholly under it (not tappable, not
// checked) or partly under it (a defect: half a button peeks out).
enum class Covered { no, wholly, partly };

Covered covered(const UiItem& it, const std::vector<UiCover>& covers) {
    Covered c = Covered::no;
    for (const auto& cover : covers) {
        if (cover.layer <= it.layer || !intersects(it.min, it.max, cover.min, cover.max)) continue;
        if (contains(cover.min, cover.max, it.min, it.max)) return Covered::wholly;
        c = Covered::partly;
    }
    return c;
}

const UiItem* region_named(const std::vector<UiItem>& items, const std::string& id) {
    for (const auto& it : items)
        if (it.kind == UiItem::Kind::scroll && it.id == id) return &it;
    return nullptr;
}

}  // namespace

std::vector<std::string> layout_problems(const std::vector<UiItem>& items, const std::vector<UiCover>& covers,
                                         const LayoutRules& r) {
    std::vector<std::string> out;
    std::vector<const UiItem*> shown;  // uncovered and at least partly in view
    for (const auto& it : items) {
        Covered c = covered(it, covers);
        if (c == Covered::wholly) continue;
        bool target = it.kind == UiItem::Kind::target || it.kind == UiItem::Kind::key;
        if (c == Covered::partly && target && !it.hidden) {
            out.push_back(name_of(it) + " lies partly under the keyboard or a dialog");
            continue;
        }
        if (it.kind == UiItem::Kind::scroll) {
            // A scroll region must itself be wholly on screen (or inside another region).
            bool on_screen = contains(ImVec2(0, 0), r.screen, it.min, it.max);
            if (!on_screen && it.scroll.empty()) out.push_back("scroll region " + it.id + " runs off the screen");
            if (c == Covered::partly) out.push_back("scroll region " + it.id + " lies partly under the keyboard");
            continue;
        }
        // Out of view is fine inside a region a finger can scroll; anywhere else nobody
        // can ever reach it.
        if ((it.hidden || it.clipped) && it.scroll.empty())
            out.push_back(name_of(it) + " is cut off by the screen edge");
        if (it.hidden) continue;
        if (it.scroll.empty() == false && !region_named(items, it.scroll))
            out.push_back(name_of(it) + " lies in a scroll region that was not recorded");
        if (it.fit.elided) out.push_back("the label of " + name_of(it) + " is cut short");
        if (it.fit.broken) out.push_back("the label of " + name_of(it) + " breaks inside a word");
        if (target && !it.clipped) {
            // Its whole size: a pixel or three shaved off by a clip edge is not smaller.
            float w = it.full_max.x - it.full_min.x, h = it.full_max.y - it.full_min.y;
            float min = it.kind == UiItem::Kind::key ? r.key_min : r.target_min;
            if (w < min - 0.5f || h < min - 0.5f)
                out.push_back(name_of(it) + " is " + mm(w, r.px_per_mm) + " x " + mm(h, r.px_per_mm) +
                              " mm, under the " + mm(min, r.px_per_mm) + " mm minimum");
        }
        // A recorded area with no text (a list's extent) is not something drawn over.
        if (target || !it.text.empty()) shown.push_back(&it);
    }
    // Targets must not overlap each other; text must not run over text or half over a
    // target (text inside a target, as on a list row, is its label).
    for (std::size_t i = 0; i < shown.size(); ++i) {
        for (std::size_t j = i + 1; j < shown.size(); ++j) {
            const UiItem& a = *shown[i];
            const UiItem& b = *shown[j];
            if (!intersects(a.min, a.max, b.min, b.max)) continue;
            bool ta = a.kind != UiItem::Kind::text, tb = b.kind != UiItem::Kind::text;
            if (ta && tb) {
                out.push_back(name_of(a) + " overlaps " + name_of(b));
            } else if (ta != tb) {
                const UiItem& target = ta ? a : b;
                const UiItem& text = ta ? b : a;
                if (!contains(target.min, target.max, text.min, text.max))
                    out.push_back("text " + name_of(text) + " runs over " + name_of(target));
            } else if (!contains(a.min, a.max, b.min, b.max) && !contains(b.min, b.max, a.min, a.max)) {
                out.push_back("text " + name_of(a) + " runs over text " + name_of(b));
            }
        }
    }
    return out;
}

}  // namespace aul::kiosk
