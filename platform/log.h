// Diagnostic lines of the long-running programs (kiosk, kiosk-sync, national-api): one event
// a line on standard error. Under systemd standard error is the journal, so each line starts
// with the sd-daemon priority prefix ("<3>" for errors) and `journalctl -p warning` can
// filter by level; elsewhere a line reads "kiosk: error: ...".
// Never pass personal data (names, phones, IINs, contact details, typed text) to these.
#pragma once
#include <string>
#include <string_view>

namespace aul::platform::log {

enum class Level { error, warn, info, debug };

// Names the program in each line, finds out whether standard error is the journal and takes
// the level from AUL_LOG_LEVEL (default info). Call once, first thing in main.
void init(std::string program);

// "error", "warn", "info" or "debug"; false for anything else.
bool parse_level(std::string_view name, Level& out);
void set_level(Level level);
// The programs' --log-level VALUE, which wins over AUL_LOG_LEVEL; false (with an error
// line saying what it takes) when VALUE is not a level.
bool set_level_option(std::string_view value);
bool enabled(Level level);

void write(Level level, const std::string& message);
void error(const std::string& message);
void warn(const std::string& message);
void info(const std::string& message);
void debug(const std::string& message);

// The line as it is written (with its newline), exposed for tests.
std::string format(std::string_view program, Level level, std::string_view message, bool journal);

// True when JOURNAL_STREAM names the file standard error is: systemd sets it for a service's
// stdout/stderr, and children inherit it even when their stderr goes elsewhere.
bool stderr_is_journal();

}  // namespace aul::platform::log
