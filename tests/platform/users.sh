#!/bin/bash
# The kiosk and kiosk-sync as two users, as the package and the units set them up: the
# users and the data folder made by the real postinst, then who may open what checked as
# each unit's user (root opens anything, so every such check drops to that user with
# runuser). The resident-facing kiosk's user cannot open the token, the signing key or the
# CA, nor list private/, yet works the database; kiosk-sync's user opens them and syncs;
# `kioskctl export` run as the kiosk's user gets a bundle signed by kiosk-sync that the
# national server imports whole. Then the older layout (the secrets in the data folder, the
# kiosk's user's) migrated by the postinst of an upgrade, twice over.
#
# Everything runs in a private mount namespace over a fresh tmpfs on /var/lib, so the
# host's /var/lib/aul is never touched; the users are made on the host, as the package
# makes them. The national server listens on loopback only. Exit 77 (skipped) when not root.
#   users.sh BIN_DIR SOURCE_DIR
set -euo pipefail
if [ "$(id -u)" != 0 ]; then
  echo "separate_users: skipped: needs root (it makes users, drops to them with runuser, mounts a tmpfs)"
  exit 77
fi
if [ -z "${AUL_USERS_IN_NAMESPACE:-}" ]; then
  exec env AUL_USERS_IN_NAMESPACE=1 unshare --mount --propagation private bash "$0" "$@"
fi
name=separate_users
bin="$(cd "$1" && pwd)"; src="$(cd "$2" && pwd)"
mount -t tmpfs -o mode=0755 aul-separate-users /var/lib
source "$src/tests/sync/lib.sh"
data=/var/lib/aul
private=$data/private
passed=0
ok() { passed=$((passed + 1)); check "$@"; }

# Who runs what: as the units say.
unit_value() { sed -n "s/^$2=//p" "$src/platform/systemd/$1" | tail -n 1; }
kiosk_user=$(unit_value aul-kiosk.service User); kiosk_group=$(unit_value aul-kiosk.service Group)
kiosk_umask=$(unit_value aul-kiosk.service UMask)
sync_user=$(unit_value aul-kiosk-sync.service User); sync_group=$(unit_value aul-kiosk-sync.service Group)
sync_umask=$(unit_value aul-kiosk-sync.service UMask)
for v in kiosk_user kiosk_group kiosk_umask sync_user sync_group sync_umask; do
  [ -n "${!v}" ] || fail "$v is not set in the units"
done
[ "$kiosk_user" != "$sync_user" ] || fail "both units run as $kiosk_user"
[ "$kiosk_group" = "$sync_group" ] || fail "the units' groups differ: $kiosk_group, $sync_group"
as_unit() {  # USER GROUP UMASK COMMAND...: as the unit runs it
  local user="$1" group="$2" mask="$3"; shift 3
  runuser -u "$user" -g "$group" -- sh -c 'umask "$0"; exec "$@"' "$mask" "$@"
}
as_kiosk() { as_unit "$kiosk_user" "$kiosk_group" "$kiosk_umask" "$@"; }
as_sync() { as_unit "$sync_user" "$sync_group" "$sync_umask" "$@"; }
owner_mode() { stat -c '%U:%G %a' "$1"; }
expect_owner_mode() {  # PATH, "USER:GROUP MODE"
  [ "$(owner_mode "$1")" = "$2" ] || fail "$1 is $(owner_mode "$1"), not $2"
}
# The kiosk's user is refused the file (or folder listing): permission denied, not absent.
kiosk_refused() {  # COMMAND...
  local out
  out=$(as_kiosk "$@" 2>&1) && fail "$kiosk_user could run: $*"
  grep -q "Permission denied" <<< "$out" || fail "$kiosk_user: $*: $out"
}
# kiosk-sync as its unit runs it, in the background; its own pid (not runuser's) is kept
# to stop it.
sync_pid=""; runner_pid=""
start_sync() {
  install -o "$sync_user" -g "$sync_group" -m 0644 /dev/null "$work/sync.pid"
  as_sync sh -c 'echo $$ > "$0"; exec "$@"' "$work/sync.pid" "$bin/kiosk-sync" --data "$data" 2>>"$work/sync.log" &
  runner_pid=$!
  for _ in $(seq 50); do [ -s "$work/sync.pid" ] && break; sleep 0.1; done
  sync_pid=$(cat "$work/sync.pid")
  [ -n "$sync_pid" ] || fail "kiosk-sync did not start: $(cat "$work/sync.log")"
}
stop_sync() {
  [ -n "$sync_pid" ] || return 0
  kill "$sync_pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$sync_pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$sync_pid" 2>/dev/null || true
  wait "$runner_pid" 2>/dev/null || true
  sync_pid=""
}
trap 'stop_sync; cleanup' EXIT

# The postinst of a fresh install (no previous version), its systemd helpers stood in for:
# nothing about this machine's units may change.
mkdir -p "$work/shims"
for tool in deb-systemd-helper deb-systemd-invoke systemctl; do
  printf '#!/bin/sh\nexit 0\n' > "$work/shims/$tool"; chmod 755 "$work/shims/$tool"
done
postinst() { PATH="$work/shims:$PATH" sh "$src/platform/debian/postinst" configure "$@" >>"$work/postinst.log" 2>&1 \
  || fail "postinst configure $*: $(cat "$work/postinst.log")"; }
postinst
[ "$(id -gn "$kiosk_user")" = "$kiosk_group" ] || fail "$kiosk_user's group is $(id -gn "$kiosk_user")"
[ "$(id -gn "$sync_user")" = "$kiosk_group" ] || fail "$sync_user's primary group is $(id -gn "$sync_user")"
expect_owner_mode "$data" "$kiosk_user:$kiosk_group 770"
expect_owner_mode "$private" "$sync_user:$kiosk_group 700"
ok "postinst: users $kiosk_user and $sync_user (primary group $kiosk_group), $data $(owner_mode "$data"), private/ $(owner_mode "$private")"

# Enrolment as the README says, by root: kioskctl works as kiosk-sync's user.
chmod 755 "$work" "$work/certs"; chmod 644 "$work/certs/ca.pem"  # root's kioskctl reads it as $sync_user
start_server
"$bin/kioskctl" --data "$data" set-kiosk-code KZ24 >/dev/null
enrol "$data"
for secret in device-token kiosk-signing-key national-ca.pem; do
  expect_owner_mode "$private/$secret" "$sync_user:$kiosk_group 600"
done
[ -z "$(ls -A "$data" | grep -v -x -e private -e 'kiosk\.db.*' -e '\..*\.lock')" ] || fail "the data folder holds: $(ls -A "$data")"
for f in "$data"/kiosk.db*; do
  [ "$(stat -c '%G %a' "$f")" = "$kiosk_group 660" ] || fail "$f is $(owner_mode "$f")"
done
ok "root's kioskctl enrolled as $sync_user: the token, key and CA $sync_user:$kiosk_group 600 in private/; kiosk.db* $kiosk_group 660"

start_sync
as_kiosk "$bin/file_proposals" --data "$data" --count 2 >/dev/null || fail "$kiosk_user cannot file proposals"
for _ in $(seq 100); do [ "$(server_count)" = 2 ] && break; sleep 0.2; done
[ "$(server_count)" = 2 ] || fail "kiosk-sync as $sync_user delivered $(server_count) of 2: $(tail -n 5 "$work/sync.log")"
ok "$kiosk_user filed 2 proposals; kiosk-sync as $sync_user delivered them"

for secret in device-token kiosk-signing-key national-ca.pem; do kiosk_refused cat "$private/$secret"; done
kiosk_refused ls "$private"
kiosk_refused "$bin/kioskctl" --data "$data" signing-key
for secret in device-token kiosk-signing-key national-ca.pem; do
  as_sync head -c 1 "$private/$secret" >/dev/null || fail "$sync_user cannot read $secret"
done
status=$(as_kiosk "$bin/kioskctl" --data "$data" status --json) || fail "kioskctl status as $kiosk_user: $status"
grep -q '"kiosk_code":"KZ24"' <<< "$status" && grep -q '"enrolled":true' <<< "$status" || fail "status: $status"
ok "as $kiosk_user the token, the signing key and the CA are refused, private/ cannot be listed; kiosk.db reads and writes"

# Offline: proposals filed, then exported by the kiosk's user, signed by kiosk-sync.
stop_server
as_kiosk "$bin/file_proposals" --data "$data" --count 4 >/dev/null
as_kiosk "$bin/file_proposals" --data "$data" --count 1 --named >/dev/null
install -d -o "$kiosk_user" -g "$kiosk_group" -m 0700 "$work/stick"
out=$(as_kiosk "$bin/kioskctl" --data "$data" export "$work/stick/KZ24.aul" 2>&1) || fail "export as $kiosk_user: $out"
grep -q "asking kiosk-sync to sign" <<< "$out" || fail "the export did not go through kiosk-sync: $out"
grep -q "wrote $work/stick/KZ24.aul: 5 proposals, 0 volunteer sign-ups" <<< "$out" || fail "export says: $out"
[ "$(stat -c %U "$work/stick/KZ24.aul")" = "$kiosk_user" ] || fail "the bundle belongs to $(stat -c %U "$work/stick/KZ24.aul")"
[ -z "$(ls -A "$data/outgoing")" ] || fail "a staged bundle was left: $(ls -A "$data/outgoing")"
expect_owner_mode "$data/outgoing" "$sync_user:$kiosk_group 770"
grep -q "usb export for the staff: signed 5 proposals" "$work/sync.log" || fail "kiosk-sync's log: $(tail -n 5 "$work/sync.log")"
before=$(server_count)
out=$("$bin/national-api" --data "$work/server" import-bundle "$work/stick/KZ24.aul") || fail "import-bundle: $out"
grep -q "5 stored, 0 duplicates, 0 conflicts, 0 rejected" <<< "$out" || fail "import-bundle says: $out"
[ "$(server_count)" = $((before + 5)) ] || fail "the server holds $(server_count) proposals, not $((before + 5))"
ok "kioskctl export as $kiosk_user: kiosk-sync signed, nothing left staged; the office stored all 5: $out"
stop_sync

# The older layout: the secrets in the data folder, everything the kiosk's user's, 0600,
# the folder 0750. An upgrade's postinst moves it to this one; a second run changes nothing.
mv "$private"/* "$data/"
rmdir "$private"; rm -r "$data/outgoing"
chown -R "$kiosk_user:$kiosk_group" "$data"
find "$data" -type f -exec chmod 0600 {} +
chmod 0750 "$data"
postinst 0.1.0
expect_owner_mode "$data" "$kiosk_user:$kiosk_group 770"
expect_owner_mode "$private" "$sync_user:$kiosk_group 700"
for secret in device-token kiosk-signing-key national-ca.pem; do
  [ ! -e "$data/$secret" ] || fail "$secret was left in the data folder"
  expect_owner_mode "$private/$secret" "$sync_user:$kiosk_group 600"
done
expect_owner_mode "$data/kiosk.db" "$kiosk_user:$kiosk_group 660"
kiosk_refused cat "$private/device-token"
as_sync head -c 1 "$private/device-token" >/dev/null || fail "$sync_user cannot read the migrated token"
layout() { find "$data" -printf '%p %u:%g %m\n' | sort; }
first=$(layout)
postinst 0.1.0
[ "$(layout)" = "$first" ] || fail "a second postinst changed the layout: $(diff <(echo "$first") <(layout))"
start_server
out=$(as_sync "$bin/kiosk-sync" --data "$data" --once) || fail "kiosk-sync as $sync_user after the migration: $out"
grep -q '"delivered":5' <<< "$out" && grep -q '"outbox":0' <<< "$out" || fail "kiosk-sync after the migration: $out"
as_kiosk "$bin/kioskctl" --data "$data" status --json >/dev/null || fail "kioskctl status as $kiosk_user after the migration"
ok "the old layout migrated by postinst configure 0.1.0 (twice: no change): the token $sync_user's alone; kiosk-sync delivers"

echo "$passed passed, 0 failed"
