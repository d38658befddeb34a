#!/bin/bash
# The layout matrix: every screen (tests/ui/matrix/tour.script) in kk, ru and en, with
# standard and large text, at one screen size and the density of the panel it stands for.
# One kiosk runs the whole tour for the size; the layout check runs after every step and
# every screen is kept as a PNG under the build folder.
#   matrix.sh BIN_DIR SOURCE_DIR WIDTHxHEIGHT DPI DISPLAY
# DISPLAY is the X display number its Xvfb takes: one per size, so the sizes run in
# parallel with each other and with the tests that pick a free one.
set -eu
bin="$(cd "$1" && pwd)"; src="$(cd "$2" && pwd)"; size="$3"; dpi="$4"; display="${5:-}"
data=$(mktemp -d /tmp/aul-matrix-XXXXXX)
trap 'rm -rf "$data"' EXIT
shots="$bin/../ui-shots/matrix/$size"
rm -rf "$shots"; mkdir -p "$shots"
script="$data/tour.script"
: > "$script"
for lang in kk ru en; do
  for text in standard large; do
    sed -e "s/\bLANG\b/$lang/; s/\bTEXT\b/$text/; s/@/${lang}_${text}/g" "$src/tests/ui/matrix/tour.script" >> "$script"
  done
done
key=$("$bin/national-api" --data "$data/national" public-key)
"$bin/kioskctl" --data "$data" set-national-key "$key" >/dev/null
echo 482615 | "$bin/kioskctl" --data "$data" set-pin >/dev/null
w=${size%x*}; h=${size#*x}
status=0
if [ -n "$display" ]; then server=(-n "$display"); else server=(-a); fi
xvfb-run "${server[@]}" -s "-screen 0 ${w}x${h}x24" "$bin/kiosk" --data "$data" --config "$src/assets/config/demo.conf" \
  --size "$size" --dpi "$dpi" --script "$script" --shots "$shots" 2>"$data/kiosk.log" || status=$?
if [ "$status" -ne 0 ]; then
  grep -E "error|failed" "$data/kiosk.log" >&2 || tail -n 20 "$data/kiosk.log" >&2
  exit "$status"
fi
# Six proposals filed end to end, one per language and text size, each with a named contact.
filed=$("$bin/kioskctl" --data "$data" proposals | grep -c named || true)
if [ "$filed" -ne 6 ]; then echo "expected 6 named proposals filed, found $filed" >&2; exit 1; fi
echo "layout matrix $size at $dpi dpi: $(ls "$shots" | wc -l) screens checked in 3 languages x 2 text sizes"
