#!/bin/bash
# national-api migrate: a SQLite national server with kiosks, named proposals, answers,
# sign-ups and a catalogue moves into an empty PostgreSQL database (a throwaway cluster
# started here). Afterwards every listing is the same, contacts still open, kiosks keep
# syncing with their tokens, status numbers continue, and the SQLite file is no longer used.
#   migrate.sh BIN_DIR
name=migrate
bin="$1"
source "$(dirname "$0")/../sync/lib.sh"
[ "$backend" = sqlite ] || fail "migrate.sh starts from SQLite and makes its own PostgreSQL"
api() { "$bin/national-api" --data "$work/server" "$@"; }

start_server
for k in a b; do enrol "$work/kiosk-$k"; done
"$bin/file_proposals" --data "$work/kiosk-a" --count 30 --named > "$work/codes-a"
"$bin/file_proposals" --data "$work/kiosk-b" --count 20 > "$work/codes-b"
"$bin/file_proposals" --data "$work/kiosk-b" --count 3 --signups >/dev/null
"$bin/gen_catalog" --count 500 --seed 5 --out "$work/catalog.json"
api publish-catalog "$work/catalog.json" >/dev/null
for k in a b; do "$bin/kiosk-sync" --data "$work/kiosk-$k" --once >/dev/null || fail "kiosk $k did not sync"; done
first=$(head -n 1 "$work/codes-a")
api set-status "$first" in_review --answer "Қаралуда" >/dev/null
"$bin/kiosk-sync" --data "$work/kiosk-a" --once >/dev/null
stop_server
api proposals --json > "$work/proposals.before"
api kiosks --json > "$work/kiosks.before"
contact_before=$(api open-contact "$first")
[ "$(grep -c . "$work/proposals.before")" = 50 ] || fail "the SQLite server holds $(grep -c . "$work/proposals.before") proposals, not 50"

cluster=$(mktemp -u /tmp/aul-pg-XXXXXX)
pg=$(bash "$here/../server/pg_cluster.sh" start "$cluster")
api migrate --to "$pg password=secret" 2>"$work/err" && fail "a password on the command line was taken"
grep -q "PGPASSFILE" "$work/err" || fail "password message: $(cat "$work/err")"
out=$(api migrate --to "$pg") || fail "migrate: $out"
grep -q "^proposals  *50 rows" <<< "$out" || fail "migrate report: $out"
check "migrated: $(tr '\n' ' ' <<< "$out")"
[ "$(cat "$work/server/database")" = "$pg" ] || fail "the folder does not remember the new database"
api migrate --to "$pg" 2>"$work/err" && fail "migrated twice into one database"
grep -q "already holds" "$work/err" || fail "second migration message: $(cat "$work/err")"
check "a password in the address is refused; a database holding data is not migrated into again"

# Everything as it was, now from PostgreSQL; the SQLite file is left alone.
mv "$work/server/national.db" "$work/national.db.kept"
diff <(api proposals --json) "$work/proposals.before" >/dev/null || fail "the proposals differ after migrating"
diff <(api kiosks --json) "$work/kiosks.before" >/dev/null || fail "the kiosks differ after migrating"
[ "$(api open-contact "$first")" = "$contact_before" ] || fail "the contact no longer opens"
[ "$(api signups)" = 3 ] || fail "the sign-ups were not migrated"
[ ! -e "$work/server/national.db" ] || fail "a SQLite file was made again"
check "proposals, kiosks, sign-ups and sealed contacts read the same from PostgreSQL"

# The kiosks carry on: their tokens work, a new answer reaches them after the old ones.
start_server
api set-status "$first" accepted --answer "Қабылданды" >/dev/null
out=$("$bin/kiosk-sync" --data "$work/kiosk-a" --once) || fail "kiosk a after migrating: $out"
grep -q "^$first.*accepted" <<< "$("$bin/kioskctl" --data "$work/kiosk-a" proposals)" || fail "the new status did not arrive: $out"
"$bin/file_proposals" --data "$work/kiosk-b" --count 5 > /dev/null
out=$("$bin/kiosk-sync" --data "$work/kiosk-b" --once) || fail "kiosk b after migrating: $out"
grep -q '"delivered":5' <<< "$out" || fail "kiosk b's new proposals: $out"
[ "$(api proposals --json | grep -c .)" = 55 ] || fail "the server does not hold 55 proposals"
stop_server
bash "$here/../server/pg_cluster.sh" stop "$cluster"
check "kiosks sync on with their tokens; a new answer follows the migrated ones; new proposals arrive"
