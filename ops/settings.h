// /etc/aul/kiosk.conf (INI), read by the kiosk and by kiosk-sync ([sync]). Every key, its
// default and meaning are listed in the README and in assets/config/kiosk.conf.example.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "core/domain.h"
#include "core/result.h"

namespace aul::ops {

struct KioskConfig {
    // [display]
    float dpi = 149.0f;           // screen density; 149 = 1280x800 on 10.1"; sizes are set in mm
    bool high_contrast = false;   // start in the high-contrast theme
    bool large_text = false;      // start in large-text mode
    std::string renderer = "auto";  // auto (GL 3.0, then GLES 3.0, then GL 2.1), or gl3, gles3, gl2 to force one
    // [kiosk]
    core::Lang language = core::Lang::kk;  // the language the home screen returns to
    std::string catalog_seed;     // catalogue loaded into an empty database; "" = the demo one
    std::string code;             // kiosk code inside tracking codes, 4 characters; set at installation
    std::string name;             // what staff call this kiosk ("Talgar community centre"); panel heading
    // [locality]: where the kiosk stands; proposals are about this place unless changed
    std::string region;           // ISO 3166-2:KZ code, e.g. KZ-19
    std::string district;         // district code, may be empty
    std::string settlement;       // village or town name as residents write it
    // [privacy]
    int idle_seconds = 90;        // untouched this long: "still there?" prompt
    int idle_prompt_seconds = 20; // then back home with every form cleared
    // [staff]
    std::vector<std::string> usb_roots{"/media", "/run/media"};  // where USB sticks get mounted
    // [speech]: the voice that reads screens aloud (espeak-ng, or recordings)
    bool speech_enabled = true;   // false: no Listen button, no voice tile, no sound at all
    int speech_volume = 80;       // percent, until staff set one on the panel
    int speech_rate = 150;        // words a minute; codes are read at 60% of it
    std::string speech_device;    // ALSA device ("plughw:CARD=Headphones"); empty: the default
    std::array<std::string, 3> speech_voices{"kk", "ru", "en"};  // espeak-ng voice per language: voice_kk, voice_ru, voice_en
    // [sync], read by kiosk-sync
    int sync_timeout_seconds = 60;  // one request to the national server may take this long

    std::string source;           // the file these came from; empty when it is absent (defaults)
};

constexpr const char* kDefaultConfigPath = "/etc/aul/kiosk.conf";

// Reads the file; a missing file gives the defaults, a malformed one a clear error naming
// the line.
Result<KioskConfig> load_config(const std::string& path);

}  // namespace aul::ops

// The names the kiosk app has always used.
namespace aul::kiosk {
using ops::KioskConfig;
using ops::kDefaultConfigPath;
using ops::load_config;
}  // namespace aul::kiosk
