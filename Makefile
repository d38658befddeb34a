# The two commands of the README, plus the benchmarks and housekeeping.
#   make run    install what is missing, build, seed the demo catalogue, start the kiosk
#   make test   install what is missing, build, run every test (UI tests under Xvfb)
#   make bench  release build, every benchmark, figures as JSON lines at the end
#   make package        release build, then the .deb files (paths printed at the end)
#   make package-check  those packages installed into a fresh Debian 12 chroot (root, network)

DATA ?= $(CURDIR)/build/data
JOBS ?= $(shell nproc)
KIOSK_ARGS ?=

.PHONY: all deps build run test bench package package-check clean

all: build

deps:
	@sh platform/debian/install-deps.sh

build: deps
	@cmake --preset default -DBUILD_TESTING=ON >/dev/null
	@cmake --build --preset default -j $(JOBS)

run: build
	@bash platform/debian/run-kiosk.sh "$(DATA)" $(KIOSK_ARGS)

test: build
	@ctest --preset default -j $(JOBS)

bench: deps
	@cmake --preset release -DBUILD_TESTING=ON >/dev/null
	@cmake --build --preset release -j $(JOBS)
	@sh tests/bench/run.sh build-release

package: deps
	@cmake --preset release -DBUILD_TESTING=OFF >/dev/null
	@cmake --build --preset release -j $(JOBS)
	@cd build-release && cpack >cpack.log 2>&1 || { cat cpack.log; exit 1; }
	@sed -n 's/^CPack: - package: \(.*\) generated\.$$/\1/p' build-release/cpack.log > build-release/packages.txt
	@sed 's/^/package: /' build-release/packages.txt

package-check: package
	@bash tests/platform/install-check.sh $$(cat build-release/packages.txt)

clean:
	rm -rf build build-release
