#!/bin/bash
# Quarantine and `kioskctl requeue`, with real processes: the server refuses a sign-up for
# an organisation it never published; staff and the heartbeat both count it; once the
# operators publish the organisation, staff requeue it and the next sync delivers it.
#   requeue.sh BIN_DIR
name=requeue
bin="$1"
source "$(dirname "$0")/lib.sh"

kiosk="$work/kiosk"
api() { "$bin/national-api" --data "$work/server" "$@"; }
ctl() { "$bin/kioskctl" --data "$kiosk" "$@"; }
catalogue="$here/../../assets/demo/catalog.json"

start_server
enrol "$kiosk"
sed 's/"ngo-000001"/"ngo-900001"/g' "$catalogue" > "$work/without.json"
api publish-catalog "$work/without.json" > /dev/null

id=$("$bin/file_proposals" --data "$kiosk" --count 1 --signups)
out=$("$bin/kiosk-sync" --data "$kiosk" --once 2>/dev/null) || true
grep -q '"quarantined":1' <<< "$out" || fail "the sign-up was not quarantined: $out"
st=$(ctl status --json)
grep -q "\"quarantined\":1" <<< "$st" || fail "status does not count it: $st"
grep -q "\"item\":\"volunteer sign-up $id\",\"reason\":\"the organisation was never published" <<< "$st" \
  || fail "status does not name it: $st"
"$bin/kiosk-sync" --data "$kiosk" --once > /dev/null 2>&1 || true
api kiosks --json | grep -q '"quarantined":1' || fail "the heartbeat does not count the sign-up: $(api kiosks --json)"
check "a refused sign-up is quarantined, named by kioskctl status and counted by the heartbeat"

rc=0; ctl requeue > /dev/null 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "requeue without an item: exit $rc"
rc=0; ctl requeue NOPE-NOPE 2> "$work/err" || rc=$?
[ "$rc" = 1 ] && grep -q "no proposal has the tracking code NOPE-NOPE" "$work/err" || fail "unknown item: exit $rc, $(cat "$work/err")"
check "requeue: usage exit 2; an unknown item exit 1: $(cat "$work/err")"

api publish-catalog "$catalogue" > /dev/null  # the operators publish the organisation
out=$(ctl requeue "$id") || fail "requeue: $out"
grep -q "volunteer sign-up $id is back in the outbox" <<< "$out" || fail "requeue says: $out"
rc=0; ctl requeue "$id" 2> "$work/err" || rc=$?
[ "$rc" = 1 ] && grep -q "is not quarantined" "$work/err" || fail "requeue twice: exit $rc, $(cat "$work/err")"
out=$("$bin/kiosk-sync" --data "$kiosk" --once) || fail "sync after requeue: $out"
grep -q '"delivered":1' <<< "$out" || fail "the requeued sign-up was not delivered: $out"
[ "$(api signups)" = 1 ] || fail "the server holds $(api signups) sign-ups"
grep -q '"quarantined":0' <<< "$(ctl status --json)" || fail "still quarantined: $(ctl status --json)"
rc=0; ctl requeue "$id" 2> "$work/err" || rc=$?
[ "$rc" = 1 ] && grep -q "delivered already" "$work/err" || fail "requeue a delivered item: exit $rc, $(cat "$work/err")"
check "requeued after the cause was fixed: delivered by the next sync ($out)"
echo "1 passed, 0 failed"
