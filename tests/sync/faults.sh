#!/bin/bash
# Faults between kiosk and server, and processes killed mid-work: nothing is marked
# delivered wrongly, nothing is lost, every fault reads as words in the sync summary, and
# the server ends with each proposal exactly once.
#   faults.sh BIN_DIR
name=faults
bin="$1"
source "$(dirname "$0")/lib.sh"

faults="$work/faults"
: > "$faults"
kiosk="$work/kiosk"
start_server --faults "$faults"
enrol "$kiosk"
"$bin/file_proposals" --data "$kiosk" --count 5 >/dev/null

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

# 1000 queued over a slow line (200 ms a request), kiosk-sync killed at random moments
# mid-push, then national-api killed at random moments.
"$bin/file_proposals" --data "$kiosk" --count 1000 >/dev/null
echo "delay 200" > "$faults"
queued() { "$bin/kioskctl" --data "$kiosk" proposals | grep -c $'\tqueued\t' || true; }
kills=0
for _ in $(seq 80); do
  [ "$(queued)" -gt 0 ] || break
  "$bin/kiosk-sync" --data "$kiosk" --once >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf "0.%03d" $(( 50 + RANDOM % 250 )))"
  kill -9 "$pid" 2>/dev/null || true
  rc=0; wait "$pid" 2>/dev/null || rc=$?
  [ "$rc" = 137 ] && kills=$((kills + 1))  # it died of the SIGKILL, not of finishing
done
[ "$kills" -ge 20 ] || fail "kiosk-sync was killed mid-work only $kills times"
server_kills=0
for _ in $(seq 20); do
  "$bin/kiosk-sync" --data "$kiosk" --once >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(( RANDOM % 20 ))"
  kill -9 "$server_pid" 2>/dev/null || true
  rc=0; wait "$server_pid" 2>/dev/null || rc=$?
  [ "$rc" = 137 ] && server_kills=$((server_kills + 1))
  wait "$pid" 2>/dev/null || true
  start_server --faults "$faults"
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
