#!/bin/bash
# A full disk, for real: the kiosk's data folder on a 3 MiB tmpfs (mounted in a private
# mount namespace) filled to the last byte. Staff tools say the disk is full, filing is
# refused whole, nothing is sent aside as damaged, and once space is freed everything
# filed before is there.
#   full_disk.sh BIN_DIR
set -euo pipefail
bin="$(cd "$1" && pwd)"
if [ "${AUL_IN_NAMESPACE:-}" != 1 ]; then
  unshare -rm true 2>/dev/null || { echo "full_disk: FAILED: unshare -rm (user namespaces) is not allowed here" >&2; exit 1; }
  AUL_IN_NAMESPACE=1 exec unshare -rm bash "$0" "$@"
fi
work=$(mktemp -d /tmp/aul-full-XXXXXX)
trap 'umount "$work/disk" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "full_disk: FAILED: $*" >&2; exit 1; }
check() { echo "full_disk: ok: $*"; }

mkdir -p "$work/disk"
mount -t tmpfs -o size=3M aul-full "$work/disk"
k="$work/disk/kiosk"
mkdir "$k"
"$bin/kioskctl" --data "$k" set-kiosk-code KZ24 >/dev/null
"$bin/file_proposals" --data "$k" --count 2 > "$work/codes"
dd if=/dev/zero of="$work/disk/filler" bs=64k 2>/dev/null || true
[ "$(df --output=avail "$work/disk" | tail -n 1 | tr -d ' ')" = 0 ] || fail "the disk did not fill"

out=$("$bin/kioskctl" --data "$k" doctor 2>&1) && fail "doctor passed on a full disk: $out"
grep -q "^FAIL database.*is full.*free some space" <<< "$out" || fail "doctor's database line: $out"
grep -q "^FAIL disk.*is full: free some space" <<< "$out" || fail "doctor's disk line: $out"
check "doctor: $(tr '\n' '|' <<< "$out")"
out=$("$bin/kioskctl" --data "$k" status --json 2>&1) && fail "status claimed a reading on a full disk: $out"
grep -q "is full" <<< "$out" || fail "status on a full disk: $out"
check "status exits 1 and says: $out"
out=$("$bin/file_proposals" --data "$k" --count 1 2>&1) && fail "a proposal was filed on a full disk"
grep -q "full" <<< "$out" || fail "filing on a full disk: $out"
check "filing is refused: $out"
ls "$k" | grep -q damaged && fail "a sound database was sent aside as damaged"

rm "$work/disk/filler"
out=$("$bin/kioskctl" --data "$k" doctor 2>&1 || true)
grep -q "^ok   database" <<< "$out" || fail "doctor after freeing space: $out"
listing=$("$bin/kioskctl" --data "$k" proposals)
while read -r code; do grep -q "^$code" <<< "$listing" || fail "proposal $code was lost"; done < "$work/codes"
[ "$(grep -c . <<< "$listing")" = 2 ] || fail "the refused proposal left a trace: $listing"
check "space freed: the database opens, both proposals intact, the refused one absent"
echo "1 passed, 0 failed"
