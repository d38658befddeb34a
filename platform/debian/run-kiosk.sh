#!/bin/sh
# Starts the kiosk for `make run`: on the desktop if there is one, else says how.
set -eu
data="$1"; shift
mkdir -p "$data"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${SDL_VIDEODRIVER:-}" != "kmsdrm" ]; then
  echo "make run: no display found. Run the kiosk under Xvfb: xvfb-run -a -s '-screen 0 1280x800x24' build/bin/kiosk --data $data --config assets/config/demo.conf --windowed 1280x800, or on a console: SDL_VIDEODRIVER=kmsdrm build/bin/kiosk --data $data --config assets/config/demo.conf" >&2
  exit 1
fi
# The demo kiosk holds the reference server's public key, as an enrolled kiosk would, so
# named proposals and volunteer sign-ups are sealed and work.
if [ ! -f "$data/kiosk.db" ]; then
  key=$(build/bin/national-api --data "$data/national" public-key)
  build/bin/kioskctl --data "$data" set-national-key "$key" >/dev/null
fi
exec build/bin/kiosk --data "$data" --config assets/config/demo.conf "$@"
