# Cross build for 64-bit ARM boards (Debian's arm64) on a Debian 12 machine of another
# architecture: Debian's cross compiler (crossbuild-essential-arm64) and the arm64
# development packages installed beside the host's (multiarch), as
# platform/debian/install-deps.sh --arm64 installs them. The `arm64` preset uses this file;
# `make package ARCH=arm64` and `make test-arm64` run it.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

# Libraries and headers from the arm64 multiarch folders (/usr/lib/aarch64-linux-gnu,
# /usr/include/aarch64-linux-gnu), never the host's; programs (pkg-config, bash) from the host.
# libpq-dev is not multiarch: platform/debian/cross-libpq.sh unpacks its arm64 headers and
# pkg-config file into the build folder, for the arm64 libpq5 that is installed.
# (This file is read again for each compiler check, in a folder of its own: the build
# folder is the first one's.)
get_property(aul_in_try_compile GLOBAL PROPERTY IN_TRY_COMPILE)
if(NOT aul_in_try_compile)
  set(AUL_CROSS_LIBPQ_DIR "${CMAKE_BINARY_DIR}/sysroot" CACHE PATH
      "where platform/debian/cross-libpq.sh unpacked libpq-dev for arm64")
  set(ENV{PKG_CONFIG_LIBDIR}
      "${AUL_CROSS_LIBPQ_DIR}/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
endif()

# The test programs run on this machine under qemu's user-mode emulator, which needs no
# binfmt registration: ctest puts it before each test program.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64-static)

# The packages are arm64 ones, whatever machine builds them (platform/debian/package.cmake).
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
