#!/bin/bash
# "Take it home": the QR code beside an organisation's contact, read off real screenshots
# with a QR decoder (zbarimg) as a phone camera would read the screen, must carry that
# organisation's catalogue record as a vCard: the name in the reader's language (with the
# catalogue's fallback), phone, email and address, each only when published.
# The organisation's page in Kazakh, Russian and English (and English in high contrast),
# and the first volunteer opportunity near the kiosk in Russian. The screenshots are kept
# in build/ui-shots/contact_qr/.
#   contact_qr.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin="$(cd "$1" && pwd)"; src="$(cd "$2" && pwd)"
fail() { echo "contact_qr: FAILED: $*" >&2; exit 1; }
command -v zbarimg >/dev/null || fail "zbarimg is missing: run platform/debian/install-deps.sh (zbar-tools)"
work=$(mktemp -d /tmp/aul-contact-qr-XXXXXX)
trap 'rm -rf "$work"' EXIT
data="$work/kiosk"; db="$data/kiosk.db"; shots="$work/shots"
mkdir -p "$data"
"$bin/kioskctl" --data "$data" import-catalog "$src/assets/demo/catalog.json" >/dev/null
key=$("$bin/national-api" --data "$work/national" public-key)
"$bin/kioskctl" --data "$data" set-national-key "$key" >/dev/null  # sign-ups open, as on an enrolled kiosk
sql() { sqlite3 -batch -noheader "$db" "$1"; }

# What the kiosk reads in each language: that language's text, else the one its reader
# most likely reads (core::LocalText::in).
in_lang() { # COLUMN_STEM LANG
  case "$2" in
    kk) echo "coalesce(nullif($1_kk, ''), nullif($1_ru, ''), $1_en)" ;;
    ru) echo "coalesce(nullif($1_ru, ''), nullif($1_kk, ''), $1_en)" ;;
    en) echo "coalesce(nullif($1_en, ''), nullif($1_ru, ''), $1_kk)" ;;
  esac
}

# Runs the kiosk on SCREEN in LANG with a script, writing its shots.
run_kiosk() { # SCREEN LANG SCRIPT
  local status=0
  xvfb-run -a -s "-screen 0 1280x800x24" "$bin/kiosk" --data "$data" --config "$src/assets/config/demo.conf" \
    --size 1280x800 --screen "$1" --lang "$2" --script "$3" --shots "$shots" >"$work/log" 2>&1 || status=$?
  [ "$status" = 0 ] || fail "the kiosk's script on $1 failed: $(tail -n 3 "$work/log")"
}

# Every QR code in a screenshot, decoded, one vCard a file: DIR/1.vcf, DIR/2.vcf, ...
decode() { # PNG DIR
  mkdir -p "$2"
  local raw="$2/raw" status=0
  zbarimg --raw -q "$1" >"$raw" 2>"$2/err" || status=$?
  [ "$status" = 0 ] || fail "no QR code could be read in $(basename "$1") (zbarimg exit $status: $(grep -v -i -e dbus -e "^connection" "$2/err" | tail -n 2))"
  awk -v dir="$2" '/^BEGIN:VCARD/ { n++ } n { printf "%s\n", $0 > (dir "/" n ".vcf") }' "$raw"
  ls "$2"/*.vcf >/dev/null 2>&1 || fail "the QR code in $(basename "$1") holds no vCard: $(head -c 200 "$raw")"
}

# A decoded vCard's content lines: CR dropped, folded lines joined.
unfold() { tr -d '\r' <"$1" | sed -e ':a' -e '$!N;s/\n //;ta' -e 'P;D'; }

# A property's value in a decoded vCard (NAME with its parameters), escapes undone; "" when absent.
prop() { # FILE NAME
  unfold "$1" | awk -v p="$2:" 'index($0, p) == 1 { print substr($0, length(p) + 1); exit }' |
    sed -e 's/\\\\/\x01/g' -e 's/\\n/\n/g' -e 's/\\,/,/g' -e 's/\\;/;/g' -e 's/\x01/\\/g'
}

# The checks of one decoded card against one catalogue record; prints what differs.
differences() { # FILE NAME PHONE EMAIL ADDRESS
  local f="$1" adr street
  [ "$(prop "$f" FN)" = "$2" ] || echo "FN is '$(prop "$f" FN)', the catalogue says '$2'"
  [ "$(prop "$f" ORG)" = "$2" ] || echo "ORG is '$(prop "$f" ORG)', the catalogue says '$2'"
  [ "$(prop "$f" 'TEL;TYPE=WORK,VOICE')" = "$3" ] || echo "TEL is '$(prop "$f" 'TEL;TYPE=WORK,VOICE')', the catalogue says '$3'"
  [ "$(prop "$f" 'EMAIL;TYPE=INTERNET')" = "$4" ] || echo "EMAIL is '$(prop "$f" 'EMAIL;TYPE=INTERNET')', the catalogue says '$4'"
  adr=$(prop "$f" 'ADR;TYPE=WORK'); street=""
  if [ -n "$adr" ]; then street="${adr#;;}"; street="${street%;;;;}"; fi
  [ "$street" = "$5" ] || echo "the ADR street is '$street', the catalogue says '$5'"
  head -n1 "$f" | grep -q '^BEGIN:VCARD' || echo "it does not start with BEGIN:VCARD"
  grep -q '^VERSION:3.0' "$f" || echo "it is not vCard 3.0"
  grep -q '^END:VCARD' "$f" || echo "it does not end with END:VCARD"
}

# The NGO's record in LANG, one field a line: name, phone, email, address.
record() { # NGO_ID LANG
  sql "SELECT $(in_lang name "$2") FROM ngos WHERE id = '$1'"
  sql "SELECT phone FROM ngos WHERE id = '$1'"
  sql "SELECT email FROM ngos WHERE id = '$1'"
  sql "SELECT $(in_lang address "$2") FROM ngos WHERE id = '$1'"
}

# Some decoded card in DIR matches the record of NGO_ID in LANG; else fails with the differences.
expect_card() { # DIR NGO_ID LANG WHAT
  local name phone email address f diff all=""
  { IFS= read -r name; IFS= read -r phone; IFS= read -r email; IFS= read -r address; } < <(record "$2" "$3")
  for f in "$1"/*.vcf; do
    diff=$(differences "$f" "$name" "$phone" "$email" "$address")
    if [ -z "$diff" ]; then echo "contact_qr: $4: ok ($name, ${phone:-no phone}, ${email:-no email})"; return 0; fi
    all="$all"$'\n'"$(basename "$f"): $diff"
  done
  fail "$4: no QR code carries the record shown ($2):$all"
}

# The organisation's page: the first organisation (by id) that publishes a phone, an email,
# an address and its name in all three languages, found by its Kazakh name in the catalogue's search
# and checked on screen by its name before its QR code is read.
ngo=$(sql "SELECT id FROM ngos WHERE phone <> '' AND email <> '' AND address_kk <> '' AND name_kk <> ''
           AND name_ru <> '' AND name_en <> '' AND length(name_kk) <= 70 ORDER BY id LIMIT 1")
[ -n "$ngo" ] || fail "no organisation in the catalogue publishes a phone, an email and an address"
name_of() { sql "SELECT $(in_lang name "$2") FROM ngos WHERE id = '$1'"; }
{
  echo "tap id:ngos.region.all"  # the catalogue opens on the kiosk's own region
  echo "tap id:ngos.search"
  echo "press \"$(name_of "$ngo" kk)\""
  echo "tap id:ngos.result.0"
  echo "expect \"$(name_of "$ngo" kk)\""
  echo "drag 0 -2000"
  echo "expect \"БСН\""
  echo "shot ngo_kk"
  echo "lang ru"
  echo "drag 0 2000"
  echo "expect \"$(name_of "$ngo" ru)\""
  echo "drag 0 -2000"
  echo "shot ngo_ru"
  echo "lang en"
  echo "drag 0 2000"
  echo "expect \"$(name_of "$ngo" en)\""
  echo "drag 0 -2000"
  echo "expect-targets 15"
  echo "shot ngo_en"
  echo "tap id:nav.display"
  echo "tap id:sheet.contrast"
  echo "tap id:sheet.close"
  echo "drag 0 -2000"
  echo "shot ngo_en_contrast"
} >"$work/ngo.script"
run_kiosk ngos kk "$work/ngo.script"
for shot in ngo_kk:kk ngo_ru:ru ngo_en:en ngo_en_contrast:en; do
  decode "$shots/${shot%%:*}.png" "$work/cards/${shot%%:*}"
  expect_card "$work/cards/${shot%%:*}" "$ngo" "${shot##*:}" "organisation page, ${shot%%:*}"
done

# The volunteer list: its first opportunity (the kiosk's region first, then by id), with
# its organisation's contact beside it.
region=$(sed -n 's/^region *= *//p' "$src/assets/config/demo.conf" | head -n1)
opp=$(sql "SELECT id FROM opportunities ORDER BY (coalesce(region, '') = '$region') DESC, id LIMIT 1")
opp_ngo=$(sql "SELECT ngo FROM opportunities WHERE id = '$opp'")
{
  echo "expect \"$(sql "SELECT $(in_lang title ru) FROM opportunities WHERE id = '$opp'")\""
  echo "expect \"$(name_of "$opp_ngo" ru)\""
  echo "expect-targets 15"
  echo "shot volunteer_ru"
} >"$work/volunteer.script"
run_kiosk volunteer ru "$work/volunteer.script"
decode "$shots/volunteer_ru.png" "$work/cards/volunteer_ru"
expect_card "$work/cards/volunteer_ru" "$opp_ngo" ru "volunteer opportunity $opp, ru"

mkdir -p "$bin/../ui-shots/contact_qr" && cp "$shots"/*.png "$bin/../ui-shots/contact_qr/"
echo "1 passed, 0 failed"
