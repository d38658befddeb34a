#!/bin/bash
# A standby that takes over: a PostgreSQL primary and a streaming-replication standby (two
# throwaway clusters, every commit confirmed by the standby before it returns), the server
# given both with target_session_attrs=read-write. Kiosks deliver proposals; mid-load the
# primary is killed (an immediate stop, as a crash) and the standby promoted. The server
# reconnects to it by itself, the kiosks' retries land there, and every proposal the
# server had answered as accepted is on the new primary.
#   standby.sh BIN_DIR
name=standby
bin="$1"
source "$(dirname "$0")/../sync/lib.sh"
[ "$backend" = sqlite ] || fail "standby.sh makes its own PostgreSQL clusters"
pg="$here/../server/pg_cluster.sh"
primary=$(mktemp -u /tmp/aul-pg-XXXXXX); standby=$(mktemp -u /tmp/aul-pg-XXXXXX)
cleanup_clusters() { bash "$pg" stop "$primary"; bash "$pg" stop "$standby"; }
trap 'cleanup_clusters; cleanup' EXIT
bash "$pg" start "$primary" wal_level=replica max_wal_senders=4 "synchronous_standby_names=standby" \
  synchronous_commit=on >/dev/null
bash "$pg" standby "$standby" "$primary" >/dev/null
sync_state() { psql -qAt "host=$primary user=postgres dbname=postgres" -c "SELECT sync_state FROM pg_stat_replication" 2>/dev/null; }
for _ in $(seq 100); do [ "$(sync_state)" = sync ] && break; sleep 0.1; done
[ "$(sync_state)" = sync ] || fail "the standby is not a synchronous standby: '$(sync_state)'"
check "primary and synchronous standby streaming"

"$bin/national-api" --data "$work/server" \
  --db "host=$primary,$standby user=postgres dbname=postgres target_session_attrs=read-write" init >/dev/null
start_server
kiosks=10 each=40
"$bin/sync_load" --url "$url" --ca "$work/certs/ca.pem" --server-data "$work/server" --kiosks $kiosks \
  --seconds 90 --deliver $each --batch 2 --pause-ms 30 --ids "$work/ids" > "$work/load" 2>&1 &
load_pid=$!
sleep 1.5
kill -0 "$load_pid" 2>/dev/null || fail "the load had finished before the primary died: $(cat "$work/load")"
before=$(psql -qAt "host=$primary user=postgres dbname=postgres" -c "SELECT count(*) FROM proposals")
runuser_or_self() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
runuser_or_self "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pg_ctl" -D "$primary/data" -m immediate stop >/dev/null
sleep 1  # the kiosks meet a server without a database for a moment
bash "$pg" promote "$standby"
rc=0; wait "$load_pid" || rc=$?
[ "$rc" = 0 ] || fail "the kiosks could not deliver everything after the failover: $(cat "$work/load")"
"$bin/national-api" --data "$work/server" proposals --json | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | sort > "$work/stored"
missing=$(comm -23 <(sort -u "$work/ids") "$work/stored" | wc -l)
[ "$missing" = 0 ] || fail "$missing proposals answered as accepted are missing on the promoted standby"
stored=$(wc -l < "$work/stored")
[ "$stored" = "$(sort -u "$work/stored" | wc -l)" ] || fail "proposals stored twice"
[ "$stored" = $((kiosks * each)) ] || fail "the new primary holds $stored proposals, not $((kiosks * each))"
check "primary killed with $before proposals, standby promoted: all $stored accepted proposals on it, none twice"
