#!/bin/bash
# A kiosk's life, with real processes over real TLS: enrolled, filing and delivering; its
# token lost and re-enrolled with a code the operators made for it (same kiosk code, the
# sequence continuing, the old token refused, a bundle signed with its previous key still
# imported); its database damaged and set aside, readable and not; its board replaced by
# a fresh one; codes for other kiosks and plain codes refused without being spent; a
# reply lost mid-enrolment and the same code asked again.
#   reenrol.sh BIN_DIR
name=reenrol
bin="$1"
source "$(dirname "$0")/lib.sh"

api() { "$bin/national-api" --data "$work/server" "$@"; }
ctl() { "$bin/kioskctl" --data "$@"; }
code_for() { api enrollment-code --for "$1" 2>/dev/null | tail -n 1; }
plain_code() { api enrollment-code | tail -n 1; }
kiosk_count() { api kiosks --json | grep -c . || true; }
sync_once() { "$bin/kiosk-sync" --data "$1" --once; }

# Enrolled kiosks issue keyed codes (core/tracking.h): the sequence is read back from the
# kiosk's database, and the code checked here, independently of the code under test: kiosk
# code, six characters not starting with '2' (plain codes do), one check character
# (check_char in lib.sh).
last_code=""
file_one() {  # DIR EXPECTED_SEQUENCE [KIOSK_CODE]
  local out got seq kiosk=${3:-KZ24}
  out=$("$bin/file_proposals" --data "$1" --count 1 --sequences) || fail "filing in $1: $out"
  read -r got seq <<< "$out"
  [ "$seq" = "$2" ] || fail "in $1 the next sequence is $seq, not $2 (code $got)"
  [ "${got:0:4}" = "$kiosk" ] && [ "${got:4:1}" != 2 ] && [ "${#got}" = 11 ] \
    || fail "in $1 the code $got is not a keyed code of $kiosk"
  [ "${got:10:1}" = "$(check_char "${got:0:10}")" ] || fail "in $1 the code $got has a wrong check character"
  last_code=$got
}
expect_refused() {  # WHY DIR CODE
  local why=$1; shift
  ctl "$1" enroll "$url" "$2" --ca "$work/certs/ca.pem" >"$work/out" 2>"$work/err" \
    && fail "enrolled although $why: $(cat "$work/out")"
  true
}

: > "$work/faults"
start_server --faults "$work/faults"

# --- An enrolled kiosk files and delivers; a second kiosk beside it.
k1="$work/k1"; k2="$work/k2"
mkdir -p "$k1" "$k2"
ctl "$k1" set-kiosk-code KZ24 >/dev/null
ctl "$k2" set-kiosk-code KZ25 >/dev/null
enrol "$k1"; enrol "$k2"
for s in 1 2 3; do file_one "$k1" "$s"; done
out=$(sync_once "$k1") || fail "first sync: $out"
grep -q '"delivered":3' <<< "$out" || fail "first sync: $out"
check "KZ24 enrolled, filed sequences 1 .. 3 (keyed codes, the last $last_code), delivered"

# --- Refusals that spend nothing.
cp "$k1/private/device-token" "$work/token-before"
spare=$(plain_code)
expect_refused "KZ24 belongs to an enrolled kiosk" "$k1" "$spare"
grep -q "enrollment-code --for KZ24" "$work/err" || fail "plain code message: $(cat "$work/err")"
for_k2=$(code_for KZ25)
expect_refused "the code is for KZ25" "$k1" "$for_k2"
grep -q "for kiosk KZ25" "$work/err" || fail "another kiosk's code message: $(cat "$work/err")"
cmp -s "$k1/private/device-token" "$work/token-before" || fail "a refused enrolment changed the token"
out=$(sync_once "$k1") || fail "the kiosk stopped working after refused enrolments: $out"
check "a plain code and a code for KZ25 refused for KZ24: $(cat "$work/err")"
before=$(kiosk_count)
mkdir -p "$work/k5"
ctl "$work/k5" enroll "$url" "$spare" --ca "$work/certs/ca.pem" >/dev/null || fail "the refused plain code was spent"
ctl "$k2" enroll "$url" "$for_k2" --ca "$work/certs/ca.pem" >"$work/out" || fail "the refused code for KZ25 was spent"
grep -q "kiosk code KZ25" "$work/out" || fail "KZ25 re-enrolled as: $(cat "$work/out")"
[ "$(kiosk_count)" = $((before + 1)) ] || fail "kiosks: $(api kiosks --json)"
check "neither refused code was spent: one new kiosk, KZ25 re-enrolled over its token, no orphan"

# Offline for a while: two more, carried out on a stick signed with this key.
file_one "$k1" 4; file_one "$k1" 5
ctl "$k1" export "$work/old-key.aul" >/dev/null || fail "export"
cp -r "$k1" "$work/k1-old"; rm -f "$work/k1-old/".*.lock

# --- The token is lost: re-enrolled with a code for KZ24.
rm "$k1/private/device-token"
ctl "$k1" enroll "$url" "$(code_for KZ24)" --ca "$work/certs/ca.pem" >"$work/out" || fail "re-enrol: $(cat "$work/out")"
grep -q "kiosk code KZ24" "$work/out" || fail "re-enrolled as: $(cat "$work/out")"
[ "$(stat -c %a "$k1/private/device-token")" = 600 ] || fail "the new token is readable by others"
[ ! -e "$k1/private/kiosk-signing-key.pending" ] || fail "the pending key was left behind"
cmp -s "$k1/private/kiosk-signing-key" "$work/k1-old/private/kiosk-signing-key" && fail "the signing key was not renewed"
file_one "$k1" 6
out=$(sync_once "$work/k1-old") && fail "the previous token still works: $out"
grep -q "unknown token" <<< "$out" || fail "previous token: $out"
check "re-enrolled as KZ24 after losing its token; next code $last_code (sequence 6); the old token refused"
out=$(api import-bundle "$work/old-key.aul") || fail "a bundle signed with the previous key: $out"
grep -q "2 stored" <<< "$out" || fail "import: $out"
out=$(sync_once "$k1") || fail "sync after re-enrolment: $out"
grep -q '"delivered":3' <<< "$out" || fail "sync after re-enrolment: $out"
[ "$(server_count)" = 6 ] || fail "the server holds $(server_count) proposals"
check "the bundle signed with the previous key imported; 4, 5 answered duplicate, 6 delivered"

# --- The database is damaged, its proposals still readable: set aside, re-enrolled over
# the token it still has. Sequence 7 was never sent: 8 comes next, not 7.
file_one "$k1" 7
cp "$k1/private/device-token" "$work/token-before"
"$bin/damage_db" "$k1/kiosk.db" --table categories
ctl "$k1" enroll "$url" "$(code_for KZ24)" --ca "$work/certs/ca.pem" >"$work/out" || fail "re-enrol: $(cat "$work/out")"
ls "$k1"/kiosk.db.damaged-* >/dev/null 2>&1 || fail "the damaged database was not set aside"
grep -q "kiosk code KZ24" "$work/out" || fail "re-enrolled as: $(cat "$work/out")"
cmp -s "$k1/private/device-token" "$work/token-before" && fail "the token was not replaced"
file_one "$k1" 8
out=$(sync_once "$k1") || fail "sync after the set-aside: $out"
check "damaged database set aside (readable): re-enrolled, next code $last_code (sequence 8) above the unsent 7"

# --- A new board with the same code, nothing of the old one: the gap of 1000 past the
# server's highest (8), for filings lost with the old board.
k1b="$work/k1-new-board"
mkdir -p "$k1b"
ctl "$k1b" enroll "$url" "$(code_for KZ24)" --ca "$work/certs/ca.pem" >"$work/out" || fail "new board: $(cat "$work/out")"
grep -q "kiosk code KZ24" "$work/out" || fail "new board enrolled as: $(cat "$work/out")"
file_one "$k1b" 1009
out=$(sync_once "$k1b") || fail "new board sync: $out"
out=$(sync_once "$k1") && fail "the replaced board still syncs: $out"
check "a new board keeps KZ24, next code $last_code (sequence 1009) (gap 1000); the replaced board refused"

# --- Its database damaged beyond reading: set aside; the fresh one starts above
# 1 000 000 before any server is asked, and re-enrolment keeps it there.
file_one "$k1b" 1010
"$bin/damage_db" "$k1b/kiosk.db" --all
ctl "$k1b" enroll "$url" "$(code_for KZ24)" --ca "$work/certs/ca.pem" >"$work/out" || fail "re-enrol: $(cat "$work/out")"
ls "$k1b"/kiosk.db.damaged-* >/dev/null 2>&1 || fail "the damaged database was not set aside"
file_one "$k1b" 1000001
out=$(sync_once "$k1b") || fail "sync: $out"
codes=$(api proposals --json | sed -n 's/.*"tracking_code":"\([^"]*\)".*/\1/p' | sort)
[ "$(sort -u <<< "$codes" | wc -l)" = "$(wc -l <<< "$codes")" ] || fail "a tracking code was issued twice"
[ "$(server_count)" = 9 ] || fail "the server holds $(server_count) proposals: $(api proposals --json)"
check "damaged database set aside (unreadable): next code $last_code (sequence 1000001); no code issued twice"

# --- A reply lost mid-enrolment: the code was spent, the kiosk asks again with it and
# gets the same kiosk; no one else can use it.
k3="$work/k3"; k4="$work/k4"
mkdir -p "$k3" "$k4"
code=$(plain_code)
before=$(kiosk_count)
echo truncate > "$work/faults"
ctl "$k3" enroll "$url" "$code" --ca "$work/certs/ca.pem" >"$work/out" 2>"$work/err" && fail "enrolled through a cut reply"
: > "$work/faults"
[ ! -e "$k3/private/device-token" ] || fail "a cut reply left a token"
[ "$(kiosk_count)" = $((before + 1)) ] || fail "the cut enrolment was not recorded"
check "reply cut: $(cat "$work/err")"
ctl "$k3" enroll "$url" "$code" --ca "$work/certs/ca.pem" >"$work/out" || fail "asking again: $(cat "$work/out")"
[ "$(kiosk_count)" = $((before + 1)) ] || fail "asking again made another kiosk: $(api kiosks --json)"
k3_code=$(sed -n 's/^enrolled: kiosk code \(.*\)$/\1/p' "$work/out")
[ "$(api kiosks --json | grep -c "\"kiosk_code\":\"$k3_code\"")" = 1 ] || fail "no kiosk $k3_code on the server"
out=$(sync_once "$k3") || fail "the kiosk enrolled by asking again cannot sync: $out"
expect_refused "the code was used by another kiosk" "$k4" "$code"
grep -q "used already" "$work/err" || fail "second kiosk message: $(cat "$work/err")"
[ ! -e "$k4/private/device-token" ] || fail "the second kiosk got a token"
check "asking again gave the same kiosk $k3_code and a working token; another kiosk refused: $(cat "$work/err")"

# --- Revocation still ends a token at once.
api revoke KZ24 >/dev/null
out=$(sync_once "$k1b") && fail "a revoked kiosk synced: $out"
grep -q "revoked" <<< "$out" || fail "revoked: $out"
check "revoked: refused at once"
