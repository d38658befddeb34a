#!/bin/bash
# A throwaway PostgreSQL cluster for the server's tests: initdb and pg_ctl into a folder of
# its own, Unix socket only (no TCP port, no system service), trust for local connections.
# As root (CI) the cluster runs as the postgres user, since initdb refuses root.
#   pg_cluster.sh start DIR [NAME=VALUE...]   prints the libpq connection string
#   pg_cluster.sh standby DIR PRIMARY_DIR     a streaming-replication standby of the cluster
#                                             in PRIMARY_DIR, named "standby"; prints its string
#   pg_cluster.sh promote DIR                 the standby becomes a primary
#   pg_cluster.sh stop DIR                    stops it at once (as a crash would) and removes DIR
# DIR must not exist yet, and its path must stay short (a Unix socket lives in it).
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bindir/initdb" ] || { echo "pg_cluster: PostgreSQL's server programs are missing (apt-get install postgresql-15)" >&2; exit 1; }
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
start)
  dir=$2; shift 2
  mkdir -m 0700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  opts="-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c max_connections=200"
  for setting in "$@"; do opts="$opts -c $setting"; done
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$opts" start >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
  echo "host=$dir user=postgres dbname=postgres"
  ;;
standby)
  dir=$2 primary=$3
  mkdir -m 0700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  as_owner "$bindir/pg_basebackup" -h "$primary" -U postgres -D "$dir/data" -R -X stream -c fast \
    >"$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log" >&2; exit 1; }
  echo "primary_conninfo = 'host=$primary user=postgres application_name=standby'" |
    as_owner tee -a "$dir/data/postgresql.auto.conf" >/dev/null
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c max_connections=200" start >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
  echo "host=$dir user=postgres dbname=postgres"
  ;;
promote)
  as_owner "$bindir/pg_ctl" -D "$2/data" -w promote >/dev/null
  ;;
stop)
  dir=$2
  [ -d "$dir/data" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: pg_cluster.sh start DIR [NAME=VALUE...] | standby DIR PRIMARY_DIR | promote DIR | stop DIR" >&2
  exit 2
  ;;
esac
