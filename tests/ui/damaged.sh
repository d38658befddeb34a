#!/bin/bash
# A database damaged on the card while the kiosk serves. Start-up reads too little of the
# file to notice (the first screen does not wait for a whole-file check); the background
# check after the first frame finds it: the log says so, `kioskctl status` and the staff
# panel show it; a resident whose proposal cannot be written reads why on screen with the
# text kept; the next start sets the file aside, starts a fresh one, and its tracking
# codes continue above the damaged file's.
#   damaged.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin="$(cd "$1" && pwd)"; src="$(cd "$2" && pwd)"
work=$(mktemp -d /tmp/aul-damaged-XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "damaged: FAILED: $*" >&2; exit 1; }
check() { echo "damaged: ok: $*"; }

d="$work/kiosk"
mkdir -p "$d"
"$bin/kioskctl" --data "$d" set-kiosk-code KZ24 >/dev/null
"$bin/file_proposals" --data "$d" --count 2 > "$work/codes"
echo 482615 | "$bin/kioskctl" --data "$d" set-pin >/dev/null
# Filing writes a proposal's history through this index: its page is scribbled over.
"$bin/damage_db" "$d/kiosk.db" --table proposal_history_by_proposal

cat > "$work/serve.script" <<'SCRIPT'
lang en
hold at 6 6 3300
tap id:staff.pin.4
tap id:staff.pin.8
tap id:staff.pin.2
tap id:staff.pin.6
tap id:staff.pin.1
tap id:staff.pin.5
tap id:staff.pin.ok
expect "The database is damaged. Restart the kiosk"
shot panel_damaged_en
tap id:nav.back
tap id:home.propose
tap id:propose.category.water
tap id:propose.next
tap id:propose.next
tap id:propose.title
type "Water"
tap id:keyboard.done
type "The well is dry"
tap id:propose.next
tap id:propose.next
tap id:propose.submit
expect "The proposal could not be saved"
shot save_failed_en
SCRIPT
run() { xvfb-run -a -s "-screen 0 1280x800x24" "$bin/kiosk" --data "$d" --config "$src/assets/config/demo.conf" --size 1280x800 "$@"; }
run --script "$work/serve.script" --shots "$work/shots" 2> "$work/serve.log" > /dev/null ||
  { tail -n 20 "$work/serve.log" >&2; fail "the kiosk did not serve on the damaged file"; }
grep -q "first frame after" "$work/serve.log" || fail "no first frame logged"
grep -q "error: database integrity check: .*sets the damaged file aside.*at its next start" "$work/serve.log" ||
  fail "the background check's finding is not in the log: $(grep -i integrity "$work/serve.log")"
grep -q "error: a proposal could not be saved" "$work/serve.log" || fail "the failed filing is not in the log"
ls "$d" | grep -q "damaged-" && fail "the file was set aside while the kiosk ran"
check "served on the damaged file: the first frame came first, the check found it after ($(grep -o 'first frame after [0-9]* ms' "$work/serve.log"))"
check "the resident read why the proposal was not saved; the panel said to restart"

status=$("$bin/kioskctl" --data "$d" status --json)
grep -q '"damage_found":true' <<< "$status" || fail "status does not say the file is damaged: $status"
grep -q '"integrity_verdict":"ok"' <<< "$status" && fail "status calls the damaged file sound"
"$bin/kioskctl" --data "$d" status | grep -q "Restart the kiosk" || fail "status does not say what to do"
check "kioskctl status: damage_found, and what to do"

run --screenshot "$work/after.png" 2> "$work/next.log" || { tail -n 20 "$work/next.log" >&2; fail "the next start failed"; }
grep -q "error: the database was damaged (the integrity check found the database damaged" "$work/next.log" ||
  fail "the next start did not set the file aside: $(grep -i damag "$work/next.log")"
aside=$(ls "$d" | grep -c "^kiosk.db.damaged-[0-9TZ]*$" || true)
[ "$aside" = 1 ] || fail "expected the damaged file kept aside once, found: $(ls "$d")"
[ -e "$d/kiosk.db.check-failed" ] && fail "the damage mark outlived the set-aside"
status=$("$bin/kioskctl" --data "$d" status --json)
grep -q '"damage_found":false' <<< "$status" || fail "the fresh file is still called damaged: $status"
last=$(tail -n 1 "$work/codes")
"$bin/kioskctl" --data "$d" set-kiosk-code KZ24 >/dev/null
code=$("$bin/file_proposals" --data "$d" --count 1)
[ "$code" \> "$last" ] || fail "tracking codes did not continue: $code after $last"
check "the next start set it aside as $(ls "$d" | grep damaged-); a fresh file files $code after $last"
echo "1 passed, 0 failed"
