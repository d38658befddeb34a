#!/bin/bash
# A kiosk running on a real X server while its catalogue is replaced underneath it (as
# kiosk-sync or a USB import does): after an idle spell the home screen counts the new one.
#   refresh.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin="$(cd "$1" && pwd)"; src="$(cd "$2" && pwd)"
work=$(mktemp -d /tmp/aul-refresh-XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "refresh: FAILED: $*" >&2; exit 1; }
{ cat "$src/assets/config/demo.conf"; printf '\n[privacy]\nidle_seconds = 2\nidle_prompt_seconds = 2\n'; } > "$work/kiosk.conf"
"$bin/gen_catalog" --count 40 --seed 4 --out "$work/new.json"
shots="$work/shots"
xvfb-run -a -s "-screen 0 1280x800x24" "$bin/kiosk" --data "$work/kiosk" --config "$work/kiosk.conf" --size 1280x800 \
  --script "$src/tests/ui/refresh/refresh.script" --shots "$shots" > "$work/log" 2>&1 &
pid=$!
for _ in $(seq 300); do [ -f "$shots/before.png" ] && break; sleep 0.1; done
[ -f "$shots/before.png" ] || fail "the kiosk never showed the first catalogue: $(tail -n 3 "$work/log")"
"$bin/kioskctl" --data "$work/kiosk" import-catalog "$work/new.json" >/dev/null || fail "import-catalog"
rc=0; wait "$pid" || rc=$?
[ "$rc" = 0 ] || fail "$(tail -n 3 "$work/log")"
grep -q "catalogue updated: 40 organisations" "$work/log" || fail "the kiosk did not log the update: $(tail -n 3 "$work/log")"
mkdir -p "$bin/../ui-shots/refresh" && cp "$shots"/*.png "$bin/../ui-shots/refresh/"
echo "refresh: ok: the kiosk showed its region's 19 of 300, then all 40 after the catalogue was replaced under it"
echo "1 passed, 0 failed"
