#!/bin/bash
# The Debian packages built from this build folder's programs (cpack) hold exactly the
# files they should, with Debian's modes and owners, the settings as a conffile, the
# dependencies the kiosk needs at run time, and nothing lintian calls an error or warning.
#   package.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build="$(cd "$1" && pwd)"; src="$(cd "$2" && pwd)"; version="$3"
work=$(mktemp -d /tmp/aul-package-XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "package: FAILED: $*" >&2; exit 1; }
passed=0
ok() { passed=$((passed + 1)); echo "package: ok: $*"; }

started=$(date +%s%N)
(cd "$build" && cpack -B "$work" >"$work/cpack.log" 2>&1) || fail "cpack: $(cat "$work/cpack.log")"
arch=$(dpkg --print-architecture)
kiosk_deb="$work/aul_${version}_$arch.deb"
server_deb="$work/aul-national-api_${version}_$arch.deb"
[ -f "$kiosk_deb" ] && [ -f "$server_deb" ] || fail "expected $kiosk_deb and $server_deb: $(ls "$work")"
ok "cpack made aul and aul-national-api $version for $arch in $(( ($(date +%s%N) - started) / 1000000 )) ms"

# "MODE OWNER PATH" of every file in a package, directories left out.
files_of() { dpkg-deb --contents "$1" | awk '$1 !~ /^d/ { print $1, $2, $6 }' | sort; }
expect_files() {  # DEB, then the lines files_of must print, in any order
  local deb="$1"; shift
  local want; want=$(printf '%s\n' "$@" | sort)
  [ "$(files_of "$deb")" = "$want" ] || fail "$(basename "$deb") holds:
$(files_of "$deb")
expected:
$want"
}
prog() { echo "-rwxr-xr-x root/root ./usr/bin/$1"; }
data() { echo "-rw-r--r-- root/root ./$1"; }
docs() {  # PACKAGE: what each package carries in its doc folder and for lintian
  data "usr/share/doc/$1/README.md"; data "usr/share/doc/$1/copyright"; data "usr/share/doc/$1/changelog.gz"
  data "usr/share/lintian/overrides/$1"
}
mapfile -t kiosk_files < <(
  prog kiosk; prog kiosk-sync; prog kioskctl
  data etc/aul/kiosk.conf
  data lib/systemd/system/aul-kiosk.service; data lib/systemd/system/aul-kiosk-sync.service
  data lib/udev/rules.d/90-aul-usb.rules
  for l in en kk ru; do data "usr/share/aul/i18n/$l.json"; done
  data usr/share/aul/demo/catalog.json; data usr/share/aul/kiosk.conf.example
  data usr/share/aul/voice/names.json; data usr/share/aul/voice/pronunciation.json
  data usr/share/doc/aul/catalogue-format.md
  docs aul)
expect_files "$kiosk_deb" "${kiosk_files[@]}"
mapfile -t server_files < <(prog national-api; data usr/share/doc/aul-national-api/PROTOCOL.md
  data usr/share/doc/aul-national-api/examples/aul-national-api.service
  data usr/share/doc/aul-national-api/examples/aul-national.cfg; docs aul-national-api)
expect_files "$server_deb" "${server_files[@]}"
ok "each package holds exactly its files, root-owned, programs 0755, the rest 0644"

field() { dpkg-deb --field "$1" "$2"; }
[ "$(field "$kiosk_deb" Package)" = aul ] && [ "$(field "$kiosk_deb" Version)" = "$version" ] \
  && [ "$(field "$kiosk_deb" Architecture)" = "$arch" ] || fail "control: $(dpkg-deb --field "$kiosk_deb")"
depends=$(field "$kiosk_deb" Depends)
for need in adduser fonts-noto-core fonts-font-awesome libegl1 libgl1 libgl1-mesa-dri \
            libsdl2-2.0-0 libsqlite3-0 libcurl4 libsodium23 libsystemd0 libfreetype6 libespeak-ng1 espeak-ng-data; do
  grep -qE "(^|, )$need( |,|$)" <<< "$depends" || fail "aul does not depend on $need: $depends"
done
for need in libmicrohttpd12 libpq5 libsqlite3-0 libsodium23; do
  grep -qE "(^|, )$need( |,|$)" <<< "$(field "$server_deb" Depends)" || fail "aul-national-api Depends: $(field "$server_deb" Depends)"
done
ok "Depends: the linked libraries (dpkg-shlibdeps), fonts, GL drivers, espeak-ng's voices and adduser"

dpkg-deb --ctrl-tarfile "$kiosk_deb" | tar -x -C "$work" ./conffiles ./postinst ./prerm ./postrm
[ "$(cat "$work/conffiles")" = /etc/aul/kiosk.conf ] || fail "conffiles: $(cat "$work/conffiles")"
dpkg-deb --fsys-tarfile "$kiosk_deb" | tar -xO ./etc/aul/kiosk.conf | cmp -s - "$src/assets/config/kiosk.conf.example" \
  || fail "/etc/aul/kiosk.conf is not the annotated example"
for script in postinst prerm postrm; do
  [ "$(stat -c %a "$work/$script")" = 755 ] && sh -n "$work/$script" || fail "$script: mode or syntax"
done
ok "/etc/aul/kiosk.conf is a conffile; the maintainer scripts are executable shell"

started=$(date +%s%N)
# --fail-on warning too: every warning this package accepts is overridden with its reason
# (platform/debian/*.lintian-overrides).
if ! lintian --fail-on error,warning "$kiosk_deb" "$server_deb" >"$work/lintian.log" 2>&1; then
  fail "lintian: $(grep -v "root privileges" "$work/lintian.log")"
fi
ok "lintian: no errors, no warnings ($(( ($(date +%s%N) - started) / 1000000 )) ms)"

echo "$passed passed, 0 failed"
