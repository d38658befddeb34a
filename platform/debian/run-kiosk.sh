#!/bin/bash
# `make run`: the whole demo on this machine. A reference national server on loopback with
# a certificate chain made here, the kiosk enrolled with it, the demo catalogue published
# through it, kiosk-sync delivering what residents file, and the kiosk on the desktop.
set -euo pipefail
data="$1"; shift
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${SDL_VIDEODRIVER:-}" != "kmsdrm" ]; then
  echo "make run: no display found. Run the kiosk under Xvfb: xvfb-run -a -s '-screen 0 1280x800x24' build/bin/kiosk --data $data --config assets/config/demo.conf --windowed 1280x800, or on a console: SDL_VIDEODRIVER=kmsdrm build/bin/kiosk --data $data --config assets/config/demo.conf" >&2
  exit 1
fi
bin=build/bin
national="$data/national"
port="${AUL_DEMO_PORT:-18443}"
mkdir -p "$data"
[ -f "$data/certs/ca.pem" ] || sh tests/sync/make-certs.sh "$data/certs"

"$bin/national-api" --data "$national" serve --listen "127.0.0.1:$port" \
  --cert "$data/certs/server.pem" --key "$data/certs/server.key" 2>>"$data/national.log" &
server=$!
sync_pid=""
trap 'kill $server $sync_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

# A demo folder made before the secrets moved to private/: moved there, as the package
# moves a board's.
if [ -f "$data/device-token" ] && [ ! -e "$data/private" ]; then
  mkdir -m 0700 "$data/private"
  for f in device-token kiosk-signing-key kiosk-signing-key.pending national-ca.pem; do
    [ ! -e "$data/$f" ] || mv "$data/$f" "$data/private/"
  done
fi
if [ ! -f "$data/private/device-token" ]; then
  "$bin/national-api" --data "$national" publish-catalog assets/demo/catalog.json
  "$bin/kioskctl" --data "$data" set-kiosk-code KZ24 >/dev/null  # as assets/config/demo.conf says
  code=$("$bin/national-api" --data "$national" enrollment-code | tail -n 1)
  "$bin/kioskctl" --data "$data" enroll "https://localhost:$port" "$code" --ca "$data/certs/ca.pem"
  "$bin/kiosk-sync" --data "$data" --once >/dev/null || true
  # The staff panel's PIN for the demo (on a board the installer chooses one).
  echo 482615 | "$bin/kioskctl" --data "$data" set-pin >/dev/null
fi
"$bin/kiosk-sync" --data "$data" 2>>"$data/kiosk-sync.log" &
sync_pid=$!
cat <<TXT
demo: national server https://localhost:$port (data in $national), kiosk-sync running.
      File a proposal on the kiosk, then answer it as the operators would:
        $bin/national-api --data $national proposals --json
        $bin/national-api --data $national set-status CODE in_review --answer "..."
      (CODE as the receipt shows it, e.g. KZ24VEN4AWD) and follow it on the kiosk's Track screen.
      Staff panel: hold the top-left corner of the home screen 3 s, PIN 482615.
TXT
# Exit code 75: staff asked for a restart from the panel (systemd does this on a board).
rc=75
while [ "$rc" = 75 ]; do
  rc=0
  "$bin/kiosk" --data "$data" --config assets/config/demo.conf "$@" || rc=$?
done
exit "$rc"
