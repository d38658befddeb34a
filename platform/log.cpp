#include "platform/log.h"

#include <sys/stat.h>
#include <systemd/sd-daemon.h>  // only for the SD_ERR... priority prefixes; nothing is linked
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace aul::platform::log {

namespace {

struct State {
    std::string program = "aul";
    std::atomic<Level> level{Level::info};
    bool journal = false;
};

State& state() {
    static State s;
    return s;
}

struct LevelName {
    Level level;
    const char* name;
    const char* journal_prefix;
};
constexpr LevelName kLevels[] = {
    {Level::error, "error", SD_ERR},
    {Level::warn, "warn", SD_WARNING},
    {Level::info, "info", SD_INFO},
    {Level::debug, "debug", SD_DEBUG},
};

const LevelName& describe(Level level) { return kLevels[static_cast<int>(level)]; }

}  // namespace

void write(Level level, const std::string& message) {
    if (!enabled(level)) return;
    const State& s = state();
    // One fputs per line: the search thread may log while the UI thread does, and stdio
    // locks the stream for each call, so lines never interleave.
    std::fputs(format(s.program, level, message, s.journal).c_str(), stderr);
}

void init(std::string program) {
    State& s = state();
    s.program = std::move(program);
    s.journal = stderr_is_journal();
    const char* env = std::getenv("AUL_LOG_LEVEL");
    if (!env || !*env) return;
    Level level;
    if (parse_level(env, level)) set_level(level);
    else warn("AUL_LOG_LEVEL=" + std::string(env) + " is not error, warn, info or debug; logging at info");
}

bool parse_level(std::string_view name, Level& out) {
    for (const auto& l : kLevels) {
        if (name == l.name) {
            out = l.level;
            return true;
        }
    }
    return false;
}

void set_level(Level level) { state().level = level; }

bool set_level_option(std::string_view value) {
    Level level;
    if (!parse_level(value, level)) {
        error("--log-level takes error, warn, info or debug, not '" + std::string(value) + "'");
        return false;
    }
    set_level(level);
    return true;
}
bool enabled(Level level) { return level <= state().level.load(); }

void error(const std::string& message) { write(Level::error, message); }
void warn(const std::string& message) { write(Level::warn, message); }
void info(const std::string& message) { write(Level::info, message); }
void debug(const std::string& message) { write(Level::debug, message); }

std::string format(std::string_view program, Level level, std::string_view message, bool journal) {
    const LevelName& l = describe(level);
    // journald names the program itself (SYSLOG_IDENTIFIER); a terminal or a file does not.
    std::string line = journal ? std::string(l.journal_prefix) : std::string(program) + ": ";
    line += l.name;
    line += ": ";
    // A message may quote a server's reply: a newline in it must not start a line that
    // would read as another event, with another priority.
    for (char c : message) line += (c == '\n' || c == '\r') ? ' ' : c;
    line += '\n';
    return line;
}

bool stderr_is_journal() {
    const char* env = std::getenv("JOURNAL_STREAM");
    unsigned long long dev = 0, ino = 0;
    if (!env || std::sscanf(env, "%llu:%llu", &dev, &ino) != 2) return false;
    struct stat st {};
    if (::fstat(STDERR_FILENO, &st) != 0) return false;
    return static_cast<unsigned long long>(st.st_dev) == dev && static_cast<unsigned long long>(st.st_ino) == ino;
}

}  // namespace aul::platform::log
