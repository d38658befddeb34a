# Shared by the sync test scripts (sourced): a work folder removed on exit, a certificate
# chain, and a reference server on a random loopback port. With AUL_TEST_BACKEND=postgres
# the server's database is a throwaway PostgreSQL cluster started here (its address
# remembered in the server's folder, so every national-api command below reaches it).
#   name=...; bin=...; source lib.sh; start_server [--faults FILE]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work=$(mktemp -d "/tmp/aul-$name-XXXXXX")
server_pid=""
cluster=""
cleanup() {
  # shellcheck disable=SC2086  # one pid, or several (a test running more than one server)
  [ -n "$server_pid" ] && kill $server_pid 2>/dev/null
  wait 2>/dev/null
  [ -n "$cluster" ] && bash "$here/../server/pg_cluster.sh" stop "$cluster"
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "$name: FAILED: $*" >&2; exit 1; }
check() { echo "$name: ok: $*"; }

backend=${AUL_TEST_BACKEND:-sqlite}
case "$backend" in
sqlite) ;;
postgres)
  cluster=$(mktemp -u /tmp/aul-pg-XXXXXX)
  pg=$(bash "$here/../server/pg_cluster.sh" start "$cluster")
  "$bin/national-api" --data "$work/server" --db "$pg" init >/dev/null || fail "the server cannot use PostgreSQL"
  ;;
*) fail "AUL_TEST_BACKEND is sqlite or postgres, not $backend" ;;
esac

sh "$here/make-certs.sh" "$work/certs"
port=$(( 20000 + (RANDOM % 20000) ))
url="https://localhost:$port"

wait_for_port() {
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  fail "nothing listens on port $1: $(cat "$work/server.log" 2>/dev/null)"
}
start_server() {  # extra arguments go to `national-api serve`
  "$bin/national-api" --data "$work/server" serve --listen "127.0.0.1:$port" \
    --cert "$work/certs/server.pem" --key "$work/certs/server.key" "$@" 2>>"$work/server.log" &
  server_pid=$!
  wait_for_port "$port"
  if [ "$backend" = postgres ] && [ -e "$work/server/national.db" ]; then fail "the server used SQLite, not PostgreSQL"; fi
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }
enrol() {  # kiosk folder
  mkdir -p "$1"
  "$bin/kioskctl" --data "$1" enroll "$url" "$("$bin/national-api" --data "$work/server" enrollment-code | tail -n 1)" \
    --ca "$work/certs/ca.pem" >/dev/null
}
server_count() { "$bin/national-api" --data "$work/server" proposals --json | grep -c . || true; }
# The check character of a tracking code's first ten characters, worked out here from the
# rule in core/tracking.h, independently of the code under test.
alphabet=23456789ABCDEFGHJKMNPQRSTUVWXYZ
check_char() {
  local body=$1 sum=0 i ch prefix
  for ((i = 0; i < 10; i++)); do
    ch=${body:i:1}; prefix=${alphabet%%"$ch"*}
    sum=$(((sum + ${#prefix} * (i + 1)) % 31))
  done
  # The check c makes sum + 11c divisible by 31; 17 is the inverse of 11 modulo 31.
  echo "${alphabet:((31 - sum) % 31) * 17 % 31:1}"
}
