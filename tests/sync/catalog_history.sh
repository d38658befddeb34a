#!/bin/bash
# The case that stranded fresh kiosks, end to end: 2 500 NGOs published, a region renamed
# and a category reworded and published again (their new versions travel after the NGOs
# that use them), then a fresh kiosk enrols and syncs: every organisation arrives.
#   catalog_history.sh BIN_DIR
name=catalog_history
bin="$1"
source "$(dirname "$0")/lib.sh"

start_server
"$bin/gen_catalog" --count 2500 --seed 21 --out "$work/catalog.json"
"$bin/national-api" --data "$work/server" publish-catalog "$work/catalog.json" >/dev/null
sed -e '/"code":"KZ-19",/ s/"ru":"Алматинская область"/"ru":"Алматинская область (переименована)"/' \
    -e '/"code":"health",/ s/"en":"Health"/"en":"Health and care"/' "$work/catalog.json" > "$work/edited.json"
published=$("$bin/national-api" --data "$work/server" publish-catalog "$work/edited.json")
grep -q "2 new or changed\|^published: 2 new or changed" <<< "$published" || fail "the edit: $published"
kiosk="$work/kiosk"
enrol "$kiosk"
out=$("$bin/kiosk-sync" --data "$kiosk" --once) || fail "a fresh kiosk's sync: $out"
"$bin/kioskctl" --data "$kiosk" catalog | grep -q $'^organisations\t2500$' || fail "after the sync: $("$bin/kioskctl" --data "$kiosk" catalog)"
requests=$(sed -n 's/.*"requests":\([0-9]*\).*/\1/p' <<< "$out")
[ "$requests" -ge 4 ] || fail "the catalogue came in $requests requests: it did not span pages, the test proves nothing"
check "2 500 NGOs, a region renamed and a category reworded after them: a fresh kiosk got all 2 500 ($out)"
echo "1 passed, 0 failed"
