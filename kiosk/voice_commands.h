// The kiosk's voice from the command line, for operators and tests: no window, no data
// folder needed.
//   kiosk --say TEXT --lang kk|ru|en --wav OUT.wav   synthesises TEXT as the kiosk would
//   kiosk --voice-coverage [--data DIR]              prompts of each language without a recording
#pragma once
#include <string>

namespace aul::kiosk {

// Returns the exit code: 0 written, 2 on bad arguments or a failure (one line on stderr).
int say_to_wav(const std::string& text, const std::string& lang, const std::string& wav, const std::string& config_path);
// Prints one line per prompt lacking a recording ("kk home.greeting"), then a count per
// language. `data_dir` may be empty (shipped recordings only).
int print_voice_coverage(const std::string& data_dir);

}  // namespace aul::kiosk
