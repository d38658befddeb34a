#!/bin/bash
# Trying to knock the national server over, as an attacker would, over real TLS on
# loopback (clients told apart by their 127.x source addresses):
#   - 128 connections that send a header line every 4 s, from 128 addresses, while a
#     kiosk's normal request is answered in under 2 s; each is closed at its deadline;
#   - four gzip bombs at once (each inflating to 500 MB) to a path that does not exist and
#     to the submissions path with a valid token: 404 and 413, the server's memory staying
#     within 100 MB of its idle figure;
#   - a 100 MB chunked body: its connection closed after the body limit and a little (what
#     the sockets buffer), not read whole;
#   - a body announced larger than the limit: 413 before it is sent;
#   - one address opening 100 connections at once: the per-address cap answers 64 and
#     refuses the rest, while another address is still served.
#   abuse.sh BIN_DIR
name=abuse
bin="$1"
source "$(dirname "$0")/../sync/lib.sh"
rss_kib() { sed -n "s/^$2:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$1/status"; }

start_server
enrol "$work/kiosk"
token=$(cat "$work/kiosk/private/device-token")
ask() {  # a kiosk's normal request: the status, and the seconds it took
  curl -s -o /dev/null -w '%{http_code} %{time_total}' --cacert "$work/certs/ca.pem" --max-time 10 \
    -H "Authorization: Bearer $token" "$url/v1/kiosk"
}
for _ in 1 2 3; do ask >/dev/null; done
idle=$(rss_kib "$server_pid" VmRSS)

"$bin/abuse_peer" slow "$port" 127.0.1.1 128 14 > "$work/slow" &
slow_pid=$!
for _ in $(seq 50); do grep -q "^held" "$work/slow" 2>/dev/null && break; sleep 0.2; done
grep -q "^held 128$" "$work/slow" || fail "the slow clients could not all connect: $(cat "$work/slow")"
sleep 5  # every slow client has sent a line or two
read -r code took <<< "$(ask)"
[ "$code" = 200 ] || fail "a normal request beside 128 slow connections: status $code"
awk -v t="$took" 'BEGIN { exit !(t < 2.0) }' || fail "a normal request beside 128 slow connections took $took s"
wait "$slow_pid"
grep -q "^closed_by_server 128 " "$work/slow" || fail "slow clients outlived the header deadline: $(cat "$work/slow")"
check "128 slow connections held, a normal request answered in $took s, all 128 closed at the header deadline"

for i in 1 2 3 4; do
  "$bin/abuse_peer" bomb "$port" "127.0.2.$i" /nowhere "$token" 500000000 > "$work/bomb-missing-$i" &
  "$bin/abuse_peer" bomb "$port" "127.0.3.$i" /v1/submissions "$token" 500000000 > "$work/bomb-$i" &
done
wait_for_bombs=$(jobs -p | grep -v "^$server_pid$")
for p in $wait_for_bombs; do wait "$p"; done
for i in 1 2 3 4; do
  grep -q "^status 404" "$work/bomb-missing-$i" || fail "a bomb to a missing path: $(cat "$work/bomb-missing-$i")"
  grep -q "^status 413" "$work/bomb-$i" || fail "a bomb to the submissions: $(cat "$work/bomb-$i")"
done
peak=$(rss_kib "$server_pid" VmHWM)
grown=$(( (peak - idle) / 1024 ))
[ "$grown" -lt 100 ] || fail "the server's memory grew by $grown MB under 4 gzip bombs"
check "8 gzip bombs of 500 MB: 404 and 413; the server's peak memory $grown MB above idle ($(cat "$work/bomb-1"))"

out=$("$bin/abuse_peer" chunked "$port" 127.0.4.1 /v1/submissions "$token" 100000000)
sent=$(sed -n 's/^status 0 after \([0-9]*\) bytes$/\1/p' <<< "$out")
[ -n "$sent" ] || fail "a 100 MB chunked body: $out"
[ "$sent" -lt $(( 16 * 1024 * 1024 )) ] || fail "the server read $sent bytes of a chunked body before refusing"
check "a 100 MB chunked body: the connection closed after $sent bytes"
# curl asks first (Expect: 100-continue, as for any large body): the 413 comes before the body.
code=$(curl -s -o /dev/null -w '%{http_code}' --cacert "$work/certs/ca.pem" --max-time 10 -H "Authorization: Bearer $token" \
  -H "Content-Type: application/json" -H "Expect: 100-continue" --data-binary @<(head -c 3000000 /dev/zero | tr '\0' ' ') \
  "$url/v1/submissions" || true)
[ "$code" = 413 ] || fail "a 3 MB body with its length announced: status $code"
check "a body announced larger than the limit: 413"

out=$("$bin/abuse_peer" crowd "$port" 127.0.5.1 100)
[ "$out" = "answered 64 refused 36" ] || fail "100 connections from one address: $out"
read -r code took <<< "$(ask)"
[ "$code" = 200 ] || fail "another address while one holds its cap: status $code"
check "100 connections from one address: $out; another address is served in $took s"
