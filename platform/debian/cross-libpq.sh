#!/bin/sh
# Unpacks Debian's libpq-dev for a foreign architecture into a folder of the cross build:
#   cross-libpq.sh ARCH DIR      e.g. cross-libpq.sh arm64 build-arm64/sysroot
# libpq-dev is not multiarch (it cannot be installed for arm64 beside the host's), but
# libpq5 is: install-deps.sh --arm64 installs libpq5:arm64, and this takes the headers and
# the pkg-config file of the very same version from Debian's archive, so that the national
# server links the installed /usr/lib/TRIPLET/libpq.so.5 and its package depends on libpq5.
# Idempotent: does nothing when that version is unpacked already. Needs no root.
set -eu
arch=$1
dir=$2
version=$(dpkg-query -W -f='${Version}' "libpq5:$arch" 2>/dev/null) || {
  echo "cross-libpq: libpq5:$arch is not installed; run platform/debian/install-deps.sh --$arch" >&2
  exit 1
}
triplet=$(dpkg-architecture -q DEB_HOST_MULTIARCH -a "$arch" 2>/dev/null)
stamp="$dir/libpq-dev_${version}_$arch"
[ -e "$stamp" ] && exit 0

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# _apt (apt's download user) may not enter a private temporary folder: root downloads itself.
(cd "$tmp" && apt-get download -q -o APT::Sandbox::User="$(id -un)" "libpq-dev:$arch=$version" >/dev/null)
rm -rf "$dir/usr"
dpkg-deb -x "$tmp"/libpq-dev_*_"$arch".deb "$dir"
# Link the installed library, never the static one beside it, and find the headers here.
lib="$dir/usr/lib/$triplet"
rm -f "$lib/libpq.a" "$lib/libpq.so"
ln -s "/usr/lib/$triplet/libpq.so.5" "$lib/libpq.so"
sed -i "s|^prefix=.*|prefix=$dir/usr|" "$lib/pkgconfig/libpq.pc"
rm -f "$dir"/libpq-dev_*
touch "$stamp"
echo "cross-libpq: libpq-dev $version ($arch) in $dir"
