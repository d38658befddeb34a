#!/bin/bash
# Faults between kiosk and server, and processes killed mid-work: nothing is marked
# delivered wrongly, nothing is lost, every fault reads as words in the sync summary, and
# the server ends with each proposal exactly once.
#   faults.sh BIN_DIR
set -euo pipefail
bin="$1"
here="$(cd "$(dirname "$0")" && pwd)"
work=$(mktemp -d /tmp/aul-faults-XXXXXX)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "faults: FAILED: $*" >&2; exit 1; }
check() { echo "faults: ok: $*"; }

sh "$here/make-certs.sh" "$work/certs"
port=$(( 20000 + (RANDOM % 20000) ))
faults="$work/faults"
: > "$faults"
start_server() {
  "$bin/national-api" --data "$work/server" serve --listen "127.0.0.1:$port" --faults "$faults" \
    --cert "$work/certs/server.pem" --key "$work/certs/server.key" 2>>"$work/server.log" &
  server_pid=$!
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  fail "national-api did not start"
}
kiosk="$work/kiosk"
mkdir -p "$kiosk"
start_server
code=$("$bin/national-api" --data "$work/server" enrollment-code | tail -n 1)
"$bin/kioskctl" --data "$kiosk" enroll "https://localhost:$port" "$code" --ca "$work/certs/ca.pem" >/dev/null
"$bin/file_proposals" --data "$kiosk" --count 5 >/dev/null
server_count() { "$bin/national-api" --data "$work/server" proposals --json | grep -c . || true; }

# Each fault: the round fails with readable words, the outbox is intact.
try_fault() {  # fault-line, words expected in the error
  echo "$1" > "$faults"
  local out
  out=$("$bin/kiosk-sync" --data "$kiosk" --once --timeout 3) && fail "'$1' passed as a success: $out"
  grep -q "$2" <<< "$out" || fail "'$1' reads: $out"
  check "$1 -> $(sed 's/.*"error":"\([^"]*\)".*/\1/' <<< "$out")"
}
try_fault "status 503 7" "busy or failing"
try_fault "status 500" "busy or failing"
try_fault "html" "not the national server"
try_fault "garbage" "not the national server"
try_fault "huge" "larger than"
[ "$(server_count)" = 0 ] || fail "a faulty exchange stored proposals"
# A slow server may finish the work after the kiosk gave up: stored there, not marked here.
try_fault "slow 5" "took too long"
out=$("$bin/kiosk-sync" --data "$kiosk" --once --timeout 3) || true
grep -q '"outbox":5' <<< "$out" || fail "the outbox changed during faults: $out"
check "after every fault the outbox still holds all 5"

# The server stores the batch but the reply is cut: the kiosk must not mark them, and the
# resend must come back as duplicates.
echo "truncate" > "$faults"
out=$("$bin/kiosk-sync" --data "$kiosk" --once --timeout 3) && fail "a cut reply counted: $out"
grep -q '"outbox":5' <<< "$out" || fail "a cut reply marked items: $out"
[ "$(server_count)" = 5 ] || fail "the server did not store the batch before the cut"
: > "$faults"
out=$("$bin/kiosk-sync" --data "$kiosk" --once) || fail "after the cut: $out"
grep -q '"delivered":5' <<< "$out" || fail "the resend: $out"
[ "$(server_count)" = 5 ] || fail "the resend made duplicates"
check "reply cut after storing: resent, acknowledged as duplicates, stored once"

# 1000 queued over a slow line (150 ms a request), kiosk-sync killed at random moments
# mid-push, then national-api killed at random moments.
"$bin/file_proposals" --data "$kiosk" --count 1000 >/dev/null
echo "delay 150" > "$faults"
kills=0
for _ in $(seq 30); do
  "$bin/kiosk-sync" --data "$kiosk" --once >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(( RANDOM % 2 ))$(( RANDOM % 10 ))"
  kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
  wait "$pid" 2>/dev/null || true
done
[ "$kills" -ge 20 ] || fail "kiosk-sync was killed mid-work only $kills times"
server_kills=0
for _ in $(seq 20); do
  "$bin/kiosk-sync" --data "$kiosk" --once >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(( RANDOM % 20 ))"
  kill -9 "$server_pid" 2>/dev/null && server_kills=$((server_kills + 1))
  wait "$server_pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  start_server
done
: > "$faults"
out=$("$bin/kiosk-sync" --data "$kiosk" --once) || fail "final round: $out"
grep -q '"outbox":0' <<< "$out" || fail "final outbox: $out"
n=$(server_count)
[ "$n" = 1005 ] || fail "the server holds $n, not 1005"
listing=$("$bin/kioskctl" --data "$kiosk" proposals)
[ "$(grep -c $'\tdelivered\t' <<< "$listing")" = 1005 ] || fail "not every proposal is marked delivered on the kiosk"
check "1000 queued, kiosk-sync killed $kills times and national-api $server_kills times: server holds each once, kiosk marks all delivered"
echo "1 passed, 0 failed"
