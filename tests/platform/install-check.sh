#!/bin/bash
# `make package-check`: the packages installed into a fresh Debian 12 as an operator would
# (dpkg -i, then apt-get -f install for the dependencies), in a chroot made by debootstrap.
# Checks the users and folders the postinst made, the conffile, that the programs run there
# (kioskctl as root works as kiosk-sync's user; kiosk-sync runs as aul-sync; the kiosk draws
# its home screen off-screen with the installed fonts, GL drivers and assets), systemd-analyze on the
# installed units, that nothing is enabled until the operator says so, that an edited
# conffile and the operator's enablement survive a reinstall, and remove and purge.
#   install-check.sh DEB...   (aul and aul-national-api, as `make package` lists them)
# Needs root and the network (the Debian mirror, AUL_DEBIAN_MIRROR to use another). The
# bare Debian is cached beside the packages (bookworm-base.tar), so later runs skip
# debootstrap. AUL_KEEP_ROOT=1 keeps the chroot for a look after a failure.
set -euo pipefail
kiosk_deb=""; server_deb=""
for deb in "$@"; do
  case "$(dpkg-deb --field "$deb" Package)" in
    aul) kiosk_deb="$(realpath "$deb")" ;;
    aul-national-api) server_deb="$(realpath "$deb")" ;;
  esac
done
mirror="${AUL_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
cache="$(dirname "$kiosk_deb")/bookworm-base.tar"
fail() { echo "install-check: FAILED: $*" >&2; exit 1; }
passed=0
ok() { passed=$((passed + 1)); echo "install-check: ok: $*"; }
[ -n "$kiosk_deb" ] && [ -n "$server_deb" ] || fail "give the aul and aul-national-api .deb files (make package-check)"
[ "$(id -u)" -eq 0 ] || fail "run as root: it builds a chroot (sudo make package-check)"
for tool in debootstrap chroot; do command -v "$tool" >/dev/null || fail "$tool is missing (make deps)"; done

root=$(mktemp -d /var/tmp/aul-install-XXXXXX)
chmod 755 "$root"  # a Debian root: apt's _apt user must reach /var/lib/apt inside
cleanup() {
  [ -n "${AUL_KEEP_ROOT:-}" ] && { echo "install-check: root kept in $root" >&2; umount "$root/proc" 2>/dev/null; return; }
  mountpoint -q "$root/proc" && umount "$root/proc"
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
in_root() { chroot "$root" "$@"; }
as_aul() { chroot --userspec=aul:aul "$root" env HOME=/var/lib/aul "$@"; }
as_aul_sync() { chroot --userspec=aul-sync:aul "$root" env HOME=/var/lib/aul "$@"; }
owner() { in_root stat -c "$2" "$1"; }  # names from the chroot's users, not this machine's
timer=0
lap() { local now; now=$(date +%s); echo "$(( now - timer )) s"; timer=$now; }

timer=$(date +%s)
if [ ! -f "$cache" ]; then
  # systemd only for systemd-analyze: the package itself does not need it to install.
  debootstrap --variant=minbase --include=systemd bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 \
    || fail "debootstrap: $(tail -n 5 "$root.debootstrap.log")"
  rm -f "$root.debootstrap.log"
  tar --numeric-owner -C "$root" -cf "$cache" .
  ok "debootstrap of bookworm (minbase and systemd) in $(lap), cached in $cache"
else
  tar --numeric-owner -C "$root" -xf "$cache"
  ok "bookworm from the cache $cache in $(lap)"
fi
mount -t proc proc "$root/proc"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# Nothing may start in the chroot: deb-systemd-invoke asks policy-rc.d first.
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"; chmod 755 "$root/usr/sbin/policy-rc.d"
cp "$kiosk_deb" "$server_deb" "$root/tmp/"
kiosk_pkg="/tmp/$(basename "$kiosk_deb")"; server_pkg="/tmp/$(basename "$server_deb")"
version=$(dpkg-deb --field "$kiosk_deb" Version)

# As the README says for a board without internet: dpkg -i stops at missing dependencies,
# apt-get -f install fetches them and finishes the configuration.
export DEBIAN_FRONTEND=noninteractive
in_root dpkg -i "$kiosk_pkg" "$server_pkg" >"$root/tmp/dpkg.log" 2>&1 || true
in_root apt-get update -qq >/dev/null
in_root apt-get -f install -y -qq --no-install-recommends >"$root/tmp/apt.log" 2>&1 || fail "apt-get -f install: $(tail -n 20 "$root/tmp/apt.log")"
for pkg in aul aul-national-api; do
  [ "$(in_root dpkg-query -W -f='${db:Status-Status}' "$pkg")" = installed ] || fail "$pkg is not installed: $(tail "$root/tmp/apt.log")"
done
ok "dpkg -i, then apt-get -f install: aul and aul-national-api $version installed in $(lap)"

in_root getent passwd aul >/dev/null || fail "no user aul"
in_root getent passwd aul-sync >/dev/null || fail "no user aul-sync"
[ "$(in_root id -gn aul-sync)" = aul ] || fail "aul-sync's primary group is $(in_root id -gn aul-sync)"
layout() {  # the data folder's owners and modes as the postinst sets them
  [ "$(owner /var/lib/aul '%U:%G %a')" = "aul:aul 770" ] || fail "/var/lib/aul is $(owner /var/lib/aul '%U:%G %a')"
  [ "$(owner /var/lib/aul/private '%U:%G %a')" = "aul-sync:aul 700" ] \
    || fail "/var/lib/aul/private is $(owner /var/lib/aul/private '%U:%G %a')"
}
layout
in_root dpkg-query -W -f='${Conffiles}\n' aul | grep -q "^ /etc/aul/kiosk.conf " || fail "kiosk.conf is not a conffile"
ok "the postinst made the system users aul and aul-sync (group aul), /var/lib/aul (aul:aul 0770) and its private/ (aul-sync:aul 0700); /etc/aul/kiosk.conf is a conffile"

[ "$(in_root kioskctl --version)" = "kioskctl $version" ] || fail "kioskctl --version: $(in_root kioskctl --version)"
in_root kioskctl --data /var/lib/aul set-kiosk-code KZ24 >/dev/null
in_root kioskctl --data /var/lib/aul status --json | grep -q '"kiosk_code":"KZ24"' || fail "kioskctl status"
[ "$(owner /var/lib/aul/kiosk.db '%U:%G %a')" = "aul-sync:aul 660" ] \
  || fail "kiosk.db made by root's kioskctl is $(owner /var/lib/aul/kiosk.db '%U:%G %a')"
as_aul kioskctl --data /var/lib/aul status --json | grep -q '"kiosk_code":"KZ24"' || fail "kioskctl status as aul"
as_aul ls /var/lib/aul/private >/dev/null 2>&1 && fail "aul can list /var/lib/aul/private"
ok "kioskctl --version and status run; as root it made kiosk.db as aul-sync (group aul, 0660), which aul opens; private/ is closed to aul"

status=0
out=$(as_aul_sync kiosk-sync --data /var/lib/aul --once 2>&1) || status=$?
[ "$status" -eq 1 ] && grep -q "not enrolled" <<< "$out" || fail "kiosk-sync --once before enrolment: exit $status, $out"
out=$(in_root national-api --data /tmp/national enrollment-code) || fail "national-api: $out"
ok "kiosk-sync runs as aul-sync (not enrolled yet, it says so); national-api runs"

# The installed kiosk, as user aul, draws its home screen without a display: the fonts,
# GL drivers and assets come from the packages, nothing from this machine.
shot=/tmp/aul-shot
as_aul mkdir -p "$shot"
if ! as_aul env SDL_VIDEODRIVER=offscreen kiosk --data "$shot" --screenshot "$shot/home.png" --screen home \
     >"$root/tmp/kiosk.log" 2>&1; then
  fail "the installed kiosk did not draw: $(cat "$root/tmp/kiosk.log")"
fi
grep -q "catalogue seeded from /usr/share/aul/demo/catalog.json" "$root/tmp/kiosk.log" \
  || fail "assets not from /usr/share/aul: $(cat "$root/tmp/kiosk.log")"
[ "$(stat -c %s "$root$shot/home.png")" -gt 20000 ] || fail "a blank home screen"
cp "$root$shot/home.png" "$(dirname "$kiosk_deb")/install-check-home.png"
ok "the installed kiosk draws its home screen as aul (copy: $(dirname "$kiosk_deb")/install-check-home.png)"

units="/lib/systemd/system/aul-kiosk.service /lib/systemd/system/aul-kiosk-sync.service"
# shellcheck disable=SC2086
verify=$(in_root systemd-analyze verify $units 2>&1) || fail "systemd-analyze verify: $verify"
problems=$(grep -i -e error -e unknown -e failed -e "not found" <<< "$verify" || true)
[ -z "$problems" ] || fail "systemd-analyze verify: $problems"
wants="$root/etc/systemd/system/multi-user.target.wants"
[ ! -e "$wants/aul-kiosk.service" ] && [ ! -e "$wants/aul-kiosk-sync.service" ] || fail "a unit was enabled by the install"
ok "systemd-analyze verify passes the installed units; nothing is enabled until the operator says so"

# An update as the README describes it, over an operator's settings and enabled units:
# the same files under a higher version stand in for the next release.
sed -i 's/^code =$/code = KZ24/' "$root/etc/aul/kiosk.conf"
in_root systemctl enable aul-kiosk.service aul-kiosk-sync.service >/dev/null 2>&1
dpkg-deb -R "$kiosk_deb" "$root/tmp/next"
sed -i "s/^Version: .*/Version: $version+next/" "$root/tmp/next/DEBIAN/control"
dpkg-deb -b --root-owner-group "$root/tmp/next" "$root/tmp/aul-next.deb" >/dev/null
in_root dpkg -i /tmp/aul-next.deb >"$root/tmp/dpkg.log" 2>&1 || fail "update: $(cat "$root/tmp/dpkg.log")"
[ "$(in_root dpkg-query -W -f='${Version}' aul)" = "$version+next" ] || fail "the update did not install"
grep -q "^code = KZ24$" "$root/etc/aul/kiosk.conf" || fail "the edited kiosk.conf was replaced"
[ -L "$wants/aul-kiosk.service" ] && [ -L "$wants/aul-kiosk-sync.service" ] || fail "the update lost the enablement"
layout
[ "$(owner /var/lib/aul/kiosk.db '%G %a')" = "aul 660" ] || fail "after the update kiosk.db is $(owner /var/lib/aul/kiosk.db '%U:%G %a')"
ok "an update keeps the edited /etc/aul/kiosk.conf, the enabled units and the data folder's owners and modes"

in_root dpkg -r aul >"$root/tmp/dpkg.log" 2>&1 || fail "dpkg -r: $(cat "$root/tmp/dpkg.log")"
[ ! -e "$root/usr/bin/kiosk" ] && [ ! -e "$root/lib/systemd/system/aul-kiosk.service" ] && [ -f "$root/etc/aul/kiosk.conf" ] \
  || fail "after dpkg -r"
in_root dpkg -P aul >"$root/tmp/dpkg.log" 2>&1 || fail "dpkg -P: $(cat "$root/tmp/dpkg.log")"
[ ! -e "$root/etc/aul/kiosk.conf" ] && [ -f "$root/var/lib/aul/kiosk.db" ] && [ ! -e "$wants/aul-kiosk.service" ] \
  && [ ! -e "$root/etc/systemd/system/aul-kiosk.service" ] || fail "after dpkg -P"
grep -q "kept in /var/lib/aul" "$root/tmp/dpkg.log" || fail "purge did not say where the data was kept"
in_root getent passwd aul >/dev/null && in_root getent passwd aul-sync >/dev/null || fail "purge removed a user"
ok "remove keeps the settings; purge removes them and the enablement, keeps /var/lib/aul, the users, and says so"

echo "install-check: $passed passed, 0 failed, in ${SECONDS} s"
