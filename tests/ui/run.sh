#!/bin/sh
# Runs the kiosk on a fresh data folder under Xvfb, either replaying a script or taking a
# screenshot, as a resident's session would run on a 1280x800 panel.
#   run.sh KIOSK script FILE SHOTS_DIR
#   run.sh KIOSK shot SCREEN LANG OUT.png
set -eu
kiosk="$1"; mode="$2"; shift 2
data=$(mktemp -d /tmp/aul-ui-XXXXXX)
trap 'rm -rf "$data"' EXIT
conf="$(dirname "$0")/../../assets/config/demo.conf"
# A script may bring its own settings beside it (NAME.conf), e.g. short idle times.
if [ "$mode" = script ] && [ -f "${1%.script}.conf" ]; then conf="${1%.script}.conf"; fi
# A kiosk enrolled by hand: the national key from a reference server's store, so named
# proposals and sign-ups can be sealed as on an enrolled kiosk.
bin="$(dirname "$kiosk")"
key=$("$bin/national-api" --data "$data/national" public-key)
"$bin/kioskctl" --data "$data" set-national-key "$key" >/dev/null
run() { xvfb-run -a -s "-screen 0 1280x800x24" "$kiosk" --data "$data" --config "$conf" --size 1280x800 "$@"; }
case "$mode" in
  script)
    mkdir -p "$2"
    log="$data/kiosk.log"
    status=0
    run --script "$1" --shots "$2" 2>"$log" || status=$?
    cat "$log" >&2
    [ "$status" -eq 0 ] || exit "$status"
    # NAME.private lists what the resident typed that is personal: none of it may reach the log.
    private="${1%.script}.private"
    if [ -f "$private" ]; then
      while IFS= read -r secret; do
        [ -n "$secret" ] || continue
        if grep -qF -- "$secret" "$log"; then echo "personal data in the log: $secret" >&2; exit 1; fi
      done < "$private"
    fi
    # NAME.expect lists proposals the session must have left in the database, as
    # `kioskctl proposals` prints them.
    expect="${1%.script}.expect"
    if [ -f "$expect" ]; then
      got=$("$(dirname "$kiosk")/kioskctl" --data "$data" proposals)
      if [ "$got" != "$(cat "$expect")" ]; then
        printf 'database holds:\n%s\nexpected:\n%s\n' "$got" "$(cat "$expect")" >&2
        exit 1
      fi
    fi
    # NAME.places lists the place each of them is about, as the database holds it: tracking
    # code, region, district and settlement, tab-separated.
    places="${1%.script}.places"
    if [ -f "$places" ]; then
      got=$(sqlite3 -separator "$(printf '\t')" "$data/kiosk.db" \
        "SELECT tracking_code, region, district, settlement FROM proposals ORDER BY sequence")
      if [ "$got" != "$(cat "$places")" ]; then
        printf 'the proposals are about:\n%s\nexpected:\n%s\n' "$got" "$(cat "$places")" >&2
        exit 1
      fi
    fi ;;
  shot)
    mkdir -p "$(dirname "$3")"
    run --screen "$1" --lang "$2" --screenshot "$3"
    # A blank or failed frame compresses to almost nothing; a drawn screen does not.
    size=$(stat -c %s "$3")
    if [ "$size" -lt 20000 ]; then echo "screenshot $3 is only $size bytes: nothing was drawn" >&2; exit 1; fi ;;
  *) echo "run.sh: unknown mode $mode" >&2; exit 2 ;;
esac
