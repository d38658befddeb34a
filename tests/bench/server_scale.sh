#!/bin/bash
# The national server at a country's scale, side by side in one run: KIOSKS simulated
# kiosks (6 200 by default: one a village) over real TLS on loopback, a steady day of
# rounds every 5 minutes and then the morning herd, against (a) one instance on SQLite and
# (b) two instances on one PostgreSQL behind haproxy. JSON lines on standard output.
#   server_scale.sh BIN_DIR SOURCE_DIR [KIOSKS STEADY_S HERD_S]
name=scale
bin="$1"
src="$2"
kiosks=${3:-6200} steady=${4:-60} herd=${5:-60}
source "$(dirname "$0")/../sync/lib.sh"
# A country is more than 1 024 connections' worth of sockets.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
simulate() {  # label url
  "$bin/sync_load" --simulate "$1" --url "$2" --ca "$work/certs/ca.pem" --server-data "$work/server" \
    --kiosks "$kiosks" --steady "$steady" --herd "$herd" --queued 1 --workers 96 || true
}

# (a) one instance, SQLite.
start_server
simulate sqlite_one_instance "$url"
stop_server

# (b) two instances on one PostgreSQL, behind haproxy, as platform/haproxy ships it.
rm -rf "$work/server"
cluster=$(mktemp -u /tmp/aul-pg-XXXXXX)
pg=$(bash "$here/../server/pg_cluster.sh" start "$cluster")
"$bin/national-api" --data "$work/server" --db "$pg" init >/dev/null
pids=""
for at in $((port + 1)) $((port + 2)); do
  "$bin/national-api" --data "$work/server" serve --listen "127.0.0.1:$at" --cert "$work/certs/server.pem" \
    --key "$work/certs/server.key" --per-address 100000 >/dev/null 2>>"$work/server.log" &
  pids="$pids $!"
  wait_for_port "$at"
done
AUL_FRONT="127.0.0.1:$port" AUL_INSTANCE_A="127.0.0.1:$((port + 1))" AUL_INSTANCE_B="127.0.0.1:$((port + 2))" \
  haproxy -f "$src/platform/haproxy/aul-national.cfg" -db >/dev/null 2>&1 &
server_pid="$pids $!"
wait_for_port "$port"
simulate postgres_two_instances "$url"
