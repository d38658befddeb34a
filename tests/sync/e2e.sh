#!/bin/bash
# Real processes over real TLS on loopback: national-api with a certificate chain made
# here, a kiosk enrolled with kioskctl, proposals filed while the server is down, then
# delivered exactly once by kiosk-sync, statuses flowing back, a wrong CA and a revoked
# kiosk refused.
#   e2e.sh BIN_DIR
name=e2e
bin="$1"
source "$(dirname "$0")/lib.sh"
# Every line any program can log (the server logs each request), so the privacy check
# below sees the most a log could ever hold.
export AUL_LOG_LEVEL=debug

kiosk="$work/kiosk"
mkdir -p "$kiosk" "$work/stranger"
out=$("$bin/kiosk-sync" --data "$kiosk" --once) && fail "a kiosk that is not enrolled synced"
echo "$out" | grep -q "not enrolled" || fail "not-enrolled message: $out"
check "an unenrolled kiosk says so"

start_server
code=$("$bin/national-api" --data "$work/server" enrollment-code | tail -n 1)
"$bin/kioskctl" --data "$work/stranger" enroll "$url" "$code" --ca "$work/certs/stranger.pem" 2>"$work/err" \
  && fail "enrolled through an untrusted CA"
grep -q "certificate" "$work/err" || fail "untrusted CA message: $(cat "$work/err")"
check "an untrusted CA is refused, nothing sent"

# Servers the kiosk must refuse although it pins the right CA: another host's certificate,
# an expired one, a self-signed one. Each is refused before a byte of the request is sent.
for bad in wronghost expired selfsigned; do
  bad_port=$((port + 1))
  "$bin/national-api" --data "$work/server" serve --listen "127.0.0.1:$bad_port" \
    --cert "$work/certs/$bad.pem" --key "$work/certs/$bad.key" 2>>"$work/server.log" &
  bad_pid=$!
  wait_for_port "$bad_port"
  spare=$("$bin/national-api" --data "$work/server" enrollment-code | tail -n 1)
  mkdir -p "$work/k-$bad"
  if "$bin/kioskctl" --data "$work/k-$bad" enroll "https://localhost:$bad_port" "$spare" --ca "$work/certs/ca.pem" \
       2>"$work/err"; then fail "enrolled with a $bad certificate"; fi
  grep -q "certificate" "$work/err" || fail "$bad message: $(cat "$work/err")"
  kill "$bad_pid"; wait "$bad_pid" 2>/dev/null || true
  check "a $bad server certificate is refused: $(cat "$work/err")"
done
# Nothing reached the server: the last code offered through a refused connection is unspent.
"$bin/kioskctl" --data "$work/k-selfsigned" enroll "https://localhost:$port" "$spare" --ca "$work/certs/ca.pem" >/dev/null \
  || fail "a code offered through a refused connection was spent"
check "the codes offered to refused servers were never spent"
"$bin/kioskctl" --data "$kiosk" enroll "$url" "$code" --ca "$work/certs/ca.pem"
[ "$(stat -c %a "$kiosk/private/device-token")" = 600 ] || fail "the device token is readable by others"
[ "$(stat -c %a "$kiosk/private")" = 700 ] || fail "the private folder is open to others: $(stat -c %a "$kiosk/private")"
[ "$(stat -c %a "$kiosk/kiosk.db")" = 660 ] || fail "kiosk.db is not its group's: $(stat -c %a "$kiosk/kiosk.db")"
check "enrolled; token file 0600 in private/ (0700); kiosk.db 0660, shared with its group"
stop_server

"$bin/file_proposals" --data "$kiosk" --count 200 > "$work/codes"
out=$("$bin/kiosk-sync" --data "$kiosk" --once) && fail "synced with the server down"
echo "$out" | grep -q '"outbox":200' || fail "outbox while down: $out"
check "server down: 200 kept in the outbox ($out)"

start_server
out=$("$bin/kiosk-sync" --data "$kiosk" --once) || fail "sync: $out"
echo "$out" | grep -q '"delivered":200' || fail "first round: $out"
echo "$out" | grep -q '"outbox":0' || fail "outbox after: $out"
out=$("$bin/kiosk-sync" --data "$kiosk" --once) || fail "second round: $out"
echo "$out" | grep -q '"pushed":0' || fail "second round pushed again: $out"
n=$("$bin/national-api" --data "$work/server" proposals --json | grep -c .)
[ "$n" = 200 ] || fail "the server holds $n proposals, not 200"
check "200 delivered exactly once"
st=$("$bin/kioskctl" --data "$kiosk" status --json)
for want in '"enrolled":true' '"outbox":0' '"quarantined":0' '"can_seal_contacts":true'; do
  grep -q "$want" <<< "$st" || fail "status lacks $want: $st"
done
check "kioskctl status --json: $st"
doc=$("$bin/kioskctl" --data "$kiosk" doctor) || fail "doctor on a healthy kiosk: $doc"
for want in "^ok   database" "^ok   disk" "^ok   server reachable" "^ok   tls" "^ok   clock" "^ok   token"; do
  grep -q "$want" <<< "$doc" || fail "doctor lacks '$want': $doc"
done
check "kioskctl doctor passes every check on a healthy kiosk"
# A damaged copy of the database: doctor says so (and the damaged file is kept aside).
cp -r "$kiosk" "$work/broken"
rm -f "$work/broken/.kiosk-sync.lock"
dd if=/dev/urandom of="$work/broken/kiosk.db" bs=4096 seek=1 count=8 conv=notrunc status=none
doc=$("$bin/kioskctl" --data "$work/broken" doctor) && fail "doctor passed a damaged database: $doc"
grep -q "^FAIL database.*kept at" <<< "$doc" || fail "doctor on a damaged database: $doc"
check "kioskctl doctor names a damaged database: $(grep '^FAIL database' <<< "$doc")"
"$bin/national-api" --data "$work/server" kiosks --json | grep -q '"outbox":0' || fail "no heartbeat reached the server"
check "the kiosk's heartbeat reached the operators' overview"

named=$("$bin/file_proposals" --data "$kiosk" --count 1 --named)
out=$("$bin/kiosk-sync" --data "$kiosk" --once 2>>"$work/kiosk-sync.log") || fail "named proposal: $out"
"$bin/national-api" --data "$work/server" proposals --json | grep -q "Айгүл" && fail "a listing shows contact details"
"$bin/national-api" --data "$work/server" open-contact "$named" | grep -q "Айгүл Сәрсенова" \
  || fail "the operator cannot open the sealed contact details"
grep -q "POST /v1/submissions 200" "$work/server.log" || fail "the server logged no requests at debug level"
if grep -e "Айгүл" -e "Сәрсенова" -e "7011234567" "$work/server.log" "$work/kiosk-sync.log"; then
  fail "contact details in a log"
fi
check "contact details travel sealed; only the server's key opens them; no log holds them"
"$bin/file_proposals" --data "$kiosk" --count 2 --signups >/dev/null
out=$("$bin/kiosk-sync" --data "$kiosk" --once) || fail "sign-ups: $out"
[ "$("$bin/national-api" --data "$work/server" signups)" = 2 ] || fail "the sign-ups did not arrive: $out"
check "volunteer sign-ups travel with the proposals ($out)"

first=$(head -n 1 "$work/codes")
"$bin/national-api" --data "$work/server" set-status "$first" in_review --answer "Қаралуда" >/dev/null
out=$("$bin/kiosk-sync" --data "$kiosk" --once) || fail "status pull: $out"
listing=$("$bin/kioskctl" --data "$kiosk" proposals)
grep -q "^$first.*in_review" <<< "$listing" || fail "status did not come back: $out"
check "a status change came back ($out)"

# The catalogue: 20 000 NGOs published and pulled in pages, kiosk-sync killed mid-pull,
# then a delta of 10 changes and 5 removals; search sees the result.
"$bin/gen_catalog" --count 20000 --seed 3 --out "$work/catalog.json"
"$bin/national-api" --data "$work/server" publish-catalog "$work/catalog.json" >/dev/null
# A catalogue loaded on the kiosk from a file (as from USB, or the demo seed) stands in
# until the national one arrives; the final count below shows it was replaced, not mixed.
"$bin/gen_catalog" --count 50 --seed 9 --out "$work/local.json"
sed 's/"ngo-/"local-/g' "$work/local.json" > "$work/local-renamed.json"
"$bin/kioskctl" --data "$kiosk" import-catalog "$work/local-renamed.json" >/dev/null
# SIGTERM mid-pull (what systemctl stop sends): the page in hand is applied, then it exits
# cleanly and quickly, the catalogue at a page boundary.
"$bin/kiosk-sync" --data "$kiosk" 2>>"$work/sync.log" &
pid=$!
sleep 1.5
t0=$(date +%s%N)
kill -TERM "$pid"
rc=0; wait "$pid" || rc=$?
stop_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
[ "$rc" = 0 ] || fail "kiosk-sync exited with $rc on SIGTERM"
[ "$stop_ms" -lt 5000 ] || fail "kiosk-sync took $stop_ms ms to stop"
termed=$("$bin/kioskctl" --data "$kiosk" catalog | sed -n 's/^organisations\t//p')
[ "$termed" -lt 20000 ] || fail "the pull had finished before SIGTERM: the test proves nothing"
grep -q "stopping:.*stopped on request" "$work/sync.log" || fail "kiosk-sync did not stop mid-round: $(tail -n 2 "$work/sync.log")"
check "SIGTERM mid-pull: exit 0 in $stop_ms ms with $termed NGOs applied, the round ended between pages"
pull_kills=0
for _ in $(seq 4); do
  "$bin/kiosk-sync" --data "$kiosk" --once >/dev/null 2>&1 &
  pid=$!
  sleep "1.$(( RANDOM % 10 ))"
  kill -9 "$pid" 2>/dev/null && pull_kills=$((pull_kills + 1))
  wait "$pid" 2>/dev/null || true
done
before=$("$bin/kioskctl" --data "$kiosk" catalog | sed -n 's/^organisations\t//p')
out=$("$bin/kiosk-sync" --data "$kiosk" --once) || fail "catalogue pull: $out"
"$bin/kioskctl" --data "$kiosk" catalog | grep -q $'^organisations\t20000$' || fail "after the pull: $("$bin/kioskctl" --data "$kiosk" catalog)"
changes=$(sed -n 's/.*"catalog_changes":\([0-9]*\).*/\1/p' <<< "$out")
[ "$before" -gt 0 ] && [ "$changes" -lt 20165 ] || fail "the pull did not resume: $before applied before, $changes in the last round"
check "20 000 NGOs in pages, replacing the 50 loaded locally; kiosk-sync killed $pull_kills times mid-pull with $before applied; the last round resumed with $changes ($out)"
sed -E -e '/"id":"ngo-0100(0[1-9]|10)"/ s/"ru":"/"ru":"Обновлено · /' -e '/"id":"ngo-01999[0-4]"/d' \
  "$work/catalog.json" > "$work/catalog2.json"
published=$("$bin/national-api" --data "$work/server" publish-catalog "$work/catalog2.json")
grep -q "10 new or changed, 5 removed" <<< "$published" || fail "the delta: $published"
out=$("$bin/kiosk-sync" --data "$kiosk" --once) || fail "delta pull: $out"
grep -q '"catalog_changes":15' <<< "$out" || fail "the delta on the wire: $out"
"$bin/kioskctl" --data "$kiosk" catalog | grep -q $'^organisations\t19995$' || fail "after the delta"
found=$("$bin/kioskctl" --data "$kiosk" search "обновлено")
[ "$(head -n 1 <<< "$found")" = 10 ] || fail "search after the delta finds: $found"
check "a delta of 10 changes and 5 removals arrived as 15 items; search sees it ($out)"

# The daemon: a new proposal reaches the reachable server within 5 seconds.
"$bin/kiosk-sync" --data "$kiosk" 2>/dev/null &
daemon=$!
sleep 1
before=$("$bin/national-api" --data "$work/server" proposals --json | grep -c .)
"$bin/file_proposals" --data "$kiosk" --count 1 >/dev/null
t0=$(date +%s%3N)
while [ "$("$bin/national-api" --data "$work/server" proposals --json | grep -c .)" = "$before" ]; do
  [ $(( $(date +%s%3N) - t0 )) -lt 5000 ] || fail "a new proposal did not reach the server within 5 s"
  sleep 0.1
done
check "the running daemon delivered a new proposal in $(( $(date +%s%3N) - t0 )) ms"
second=$("$bin/kiosk-sync" --data "$kiosk" --once 2>&1) && fail "a second kiosk-sync ran beside the first"
grep -q "already running" <<< "$second" || fail "second instance: $second"
check "a second kiosk-sync on the same folder refuses: $second"
kill "$daemon"; wait "$daemon" 2>/dev/null || true

"$bin/national-api" --data "$work/server" revoke "$(cut -c1-4 <<< "$first")" >/dev/null
"$bin/file_proposals" --data "$kiosk" --count 1 >/dev/null
out=$("$bin/kiosk-sync" --data "$kiosk" --once) && fail "a revoked kiosk synced"
echo "$out" | grep -q "refuses this kiosk" || fail "revoked message: $out"
echo "$out" | grep -q '"outbox":1' || fail "revoked kiosk lost its outbox: $out"
check "a revoked kiosk stops and keeps its outbox"
doc=$("$bin/kioskctl" --data "$kiosk" doctor) && fail "doctor passed a revoked kiosk"
grep -q "^FAIL token.*revoked" <<< "$doc" || fail "doctor on a revoked kiosk: $doc"
stop_server
doc=$("$bin/kioskctl" --data "$kiosk" doctor) && fail "doctor passed with the server down"
grep -q "^FAIL server reachable" <<< "$doc" || fail "doctor with the server down: $doc"
check "kioskctl doctor names a revoked token and an unreachable server"
echo "1 passed, 0 failed"
