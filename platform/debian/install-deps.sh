#!/bin/sh
# Installs the Debian 12 packages Aul needs to build, test, package and run. Idempotent:
# does nothing when everything is present. Run as root (or through sudo).
# file (for cpack's dependency scan) and lintian check the .deb in `make test`;
# debootstrap makes the fresh Debian that `make package-check` installs it into; adduser
# makes the services' users for platform.separate_users, as the package does on a board;
# the tests speak to the national server with curl and edit a kiosk database with sqlite3,
# as an operator would, and read the kiosk's QR codes off its screenshots with zbarimg.
# espeak-ng gives the kiosk its voice (kk, ru, en), offline. The national server keeps its
# data in SQLite or PostgreSQL (libpq) behind libmicrohttpd; the tests start throwaway
# PostgreSQL 15 clusters and put haproxy in front of two instances, as a country would.
#
# With --arm64 it also installs what the cross build for 64-bit ARM boards needs
# (`make package ARCH=arm64`, `make test-arm64`): Debian's cross compiler, the arm64
# development packages beside the host's (multiarch), and qemu-user-static, which runs
# the arm64 unit tests on this machine. libpq-dev cannot be installed for two
# architectures at once; its arm64 headers are unpacked into the build folder instead
# (platform/debian/cross-libpq.sh), beside the arm64 libpq5 installed here.
set -eu

PACKAGES="build-essential cmake pkg-config
  libimgui-dev libsdl2-dev libgl-dev libgles-dev libegl-dev libgl1-mesa-dri
  libsqlite3-dev nlohmann-json3-dev libutf8proc-dev libfreetype-dev libinih-dev libstb-dev libqrencode-dev
  libespeak-ng-dev espeak-ng-data libsodium-dev libpq-dev postgresql-15 libmicrohttpd-dev libcurl4-openssl-dev libcpp-httplib-dev libssl-dev zlib1g-dev openssl libsystemd-dev
  fonts-noto-core fonts-font-awesome
  doctest-dev xvfb xauth curl sqlite3 zbar-tools
  file lintian debootstrap adduser haproxy"

# The cross build: the same libraries for arm64 (libpq5 only: see above), the compiler,
# dpkg-dev for dpkg-shlibdeps on the arm64 programs, and qemu for the tests.
ARM64_LIBS="libimgui-dev libsdl2-dev libgl-dev libgles-dev libegl-dev
  libsqlite3-dev libutf8proc-dev libfreetype-dev libinih-dev libstb-dev libqrencode-dev
  libespeak-ng-dev espeak-ng-data libsodium-dev libpq5 libmicrohttpd-dev libcurl4-openssl-dev libcpp-httplib-dev libssl-dev zlib1g-dev libsystemd-dev"
ARM64_TOOLS="crossbuild-essential-arm64 dpkg-dev qemu-user-static"

foreign=""
if [ "${1:-}" = "--arm64" ]; then
  PACKAGES="$PACKAGES $ARM64_TOOLS"
  for p in $ARM64_LIBS; do PACKAGES="$PACKAGES $p:arm64"; done
  dpkg --print-foreign-architectures | grep -qx arm64 || foreign=arm64
fi

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then exec sudo "$0" "$@"; fi
  echo "install-deps: missing packages:$missing; run as root to install them" >&2
  exit 1
fi
if [ -n "$foreign" ]; then
  echo "install-deps: adding the $foreign architecture to dpkg"
  dpkg --add-architecture "$foreign"
fi
echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
