#!/bin/bash
# kiosk-sync against a hostile or broken national server (tests/sync/hostile_peer, a TLS
# front before a real national-api): for each misbehaviour, what kiosk-sync does, that
# the catalogue in use is kept, and that a proposal filed meanwhile reaches the good
# server within seconds, exactly once.
#   hostile.sh BIN_DIR
name=hostile
bin="$1"
source "$(dirname "$0")/lib.sh"

kiosk="$work/kiosk"
control="$work/orders"
echo pass > "$control"
start_server
front=$(( port + 1 ))
"$bin/hostile_peer" --listen "$front" --upstream "$port" --cert "$work/certs/server.pem" \
  --key "$work/certs/server.key" --control "$control" > "$work/requests" 2>>"$work/front.log" &
front_pid=$!
sync_pid=""
trap '[ -n "$sync_pid" ] && kill "$sync_pid" 2>/dev/null; kill "$front_pid" 2>/dev/null; cleanup' EXIT
wait_for_port "$front"
url="https://localhost:$front"  # the kiosk knows the national server only through the front
enrol "$kiosk"
"$bin/gen_catalog" --count 300 --seed 5 --out "$work/catalog.json"
"$bin/national-api" --data "$work/server" publish-catalog "$work/catalog.json" >/dev/null
"$bin/kiosk-sync" --data "$kiosk" --once >/dev/null || fail "the first sync through the front"
organisations() { "$bin/kioskctl" --data "$kiosk" catalog | sed -n 's/^organisations\t//p'; }
[ "$(organisations)" = 300 ] || fail "the catalogue did not arrive through the front"
# A change waiting on the server, so every catalogue request below has something to bring.
sed '/"id":"ngo-000001"/ s/"ru":"/"ru":"Изменено · /' "$work/catalog.json" > "$work/catalog2.json"
"$bin/national-api" --data "$work/server" publish-catalog "$work/catalog2.json" >/dev/null

echo "stuck-cursor /v1/catalog" > "$control"  # the change stays waiting through every fault below
"$bin/kiosk-sync" --data "$kiosk" --log-level debug 2>>"$work/sync.log" &
sync_pid=$!
# Until kiosk-sync holds its lock, kioskctl sync-now would run a round itself and hold the
# lock, and kiosk-sync, starting late on a busy machine, would refuse to run. It says it is
# starting once it holds the lock. (Probing the lock with flock would itself hold it for an
# instant, and a kiosk-sync starting in that instant refused to run.)
for _ in $(seq 100); do
  grep -q "starting with data in" "$work/sync.log" 2>/dev/null && break
  kill -0 "$sync_pid" 2>/dev/null || fail "kiosk-sync did not start: $(tail -n 5 "$work/sync.log")"
  sleep 0.1
done
requests_to() { grep -c "^GET $1\|^POST $1" "$work/requests" || true; }
# wait_delivered N SECONDS: the server holds N proposals within SECONDS; prints the time taken.
wait_delivered() {
  local start; start=$(date +%s%N)
  for _ in $(seq $(( $2 * 4 ))); do
    [ "$(server_count)" = "$1" ] && { echo $(( ($(date +%s%N) - start) / 1000000 )); return 0; }
    sleep 0.25
  done
  fail "the server holds $(server_count) proposals, not $1, after $2 s: $(tail -n 5 "$work/sync.log")"
}
expected=0
file_one() { "$bin/file_proposals" --data "$kiosk" --count 1 >/dev/null; expected=$((expected + 1)); }

# Catalogue faults: the catalogue in use is kept, the fault is logged once, and a proposal
# filed meanwhile leaves within 10 s.
catalogue_fault() {  # mode, words kiosk-sync logs
  echo "$1 /v1/catalog" > "$control"
  : > "$work/requests"
  local from; from=$(wc -l < "$work/sync.log")
  "$bin/kioskctl" --data "$kiosk" sync-now >/dev/null 2>&1 || true  # the catalogue is asked for now
  file_one
  took=$(wait_delivered "$expected" 10)
  sleep 3
  local asked; asked=$(requests_to /v1/catalog)
  [ "$asked" -le 3 ] || fail "$1: $asked catalogue requests in a few seconds: kiosk-sync loops"
  [ "$(organisations)" = 300 ] || fail "$1: the catalogue in use was not kept ($(organisations))"
  tail -n +"$((from + 1))" "$work/sync.log" > "$work/mode.log"
  grep -q "catalogue: .*$2" "$work/mode.log" || fail "$1: kiosk-sync did not say '$2': $(grep catalogue "$work/mode.log" | tail -n 2)"
  local warned; warned=$(grep -c "warn: catalogue:" "$work/mode.log" || true)
  [ "$warned" -le 1 ] || fail "$1: logged $warned times as a warning: $(grep "warn: catalogue:" "$work/mode.log")"
  check "$1: catalogue kept, '$2' logged once, $asked catalogue requests; a proposal filed meanwhile delivered in $took ms"
}
catalogue_fault stuck-cursor "did not move past version"
catalogue_fault oversize-page "larger than 8 MiB"
catalogue_fault deep-json "nests deeper than"
catalogue_fault html "the body is not JSON"
catalogue_fault truncate "reply was cut off"

# Faults on the way in: nothing is marked sent while the server misbehaves; once it is
# back, the proposal arrives within seconds, exactly once (a cut reply whose items the
# server did store is answered "duplicate" on the retry).
push_fault() {  # mode
  echo "$1 /v1/submissions" > "$control"
  : > "$work/requests"
  local before; before=$(server_count)
  file_one
  for _ in $(seq 40); do [ "$(requests_to /v1/submissions)" -ge 1 ] && break; sleep 0.25; done
  [ "$(requests_to /v1/submissions)" -ge 1 ] || fail "$1: kiosk-sync never tried to send"
  sleep 1
  grep -q '"outbox":0' <<< "$("$bin/kioskctl" --data "$kiosk" status --json)" && fail "$1: marked sent while the server misbehaved"
  echo pass > "$control"
  took=$(wait_delivered "$expected" 30)
  for _ in $(seq 40); do grep -q '"outbox":0' <<< "$("$bin/kioskctl" --data "$kiosk" status --json)" && break; sleep 0.25; done
  grep -q '"outbox":0' <<< "$("$bin/kioskctl" --data "$kiosk" status --json)" || fail "$1: the outbox did not empty"
  [ "$(server_count)" = "$expected" ] || fail "$1: the server holds $(server_count), not $expected"
  check "$1 on submissions: kept queued ($before stored before); once the server was good again delivered in $took ms, exactly once"
}
push_fault html
push_fault truncate

# One absurd Retry-After on every path: honoured for at most an hour, never longer; a
# proposal filed once the server is good again leaves at once.
echo "retry-after *" > "$control"
"$bin/kioskctl" --data "$kiosk" sync-now >/dev/null 2>&1 || true
next=$("$bin/kioskctl" --data "$kiosk" status --json | sed -n 's/.*"next_round_ms":\([0-9]*\).*/\1/p')
now=$(( $(date +%s) * 1000 ))
wait_s=$(( (next - now) / 1000 ))
[ "$wait_s" -le 3605 ] || fail "Retry-After: 999999999 put the next try $wait_s s away"
[ "$wait_s" -ge 3000 ] || fail "Retry-After was not honoured: next try in $wait_s s"
echo pass > "$control"
file_one
took=$(wait_delivered "$expected" 10)
check "Retry-After: 999999999 honoured for $wait_s s (the cap is an hour); a proposal filed after delivered in $took ms"

# All good again: the catalogue catches up with the change waiting on the server.
"$bin/kioskctl" --data "$kiosk" sync-now >/dev/null || fail "sync-now once the server is good"
"$bin/kioskctl" --data "$kiosk" search "изменено" | head -n 1 | grep -qx 1 || fail "the waiting change did not arrive"
[ "$(server_count)" = "$expected" ] || fail "duplicates: $(server_count) != $expected"
# kiosk-sync's threads, kioskctl and the filings wrote the kiosk's database side by side
# all along: it reads whole (a lost lock once damaged its proposal indexes here).
listed=$("$bin/kioskctl" --data "$kiosk" proposals) || fail "the kiosk's proposals cannot be read: $listed"
[ "$(grep -c . <<< "$listed")" = "$expected" ] || fail "the kiosk lists $(grep -c . <<< "$listed") proposals, not $expected"
check "the server good again: the catalogue caught up, $expected proposals each stored once"
echo "1 passed, 0 failed"
