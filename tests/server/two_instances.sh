#!/bin/bash
# Two national-api instances on one PostgreSQL database, behind haproxy with the
# configuration shipped in platform/haproxy: kiosks deliver proposals through it while one
# instance is killed (SIGKILL) mid-load. Every proposal is delivered, exactly once: the
# kiosks send a batch again until it is answered, and the database, not an instance's
# memory, decides what is a duplicate.
#   two_instances.sh BIN_DIR SOURCE_DIR
name=two-instances
bin="$1"
src="$2"
export AUL_TEST_BACKEND=postgres
source "$(dirname "$0")/../sync/lib.sh"
command -v haproxy >/dev/null || fail "haproxy is missing (apt-get install haproxy)"

port_a=$((port + 1)); port_b=$((port + 2))
instance() {  # port [serve options]: an instance behind haproxy, which is then its only client address
  local at=$1; shift
  "$bin/national-api" --data "$work/server" serve --listen "127.0.0.1:$at" --cert "$work/certs/server.pem" \
    --key "$work/certs/server.key" --per-address 100000 "$@" >/dev/null 2>>"$work/server-$at.log" &
  echo $!
}
# Instance A answers slowly, so requests are in flight on it when it is killed.
echo "delay 300" > "$work/slow-line"
pid_a=$(AUL_LOG_LEVEL=debug instance "$port_a" --faults "$work/slow-line"); pid_b=$(instance "$port_b")
wait_for_port "$port_a"; wait_for_port "$port_b"
AUL_FRONT="127.0.0.1:$port" AUL_INSTANCE_A="127.0.0.1:$port_a" AUL_INSTANCE_B="127.0.0.1:$port_b" \
  haproxy -f "$src/platform/haproxy/aul-national.cfg" -db >"$work/haproxy.log" 2>&1 &
haproxy_pid=$!
server_pid="$pid_a $pid_b $haproxy_pid"  # stopped by lib.sh's cleanup
wait_for_port "$port"

kiosks=20 each=40
"$bin/sync_load" --url "$url" --ca "$work/certs/ca.pem" --server-data "$work/server" --kiosks $kiosks \
  --seconds 90 --deliver $each --batch 2 --pause-ms 20 --ids "$work/ids" > "$work/load" 2>&1 &
load_pid=$!
sleep 1.5
kill -0 "$load_pid" 2>/dev/null || fail "the load had finished before the kill: $(cat "$work/load")"
on_a=$(grep -c "POST /v1/submissions" "$work/server-$port_a.log" || true)
[ "$on_a" -gt 0 ] || fail "no submission had reached instance A before the kill"
kill -9 "$pid_a"
killed_at=$(date +%s%N)
rc=0; wait "$load_pid" || rc=$?
[ "$rc" = 0 ] || fail "the kiosks could not deliver everything: $(cat "$work/load")"
took=$(( ($(date +%s%N) - killed_at) / 1000000 ))
sent=$(sort -u "$work/ids" | wc -l)
[ "$sent" = $((kiosks * each)) ] || fail "the kiosks delivered $sent proposals, not $((kiosks * each))"
"$bin/national-api" --data "$work/server" proposals --json | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | sort > "$work/stored"
stored=$(wc -l < "$work/stored")
unique=$(sort -u "$work/stored" | wc -l)
[ "$stored" = "$unique" ] || fail "the server holds $stored proposals but only $unique ids: duplicated"
diff <(sort -u "$work/ids") "$work/stored" >/dev/null || fail "the server's proposals are not the ones delivered"
check "instance A killed mid-load after $on_a submissions: all $stored proposals delivered exactly once, the last $took ms after the kill"
