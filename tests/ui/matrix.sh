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
shift 5 2>/dev/null || shift $#
renderers="$*"
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
# The renderer passes start from the data folder as the tour found it, so that their
# receipts show the same tracking codes.
mkdir -p "$data/fresh"
cp -a "$data"/kiosk.db* "$data/fresh/"
w=${size%x*}; h=${size#*x}
if [ -n "$display" ]; then server=(-n "$display"); else server=(-a); fi
# run_tour SCRIPT SHOTS DATA LOG [ENV...]: one kiosk through the tour.
run_tour() {
  local script="$1" out="$2" dir="$3" log="$4"; shift 4
  local status=0
  env "$@" xvfb-run "${server[@]}" -s "-screen 0 ${w}x${h}x24" "$bin/kiosk" --data "$dir" \
    --config "$src/assets/config/demo.conf" --size "$size" --dpi "$dpi" --script "$script" --shots "$out" 2>"$log" || status=$?
  if [ "$status" -ne 0 ]; then
    grep -E "error|failed" "$log" >&2 || tail -n 20 "$log" >&2
    exit "$status"
  fi
}
# expect_renderer LOG NAME VERSION_PATTERN: the kiosk drew with NAME on such a GL_VERSION.
expect_renderer() {
  if ! grep -Eq "renderer \($2\) on GL_VERSION '$3" "$1"; then
    echo "expected the $2 renderer on a GL_VERSION matching '$3'; the kiosk said:" >&2
    grep -E "drawing with|OpenGL" "$1" >&2 || tail -n 5 "$1" >&2
    exit 1
  fi
}
run_tour "$script" "$shots" "$data" "$data/kiosk.log"
expect_renderer "$data/kiosk.log" gl3 "[34]\."
# Six proposals filed end to end, one per language and text size, each with a named contact.
filed=$("$bin/kioskctl" --data "$data" proposals | grep -c named || true)
if [ "$filed" -ne 6 ]; then echo "expected 6 named proposals filed, found $filed" >&2; exit 1; fi
echo "layout matrix $size at $dpi dpi: $(ls "$shots" | wc -l) screens checked in 3 languages x 2 text sizes (gl3)"

if [ -n "$renderers" ] && ! ls "$data"/cache/*.atlas >/dev/null 2>&1; then
  echo "the kiosk kept no font atlas in $data/cache" >&2; exit 1
fi
for pass in $renderers; do
  # gl3-pairs: a GL 3.0 driver without texture swizzle, which gets the font texture as
  # luminance-alpha (two bytes a pixel) instead of coverage alone.
  renderer=$pass; texel=1
  case $pass in
    gles3) limits=(MESA_GL_VERSION_OVERRIDE=2.1); version="OpenGL ES 3" ;;
    gl2) limits=(MESA_GL_VERSION_OVERRIDE=2.1 MESA_GLES_VERSION_OVERRIDE=2.0); version="2\.1" ;;
    gl3-pairs) renderer=gl3; texel=2; version="3\.0"
      limits=(MESA_GL_VERSION_OVERRIDE=3.0 "MESA_EXTENSION_OVERRIDE=-GL_ARB_texture_swizzle -GL_EXT_texture_swizzle") ;;
    *) echo "matrix.sh: unknown renderer pass $pass (gles3, gl2 or gl3-pairs)" >&2; exit 2 ;;
  esac
  dir="$data/$pass"; out="$shots-$pass"
  rm -rf "$out"; mkdir -p "$out"
  cp -a "$data/fresh" "$dir"
  # With the font atlas the first kiosk kept: these screens are drawn from the cached atlas,
  # the reference ones from the atlas as built.
  cp -a "$data/cache" "$dir/cache"
  sed -e "s/\bLANG\b/kk/; s/\bTEXT\b/standard/; s/@/kk_standard/g" "$src/tests/ui/matrix/tour.script" > "$dir/tour.script"
  run_tour "$dir/tour.script" "$out" "$dir" "$dir/kiosk.log" "${limits[@]}"
  expect_renderer "$dir/kiosk.log" "$renderer" "$version"
  grep -q "font atlas loaded from the cache" "$dir/kiosk.log" || { echo "the $pass kiosk did not load the cached atlas" >&2; exit 1; }
  grep -q "font texture of $texel byte" "$dir/kiosk.log" || {
    echo "the $pass kiosk did not upload its font texture at $texel byte(s) a pixel:" >&2
    grep "font texture" "$dir/kiosk.log" >&2; exit 1; }
  "$bin/compare_shots" "$shots" "$out"
done
