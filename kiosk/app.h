// The kiosk application: wires window, input, pacing, theme, store and screens, and owns
// the state screens are drawn from. main.cpp only parses arguments and calls run_kiosk.
#pragma once
#include <string>

#include "core/i18n.h"
#include "core/result.h"
#include "ops/settings.h"

namespace aul::kiosk {

struct KioskOptions {
    std::string data_dir;          // --data DIR: holds kiosk.db (required)
    std::string config_path = kDefaultConfigPath;  // --config FILE; an absent file means defaults
    bool fullscreen = true;        // --windowed WxH turns it off
    int width = 1280, height = 800;
    std::string lang;              // --lang kk|ru|en: start language (else from config)
    float dpi = 0;                 // --dpi N: the panel's density, over [display] dpi (0: the setting)
    std::string renderer;          // --renderer auto|gl3|gles3|gl2, over [display] renderer ("": the setting)
    std::string screenshot;        // --screenshot OUT.png: render --screen once, write, exit
    std::string screen = "home";   // --screen home|ngos|ngo
    std::string script;            // --script FILE: replay a session, exit non-zero on failure
    std::string shots_dir;         // --shots DIR: where `shot NAME` lines write PNGs
    double stats_after = 0;        // --stats-after S: run untouched S seconds, print loop figures as JSON, exit
};

// The kiosk's translations, from the assets folder.
Status load_translations(core::Translations& tr);

// Returns the process exit code: 0 on success, 1 on a failed script or screenshot,
// 2 on a start-up error (printed as one actionable line).
int run_kiosk(const KioskOptions& options);

}  // namespace aul::kiosk
