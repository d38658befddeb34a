#!/bin/bash
# Kill and restart: the kiosk is SIGKILLed at random moments ten times on a real X server;
# every restart comes back on the home screen, its lock released by the kernel, and the
# proposals confirmed before are all there. Prints the start-to-first-frame time.
#   restart.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin="$(cd "$1" && pwd)"; src="$2"
work=$(mktemp -d /tmp/aul-restart-XXXXXX)
xvfb=""
trap '[ -n "$xvfb" ] && kill $xvfb 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "restart: FAILED: $*" >&2; exit 1; }

# A display of our own for the whole loop, so the kiosk itself is what gets killed.
for n in $(seq 90 120); do
  [ -e "/tmp/.X$n-lock" ] && continue
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 0.5
  if kill -0 "$xvfb" 2>/dev/null; then export DISPLAY=":$n"; break; fi
  xvfb=""
done
[ -n "$xvfb" ] || fail "no X display could be started"

data="$work/kiosk"
mkdir -p "$data"
"$bin/kioskctl" --data "$data" set-kiosk-code KZ24 >/dev/null
"$bin/file_proposals" --data "$data" --count 3 > "$work/codes"
conf="$src/assets/config/demo.conf"
kills=0
for _ in $(seq 10); do
  "$bin/kiosk" --data "$data" --config "$conf" --windowed 1280x800 2>>"$work/log" &
  pid=$!
  sleep "$(printf "0.%03d" $(( 100 + RANDOM % 800 )))"
  kill -9 "$pid" 2>/dev/null || true
  rc=0; wait "$pid" 2>/dev/null || rc=$?
  [ "$rc" = 137 ] && kills=$((kills + 1))
done
# SIGTERM (systemctl stop) ends the kiosk cleanly: exit 0, lock released.
"$bin/kiosk" --data "$data" --config "$conf" --windowed 1280x800 2>>"$work/log" &
pid=$!
sleep 1
# The data is made ready beside the window opening: a second kiosk on the same data fails
# there, after its window opened, and must still stop at once with the reason, not hang.
rc=0; timeout 20 "$bin/kiosk" --data "$data" --config "$conf" --windowed 1280x800 2>"$work/second" || rc=$?
[ "$rc" = 2 ] || fail "a second kiosk on the same data exited with $rc: $(tail -n 3 "$work/second")"
grep -q "already running" "$work/second" || fail "a second kiosk did not say why: $(tail -n 3 "$work/second")"
# And a window that cannot open while the data opened fine: the display's reason, exit 2.
kill -TERM "$pid"; wait "$pid" || true
rc=0; SDL_VIDEODRIVER=x11 DISPLAY=:9999 timeout 20 "$bin/kiosk" --data "$data" --config "$conf" --windowed 1280x800 \
  2>"$work/nodisplay" || rc=$?
[ "$rc" = 2 ] || fail "a kiosk without a display exited with $rc: $(tail -n 3 "$work/nodisplay")"
grep -q "cannot start the display" "$work/nodisplay" || fail "no display, no reason: $(tail -n 3 "$work/nodisplay")"
"$bin/kiosk" --data "$data" --config "$conf" --windowed 1280x800 2>>"$work/log" &
pid=$!
sleep 1
kill -TERM "$pid"
rc=0; wait "$pid" || rc=$?
[ "$rc" = 0 ] || fail "the kiosk exited with $rc on SIGTERM: $(tail -n 3 "$work/log")"
[ "$kills" -ge 8 ] || fail "the kiosk was killed only $kills times: $(tail -n 3 "$work/log")"
stats=$("$bin/kiosk" --data "$data" --config "$conf" --windowed 1280x800 --stats-after 1 2>>"$work/log") \
  || fail "the kiosk did not come back: $(tail -n 3 "$work/log")"
ms=$(sed -n 's/.*"first_frame_ms": \([0-9.]*\).*/\1/p' <<< "$stats")
awk -v m="$ms" 'BEGIN { exit !(m < 2000) }' || fail "back on the home screen only after $ms ms"
listing=$("$bin/kioskctl" --data "$data" proposals)
while read -r code; do
  grep -q "^$code" <<< "$listing" || fail "proposal $code was lost"
done < "$work/codes"
grep -q "damaged" "$work/log" && fail "a restart found the database damaged"
echo "restart: ok: a second kiosk and one without a display stop with their reasons; SIGTERM ends it with exit 0; killed $kills times; back on home in $ms ms; all 3 proposals intact"
echo "1 passed, 0 failed"
