#!/bin/bash
# The staff panel on a real X server, with a real national server over TLS on loopback
# and kiosk-sync running beside the kiosk: the corner hold, the PIN pad and its lockout
# (kept across a restart), then every panel action.
#   staff.sh BIN_DIR SOURCE_DIR
name=staff
bin="$(cd "$1" && pwd)"; src="$(cd "$2" && pwd)"
source "$src/tests/sync/lib.sh"
scripts="$src/tests/ui/staff"
shots="$bin/../ui-shots/staff"
mkdir -p "$shots"
kiosk="$work/kiosk"
conf="$src/assets/config/demo.conf"
sync_pid=""
trap '[ -n "$sync_pid" ] && kill "$sync_pid" 2>/dev/null; cleanup' EXIT

# kiosk_script NAME [PREFIX...]: runs tests/ui/staff/NAME.script, prints the exit status.
kiosk_script() {
  local script="$1"; shift
  local rc=0
  "$@" xvfb-run -a -s "-screen 0 1280x800x24" "$bin/kiosk" --data "$kiosk" --config "$conf" --size 1280x800 \
    --script "$scripts/$script.script" --shots "$shots" >>"$work/kiosk.log" 2>&1 || rc=$?
  echo "$rc"
}

start_server
mkdir -p "$kiosk"
"$bin/kioskctl" --data "$kiosk" set-kiosk-code KZ24 >/dev/null  # as demo.conf says; enrolment keeps it
enrol "$kiosk"
echo 482615 | "$bin/kioskctl" --data "$kiosk" set-pin >/dev/null
"$bin/kiosk-sync" --data "$kiosk" 2>>"$work/sync.log" &
sync_pid=$!

rc=$(kiosk_script lockout)
[ "$rc" = 0 ] || fail "lockout script: $(tail -n 3 "$work/kiosk.log")"
check "five wrong PINs lock the pad for 30 s; the right PIN is refused while locked"
rc=$(kiosk_script still_locked)
[ "$rc" = 0 ] || fail "still_locked script: $(tail -n 3 "$work/kiosk.log")"
check "the lockout survives a restart of the kiosk"
echo 482615 | "$bin/kioskctl" --data "$kiosk" set-pin >/dev/null  # the panel script below needs it cleared

"$bin/file_proposals" --data "$kiosk" --count 2 >/dev/null
rc=$(kiosk_script panel)
[ "$rc" = 75 ] || fail "panel script ended with $rc, not the restart code 75: $(tail -n 3 "$work/kiosk.log")"
check "kioskctl set-pin cleared the lockout: the right PIN opened the panel at once"
check "sync now, self-test, voice test, volume, place, PIN change, leave, and restart (exit 75) from the panel"
volume=$(sqlite3 "$kiosk/kiosk.db" "SELECT value FROM meta WHERE key = 'speech_volume'")
[ "$volume" = 70 ] || fail "the volume staff set is not kept: '$volume'"
check "the volume set on the panel is kept in the kiosk's database: 70%"
status=$("$bin/kioskctl" --data "$kiosk" status --json)
grep -q '"settlement":"Besagash"' <<< "$status" || fail "the new place is not saved: $status"
grep -q '"district":"KZ-19-01"' <<< "$status" || fail "the new district is not saved: $status"
grep -q '"integrity_verdict":"ok"' <<< "$status" || fail "the self-test's integrity check is not remembered: $status"
check "kioskctl status shows the new place and the self-test's integrity check"
"$bin/file_proposals" --data "$kiosk" --count 1 >/dev/null
out=$("$bin/kioskctl" --data "$kiosk" sync-now) || fail "sync-now with kiosk-sync running: $out"
grep -q "kiosk-sync ran a round: ok; outbox 0" <<< "$out" || fail "sync-now with kiosk-sync running: $out"
check "kioskctl sync-now beside the running kiosk-sync asks it and reports: $out"
# USB: with no stick the panel says so; with one (a real tmpfs mounted in a private mount
# namespace, as a stick appears under /media) it writes there the bundle kiosk-sync signed.
stop_server
"$bin/file_proposals" --data "$kiosk" --count 3 --named >/dev/null
usb_conf="$work/usb.conf"
{ cat "$conf"; printf '\n[staff]\nusb_roots = %s\n' "$work/usb"; } > "$usb_conf"
conf="$usb_conf"
mkdir -p "$work/usb/STICK" "$work/carried"
rc=$(kiosk_script export_none)
[ "$rc" = 0 ] || fail "export_none script: $(tail -n 3 "$work/kiosk.log")"
check "no stick: the panel says so"
unshare -rm true 2>/dev/null || fail "a USB stick cannot be simulated: unshare -rm (user namespaces) is not allowed here"
rc=$(kiosk_script export unshare -rm sh -c \
  'stick=$0 carried=$1; shift; mount -t tmpfs stick "$stick" && "$@"; rc=$?; cp "$stick"/*.bundle "$carried"; exit $rc' \
  "$work/usb/STICK" "$work/carried")
[ "$rc" = 0 ] || fail "export script: $(tail -n 3 "$work/kiosk.log")"
ls "$work/usb/STICK" | grep -q . && fail "the bundle was written outside the stick"
bundle=$(ls "$work/carried"/aul-KZ24-*.bundle 2>/dev/null | head -n 1)
[ -n "$bundle" ] || fail "no bundle on the stick"
[ -z "$(ls -A "$kiosk/outgoing")" ] || fail "kiosk-sync's staged bundle was left behind: $(ls -A "$kiosk/outgoing")"
grep -q "usb export for the staff: signed 3 proposals" "$work/sync.log" || fail "kiosk-sync did not sign: $(tail -n 3 "$work/sync.log")"
check "the panel wrote $(basename "$bundle") onto the stick, signed by kiosk-sync (the kiosk reads no key)"
before=$(server_count)
"$bin/national-api" --data "$work/server" import-bundle "$bundle" > "$work/import" || fail "import-bundle: $(cat "$work/import")"
after=$(server_count)
[ $((after - before)) = 3 ] || fail "the office stored $((after - before)) of 3 carried proposals: $(cat "$work/import")"
start_server
# The line is back: staff press Sync now (kiosk-sync would otherwise try within its backoff).
"$bin/kioskctl" --data "$kiosk" sync-now >/dev/null || true
for _ in $(seq 60); do
  grep -q '"outbox":0' <<< "$("$bin/kioskctl" --data "$kiosk" status --json)" && break
  sleep 0.5
done
grep -q '"outbox":0' <<< "$("$bin/kioskctl" --data "$kiosk" status --json)" || fail "kiosk-sync did not empty the outbox"
[ "$(server_count)" = "$after" ] || fail "the online sync after the import made duplicates: $(server_count) != $after"
check "import-bundle stored the 3 carried proposals; the later online sync added no duplicates"
grep -q "482615\|7391" "$work/kiosk.log" "$work/sync.log" && fail "a PIN reached a log"
grep -q "staff\.pin\." "$work/kiosk.log" && fail "PIN keys reached the log"
check "no PIN in the log"
echo "1 passed, 0 failed"
