#!/bin/bash
# Logs and settings as the services see them: kiosk-sync's lines with priorities when its
# stderr is the journal, plain "program: level:" lines elsewhere, the level from
# AUL_LOG_LEVEL or --log-level, and [sync] read from the settings file.
#   logs.sh BIN_DIR
set -euo pipefail
bin="$(cd "$1" && pwd)"
work=$(mktemp -d /tmp/aul-logs-XXXXXX)
daemon=""
trap '[ -n "$daemon" ] && kill "$daemon" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "logs: FAILED: $*" >&2; exit 1; }
passed=0
ok() { passed=$((passed + 1)); echo "logs: ok: $*"; }

# Runs kiosk-sync as its service would, on a kiosk that is not enrolled, until its first
# status exchange is logged; its stderr goes to LOG. Extra arguments go to kiosk-sync.
#   sync_until_round LOG [ARGS...]
sync_until_round() {
  local log="$1"; shift
  rm -rf "$work/kiosk"; mkdir -p "$work/kiosk"
  "$bin/kiosk-sync" --data "$work/kiosk" --config "$work/kiosk.conf" "$@" 2>>"$log" &
  daemon=$!
  for _ in $(seq 100); do grep -q "status:" "$log" 2>/dev/null && break; sleep 0.05; done
  kill "$daemon"; wait "$daemon" 2>/dev/null || true; daemon=""
  grep -q "status:" "$log" || fail "no round was logged: $(cat "$log")"
}

printf '[sync]\ntimeout = 7\n' > "$work/kiosk.conf"

: > "$work/plain.log"
sync_until_round "$work/plain.log"
grep -q "^kiosk-sync: info: kiosk-sync .* request timeout 7 s$" "$work/plain.log" \
  || fail "start line with the configured timeout: $(cat "$work/plain.log")"
grep -q '^kiosk-sync: error: status: .*not enrolled' "$work/plain.log" || fail "plain error line: $(cat "$work/plain.log")"
ok "outside the journal: 'kiosk-sync: level: ...', [sync] timeout read from the settings"

# The journal: systemd names the stream in JOURNAL_STREAM as device:inode.
: > "$work/journal.log"
JOURNAL_STREAM="$(stat -c '%d:%i' "$work/journal.log")" sync_until_round "$work/journal.log"
grep -q '^<6>info: kiosk-sync ' "$work/journal.log" || fail "journal info line: $(cat "$work/journal.log")"
grep -q '^<3>error: status: .*not enrolled' "$work/journal.log" || fail "journal error line: $(cat "$work/journal.log")"
! grep -qv '^<[0-7]>' "$work/journal.log" || fail "a journal line without its priority: $(cat "$work/journal.log")"
ok "in the journal: every line starts with its sd-daemon priority"

# A JOURNAL_STREAM inherited by a process whose stderr went elsewhere is not the journal.
: > "$work/inherited.log"
JOURNAL_STREAM="1:1" sync_until_round "$work/inherited.log"
grep -q '^kiosk-sync: error: status:' "$work/inherited.log" || fail "inherited JOURNAL_STREAM: $(cat "$work/inherited.log")"
ok "an inherited JOURNAL_STREAM naming another file is ignored"

: > "$work/quiet.log"
AUL_LOG_LEVEL=error sync_until_round "$work/quiet.log"
! grep -q ": info:" "$work/quiet.log" || fail "AUL_LOG_LEVEL=error let info through: $(cat "$work/quiet.log")"
: > "$work/option.log"
AUL_LOG_LEVEL=error sync_until_round "$work/option.log" --log-level info
grep -q ": info:" "$work/option.log" || fail "--log-level info did not win over AUL_LOG_LEVEL"
ok "AUL_LOG_LEVEL sets the level, --log-level wins over it"

printf '[sync]\ntimeout = 7s\n' > "$work/bad.conf"
status=0
"$bin/kiosk-sync" --data "$work/kiosk" --config "$work/bad.conf" --once >/dev/null 2>"$work/bad.log" || status=$?
[ "$status" -eq 2 ] && grep -q "line 2: bad value '7s' for sync.timeout" "$work/bad.log" \
  || fail "a bad [sync] timeout: exit $status, $(cat "$work/bad.log")"
status=0
"$bin/national-api" --data "$work/national" kiosks --json --log-level loud >/dev/null 2>"$work/bad.log" || status=$?
[ "$status" -eq 2 ] && grep -q "takes error, warn, info or debug" "$work/bad.log" \
  || fail "national-api --log-level loud: exit $status, $(cat "$work/bad.log")"
ok "a bad setting or level stops the program at start, named"

echo "$passed passed, 0 failed"
