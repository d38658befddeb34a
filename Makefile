# The two commands of the README, plus the benchmarks and housekeeping.
#   make run    install what is missing, build, seed the demo catalogue, start the kiosk
#   make test   install what is missing, build, run every test (UI tests under Xvfb)
#   make bench  release build, every benchmark, figures as JSON lines at the end
#   make package        release build, then the .deb files (paths printed at the end)
#   make package-check  those packages installed into a fresh Debian 12 chroot (root, network)
#   make package ARCH=arm64  the same packages for 64-bit ARM boards, cross-built here
#   make test-arm64     the cross build's unit tests, run under qemu (not part of `make test`)

DATA ?= $(CURDIR)/build/data
JOBS ?= $(shell nproc)
KIOSK_ARGS ?=
# The packages' architecture: this machine's, or arm64 (cross-built, preset arm64).
ARCH ?=
ifneq ($(filter-out $(shell dpkg --print-architecture),$(ARCH)),)
  ifneq ($(ARCH),arm64)
    $(error ARCH=$(ARCH): the packages are built for this machine or, with ARCH=arm64, for arm64)
  endif
  PKG_PRESET := arm64
  PKG_DEPS := deps-arm64
else
  PKG_PRESET := release
  PKG_DEPS := deps
endif
PKG_DIR := build-$(PKG_PRESET)

.PHONY: all deps deps-arm64 build run test test-arm64 bench package package-check clean

all: build

deps:
	@sh platform/debian/install-deps.sh

# The cross compiler, the arm64 libraries and qemu (root), then libpq-dev's arm64 headers
# into the build folder (libpq-dev is not multiarch).
deps-arm64:
	@sh platform/debian/install-deps.sh --arm64
	@sh platform/debian/cross-libpq.sh arm64 build-arm64/sysroot

build: deps
	@cmake --preset default -DBUILD_TESTING=ON >/dev/null
	@cmake --build --preset default -j $(JOBS)

run: build
	@bash platform/debian/run-kiosk.sh "$(DATA)" $(KIOSK_ARGS)

test: build
	@ctest --preset default -j $(JOBS)

# The unit-test programs (label unit) cross-built for arm64 and run under qemu-aarch64-static.
test-arm64: deps-arm64
	@start=$$(date +%s); \
	cmake --preset arm64 -DBUILD_TESTING=ON >/dev/null && \
	cmake --build --preset arm64 -j $(JOBS) --target unit_tests && \
	ctest --preset arm64 -j $(JOBS); rc=$$?; \
	echo "test-arm64: $$([ $$rc -eq 0 ] && echo passed || echo FAILED), build and tests took $$(( $$(date +%s) - start )) s"; \
	exit $$rc

bench: deps
	@cmake --preset release -DBUILD_TESTING=ON >/dev/null
	@cmake --build --preset release -j $(JOBS)
	@bash tests/bench/run.sh build-release

package: $(PKG_DEPS)
	@cmake --preset $(PKG_PRESET) -DBUILD_TESTING=OFF >/dev/null
	@cmake --build --preset $(PKG_PRESET) -j $(JOBS)
	@cd $(PKG_DIR) && cpack >cpack.log 2>&1 || { cat cpack.log; exit 1; }
	@sed -n 's/^CPack: - package: \(.*\) generated\.$$/\1/p' $(PKG_DIR)/cpack.log > $(PKG_DIR)/packages.txt
	@sed 's/^/package: /' $(PKG_DIR)/packages.txt

# The fresh Debian is of this machine's architecture: arm64 packages are tried on a board.
ifeq ($(PKG_PRESET),arm64)
package-check:
	@echo "package-check: the fresh Debian is of this machine's architecture; try arm64 packages on an arm64 board" >&2; exit 1
else
package-check: package
	@bash tests/platform/install-check.sh $$(cat $(PKG_DIR)/packages.txt)
endif

clean:
	rm -rf build build-release build-arm64
