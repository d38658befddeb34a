#!/bin/bash
# Tracking from any kiosk, as residents do it: proposals filed at kiosk A and delivered,
# one answered by the operators, are followed on kiosk B's Track screen, through B's
# kiosk-sync and a real national server over TLS on loopback, in each language; a code
# still on its way and one never issued read differently; with the server down the screen
# says so plainly and "Try again" works once it is back; guessing codes runs into the
# server's limit, which the screen explains.
#   track_anywhere.sh BIN_DIR SOURCE_DIR
name=track_anywhere
bin="$(cd "$1" && pwd)"; src="$(cd "$2" && pwd)"
source "$src/tests/sync/lib.sh"
shots="$bin/../ui-shots/track_anywhere"
mkdir -p "$shots"
conf="$src/assets/config/demo.conf"
sync_pid=""
trap '[ -n "$sync_pid" ] && kill "$sync_pid" 2>/dev/null; cleanup' EXIT
api() { "$bin/national-api" --data "$work/server" "$@"; }

# kiosk_b_script NAME LANG STEPS...: writes a script that opens Track on kiosk B in LANG,
# then runs it; prints the exit status.
kiosk_b_script() {
  local script="$work/$1.script" lang=$2 rc=0; shift 2
  { echo "lang $lang"; echo "tap id:home.track"; printf '%s\n' "$@"; } > "$script"
  xvfb-run -a -s "-screen 0 1280x800x24" "$bin/kiosk" --data "$b" --config "$conf" --size 1280x800 \
    --script "$script" --shots "$shots" >>"$work/kiosk.log" 2>&1 || rc=$?
  echo "$rc"
}
lower() { tr 'A-Z' 'a-z' <<< "$1"; }
words() { sed -n "s/^  \"$2\": \"\(.*\)\",\{0,1\}$/\1/p" "$src/assets/i18n/$1.json"; }

start_server
a="$work/a"; b="$work/b"
mkdir -p "$a" "$b"
"$bin/kioskctl" --data "$a" set-kiosk-code KZ24 >/dev/null
"$bin/kioskctl" --data "$b" set-kiosk-code KZ25 >/dev/null
enrol "$a"; enrol "$b"
mapfile -t codes < <("$bin/file_proposals" --data "$a" --count 2)
out=$("$bin/kiosk-sync" --data "$a" --once) || fail "kiosk A's sync: $out"
grep -q '"delivered":2' <<< "$out" || fail "kiosk A's sync: $out"
answer="Жөндеу мамырда басталады."
api set-status "${codes[0]}" accepted --answer "$answer" >/dev/null
# A third filed at A while it is offline: its heartbeat says it issued it, the proposal
# itself has not arrived.
on_its_way=$("$bin/file_proposals" --data "$a" --count 1)
curl -sf --cacert "$work/certs/ca.pem" -H "Authorization: Bearer $(cat "$a/private/device-token")" \
  -d '{"version":"test","uptime_s":1,"outbox":1,"quarantined":0,"last_push_ok_ms":0,"last_pull_ok_ms":0,"disk_free_mb":100,"highest_sequence":3}' \
  "$url/v1/heartbeat" >/dev/null || fail "kiosk A's heartbeat"
check "kiosk A filed ${codes[*]} (delivered, the first answered) and $on_its_way (not sent)"
grep -q '"tracking_codes":"keyed"' <<< "$("$bin/kioskctl" --data "$a" status --json)" || fail "A's codes are not keyed"

# A kiosk enrolled before keyed codes (no key in its database) files plain codes until its
# next status pull brings the key; then keyed ones, and its plain ones still count.
c="$work/c"
mkdir -p "$c"
"$bin/kioskctl" --data "$c" set-kiosk-code KZ26 >/dev/null
enrol "$c"
sqlite3 "$c/kiosk.db" "DELETE FROM meta WHERE key = 'tracking_key'"
grep -q '"tracking_codes":"plain"' <<< "$("$bin/kioskctl" --data "$c" status --json)" || fail "C still has its key"
plain=$("$bin/file_proposals" --data "$c" --count 1)
[ "${plain:4:1}" = 2 ] || fail "C without its key filed $plain, not a plain code"
out=$("$bin/kiosk-sync" --data "$c" --once) || fail "C's sync: $out"
grep -q '"tracking_codes":"keyed"' <<< "$("$bin/kioskctl" --data "$c" status --json)" || fail "C did not fetch its key"
keyed=$("$bin/file_proposals" --data "$c" --count 1)
[ "${keyed:4:1}" != 2 ] || fail "C with its key filed $keyed, a plain code"
check "a kiosk enrolled before keyed codes filed plain $plain, fetched its key at the next sync, then filed keyed $keyed"

"$bin/kiosk-sync" --data "$b" 2>>"$work/sync.log" &
sync_pid=$!

started=$(date +%s%N)
rc=$(kiosk_b_script found_kk kk "type \"$(lower "${codes[0]}")\"" "tap id:track.search" \
  "expect \"$(words kk track.elsewhere)\"" "expect \"$(words kk state.accepted)\"" "expect \"$answer\"" \
  "expect-not \"Жол\"" "shot track_found_kk")
[ "$rc" = 0 ] || fail "found_kk script: $(tail -n 5 "$work/kiosk.log")"
check "kiosk B shows A's ${codes[0]}: accepted with the operators' answer, no text of the proposal (kk, $(( ($(date +%s%N) - started) / 1000000 )) ms for the whole session)"

rc=$(kiosk_b_script on_its_way_en en "type \"$(lower "$on_its_way")\"" "tap id:track.search" \
  "expect \"$(words en track.not_arrived)\"" "shot track_on_its_way_en")
[ "$rc" = 0 ] || fail "on_its_way_en script: $(tail -n 5 "$work/kiosk.log")"
rc=$(kiosk_b_script delivered_en en "type \"$(lower "${codes[1]}")\"" "tap id:track.search" \
  "expect \"$(words en state.delivered)\"")
[ "$rc" = 0 ] || fail "delivered_en script: $(tail -n 5 "$work/kiosk.log")"
check "a code filed at A but not sent reads \"$(words en track.not_arrived)\"; A's delivered ${codes[1]} reads delivered (en)"

# A valid code (its check character right) that kiosk A never issued.
body="${codes[0]:0:9}$([ "${codes[0]:9:1}" = Z ] && echo Y || echo Z)"
never="$body$(check_char "$body")"
rc=$(kiosk_b_script unknown_ru ru "type \"$(lower "$never")\"" "tap id:track.search" \
  "expect \"$(words ru track.unknown)\"" "shot track_unknown_ru")
[ "$rc" = 0 ] || fail "unknown_ru script: $(tail -n 5 "$work/kiosk.log")"
check "$never, never issued, reads \"$(words ru track.unknown)\" (ru)"

# Offline: the server stops; the screen says so and offers to try again, which works once
# the server is back (started here as soon as the screen has said it).
stop_server
script="$work/retry_ru.script"
{ echo "lang ru"; echo "tap id:home.track"; echo "type \"$(lower "${codes[0]}")\""; echo "tap id:track.search"
  echo "expect \"$(words ru track.offline)\""; echo "shot track_offline_ru"; echo "wait 4000"
  echo "tap id:track.retry"; echo "expect \"$(words ru state.accepted)\""; echo "expect \"$answer\""
  echo "shot track_retried_ru"; } > "$script"
xvfb-run -a -s "-screen 0 1280x800x24" "$bin/kiosk" --data "$b" --config "$conf" --size 1280x800 \
  --script "$script" --shots "$shots" >>"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
for _ in $(seq 300); do [ -f "$shots/track_offline_ru.png" ] && [ "$(find "$shots/track_offline_ru.png" -newer "$script")" ] && break; sleep 0.1; done
[ "$(find "$shots/track_offline_ru.png" -newer "$script" 2>/dev/null)" ] || { kill "$kiosk_pid"; fail "the offline message never showed: $(tail -n 5 "$work/kiosk.log")"; }
start_server
rc=0; wait "$kiosk_pid" || rc=$?
[ "$rc" = 0 ] || fail "retry_ru script: $(tail -n 5 "$work/kiosk.log")"
check "server down: \"$(words ru track.offline)\"; \"$(words ru track.retry)\" once it is back shows the answer (ru)"

# Guessing: valid-looking codes of kiosk A, one after another, until the server refuses.
guesses=0; limited=""
while [ $guesses -lt 40 ]; do
  guesses=$((guesses + 1))
  body="KZ24$(printf '%06d' $((RANDOM * 7 % 999999)) | tr 0-9 3-9A-C)"
  guess="$body$(check_char "$body")"
  headers=$(curl -s -o /dev/null -D - --cacert "$work/certs/ca.pem" \
    -H "Authorization: Bearer $(cat "$b/private/device-token")" "$url/v1/track?code=$guess")
  if grep -q "^HTTP/[0-9.]* 429" <<< "$headers"; then limited=$headers; break; fi
done
[ -n "$limited" ] || fail "40 guesses were all answered"
grep -qi "^retry-after: [0-9]" <<< "$limited" || fail "the refusal says nothing of when to come back: $limited"
rc=$(kiosk_b_script limited_en en "type \"$(lower "${codes[0]}")\"" "tap id:track.search" \
  "expect \"$(words en track.limited)\"" "shot track_limited_en")
[ "$rc" = 0 ] || fail "limited_en script: $(tail -n 5 "$work/kiosk.log")"
check "guessing was refused after $guesses requests (HTTP 429 with Retry-After); the screen says \"$(words en track.limited)\""
grep -q "$answer" "$work/kiosk.log" "$work/sync.log" && fail "the answer text reached a log"
echo "$name: all passed"
