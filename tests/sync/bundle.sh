#!/bin/bash
# Carrying data out on USB, with real processes: a kiosk enrolled over TLS, the server
# stopped (the village offline), proposals and sign-ups filed, `kioskctl export` to a
# stick, tampered copies refused by `national-api import-bundle`, the real bundle stored
# once (and nothing more the second time), then the kiosk back online: its outbox empties
# and the server still holds exactly one copy of each item.
#   bundle.sh BIN_DIR
name=bundle
bin="$1"
source "$(dirname "$0")/lib.sh"

kiosk="$work/kiosk"
other="$work/other"
hostile="$work/hostile"
stick="$work/stick"
mkdir -p "$stick" "$work/lonely" "$work/bad"
api() { "$bin/national-api" --data "$work/server" "$@"; }
signup_count() { api signups; }
outbox() { "$bin/kioskctl" --data "$1" status --json | sed -n 's/.*"outbox":\([0-9-]*\).*/\1/p'; }
seal_kiosk_id() { sed -n '2s/.*"kiosk_id":"\([^"]*\)".*/\1/p' "$1"; }

"$bin/kioskctl" --data "$work/lonely" export "$stick/lonely.aul" 2>"$work/err" && fail "an unenrolled kiosk exported"
grep -q "kioskctl enroll" "$work/err" || fail "unenrolled export message: $(cat "$work/err")"
[ -z "$(ls "$stick")" ] || fail "an unenrolled kiosk left a file on the stick: $(ls "$stick")"
check "an unenrolled kiosk cannot export: $(cat "$work/err")"

start_server
enrol "$kiosk"
enrol "$other"
enrol "$hostile"
[ "$(stat -c %a "$kiosk/private/kiosk-signing-key")" = 600 ] || fail "the signing key is readable by others"
check "enrolled with a signing key (0600)"
stop_server

# The village offline: 60 anonymous and 5 named proposals, 4 volunteer sign-ups.
"$bin/file_proposals" --data "$kiosk" --count 60 > "$work/codes"
"$bin/file_proposals" --data "$kiosk" --count 5 --named >> "$work/codes"
"$bin/file_proposals" --data "$kiosk" --count 4 --signups > /dev/null
"$bin/file_proposals" --data "$other" --count 1 > /dev/null
[ "$(outbox "$kiosk")" = 69 ] || fail "outbox before export: $(outbox "$kiosk")"

out=$("$bin/kioskctl" --data "$kiosk" export "$stick/kiosk.aul") || fail "export: $out"
grep -q "wrote $stick/kiosk.aul: 65 proposals, 4 volunteer sign-ups" <<< "$out" || fail "export says: $out"
[ "$(ls "$stick")" = kiosk.aul ] || fail "the stick holds more than the bundle: $(ls "$stick")"
[ "$(outbox "$kiosk")" = 69 ] || fail "exporting emptied the outbox: $(outbox "$kiosk")"
check "exported: $(head -n 1 <<< "$out"); the outbox still holds 69"
for plain in "Айгүл" "Сәрсенова" "77011234567" "Данияр"; do
  grep -q "$plain" "$stick/kiosk.aul" && fail "the bundle holds '$plain' in plain text"
done
grep -q "Су құбыры 3" "$stick/kiosk.aul" || fail "the bundle lacks the proposals' text"
check "contact details are only sealed in the bundle"
"$bin/kioskctl" --data "$other" export "$stick/other.aul" >/dev/null || fail "the second kiosk's export"

# Tampered, cut, empty, foreign and unsigned copies: each refused in one line, exit 1,
# nothing stored.
kiosk_id=$(seal_kiosk_id "$stick/kiosk.aul")
other_id=$(seal_kiosk_id "$stick/other.aul")
[ -n "$kiosk_id" ] && [ -n "$other_id" ] || fail "no kiosk id in the seals"
size=$(stat -c %s "$stick/kiosk.aul")
sed '4s/Су құбыры 7"/Су құбыры 8"/' "$stick/kiosk.aul" > "$work/bad/title.aul"
cmp -s "$stick/kiosk.aul" "$work/bad/title.aul" && fail "the title edit changed nothing"
cp "$stick/kiosk.aul" "$work/bad/byte.aul"
offset=$(( size - 300 ))
byte=$(od -An -tu1 -j "$offset" -N 1 "$stick/kiosk.aul" | tr -d ' ')
printf "\\$(printf %03o $(( byte ^ 1 )))" | dd of="$work/bad/byte.aul" bs=1 seek="$offset" conv=notrunc status=none
cmp -s "$stick/kiosk.aul" "$work/bad/byte.aul" && fail "the byte flip changed nothing"
other_sig=$(sed -n '2s/.*"signature":"\([^"]*\)".*/\1/p' "$stick/other.aul")
sed "2s|\"signature\":\"[^\"]*\"|\"signature\":\"$other_sig\"|" "$stick/kiosk.aul" > "$work/bad/signature.aul"
sed "2s/$kiosk_id/$other_id/" "$stick/kiosk.aul" > "$work/bad/swapped.aul"
sed "2s/$kiosk_id/0190f3a4-b5c6-7fff-bfff-ffffffffffff/" "$stick/kiosk.aul" > "$work/bad/unknown.aul"
for n in 1 20 200 $(( size / 2 )) $(( size - 1 )); do head -c "$n" "$stick/kiosk.aul" > "$work/bad/cut-$n.aul"; done
: > "$work/bad/empty.aul"
cp "$work/certs/ca.pem" "$work/bad/not-a-bundle.aul"

refuse() {  # file, words expected in the error
  local rc=0 before
  before="$(server_count) $(signup_count)"
  api import-bundle "$1" > "$work/out" 2> "$work/err" || rc=$?
  [ "$rc" = 1 ] || fail "$(basename "$1"): exit $rc, $(cat "$work/out" "$work/err")"
  [ "$(wc -l < "$work/err")" = 1 ] || fail "$(basename "$1"): not one line: $(cat "$work/err")"
  grep -q "$2" "$work/err" || fail "$(basename "$1") reads: $(cat "$work/err")"
  [ "$(server_count) $(signup_count)" = "$before" ] || fail "$(basename "$1") stored something"
  check "$(basename "$1") refused: $(sed 's/^national-api: [^:]*: //' "$work/err")"
}
refuse "$work/bad/title.aul" "signature does not match"
refuse "$work/bad/byte.aul" "signature does not match"
refuse "$work/bad/signature.aul" "signature does not match"
refuse "$work/bad/swapped.aul" "signature does not match"
refuse "$work/bad/unknown.aul" "does not know"
for n in 1 20 200 $(( size / 2 )) $(( size - 1 )); do refuse "$work/bad/cut-$n.aul" "."; done
refuse "$work/bad/cut-$(( size - 1 )).aul" "signature does not match"
refuse "$work/bad/empty.aul" "empty"
refuse "$work/bad/not-a-bundle.aul" "not an Aul bundle"
other_code=$(sed -n 's/.*"kiosk_code":"\([^"]*\)".*/\1/p' <<< "$("$bin/kioskctl" --data "$other" status --json)")
api revoke "$other_code" > /dev/null
refuse "$stick/other.aul" "revoked"

[ "$(server_count)" = 0 ] && [ "$(signup_count)" = 0 ] || fail "refused bundles stored items"

# The real bundle: every item stored once; again: all duplicates.
out=$(api import-bundle "$stick/kiosk.aul") || fail "import: $out"
grep -q "69 stored, 0 duplicates, 0 conflicts, 0 rejected" <<< "$out" || fail "import says: $out"
[ "$(server_count)" = 65 ] || fail "the server holds $(server_count) proposals, not 65"
[ "$(signup_count)" = 4 ] || fail "the server holds $(signup_count) sign-ups, not 4"
named=$(tail -n 1 "$work/codes")
api open-contact "$named" | grep -q "Айгүл Сәрсенова" || fail "the sealed contact did not survive the stick"
check "imported: $out; a named proposal's contact opens with the server's key"
out=$(api import-bundle "$stick/kiosk.aul") || fail "second import: $out"
grep -q "0 stored, 69 duplicates" <<< "$out" || fail "second import says: $out"
[ "$(server_count)" = 65 ] && [ "$(signup_count)" = 4 ] || fail "the second import stored more"
check "imported again: $out"

# Back online: the kiosk delivers its outbox, the server answers duplicate, nothing doubles.
start_server
out=$("$bin/kiosk-sync" --data "$kiosk" --once) || fail "sync after the import: $out"
grep -q '"delivered":69' <<< "$out" || fail "sync after the import: $out"
grep -q '"outbox":0' <<< "$out" || fail "the outbox did not empty: $out"
[ "$(server_count)" = 65 ] && [ "$(signup_count)" = 4 ] || fail "the online sync doubled items"
codes=$(api proposals --json | sed -n 's/.*"tracking_code":"\([^"]*\)".*/\1/p' | sort)
[ "$codes" = "$(sort "$work/codes")" ] || fail "the server's tracking codes differ from those filed"
check "online again: $out; the server holds each of the 65 proposals and 4 sign-ups once"

# A kiosk without its key (lost, or enrolled before bundles): export says what to do, and
# the bundle signed with a new key is refused until the operators register that key.
stop_server
rm "$kiosk/private/kiosk-signing-key"
"$bin/file_proposals" --data "$kiosk" --count 2 > /dev/null
"$bin/kioskctl" --data "$kiosk" export "$stick/later.aul" 2>"$work/err" && fail "exported without a signing key"
grep -q "kioskctl signing-key" "$work/err" || fail "no-key export message: $(cat "$work/err")"
key=$("$bin/kioskctl" --data "$kiosk" signing-key 2>/dev/null) || fail "kioskctl signing-key"
[ "$("$bin/kioskctl" --data "$kiosk" signing-key 2>/dev/null)" = "$key" ] || fail "signing-key made another key"
"$bin/kioskctl" --data "$kiosk" export "$stick/later.aul" >/dev/null || fail "export with the new key"
refuse "$stick/later.aul" "signature does not match"
kiosk_code=$(sed -n 's/.*"kiosk_code":"\([^"]*\)".*/\1/p' <<< "$("$bin/kioskctl" --data "$kiosk" status --json)")
api set-signing-key "$kiosk_code" "$key" > /dev/null || fail "set-signing-key"
out=$(api import-bundle "$stick/later.aul") || fail "import with the registered key: $out"
grep -q "2 stored, 0 duplicates" <<< "$out" || fail "import with the registered key says: $out"
[ "$(server_count)" = 67 ] || fail "the server holds $(server_count) proposals, not 67"
check "a new key, registered by the operators, carries the next bundle: $out"

# A bundle whose items hold terminal escapes in their ids (a tampered kiosk database,
# signed by its kiosk): each is refused, and the operator's terminal is shown the escape,
# never sent it.
"$bin/file_proposals" --data "$hostile" --count 2 --escape-ids > /dev/null
"$bin/kioskctl" --data "$hostile" export "$stick/hostile.aul" >/dev/null || fail "the hostile kiosk's export"
api import-bundle "$stick/hostile.aul" > "$work/out" 2>&1 || fail "import of the hostile bundle: $(cat "$work/out")"
grep -q "0 stored, 0 duplicates, 0 conflicts, 2 rejected" "$work/out" || fail "hostile import says: $(cat "$work/out")"
grep -q $'\x1b' "$work/out" && fail "import-bundle printed a raw ESC: $(od -c "$work/out" | head)"
grep -q $'\x07' "$work/out" && fail "import-bundle printed a raw BEL"
grep -qF 'rejected \x1b[2J\x1b]0;owned\x07' "$work/out" || fail "the escaped id is not shown: $(cat "$work/out")"
check "ids holding terminal escapes are refused and printed escaped: $(sed -n 2p "$work/out")"
echo "1 passed, 0 failed"
