#!/bin/bash
# The systemd units are checked by systemd itself (systemd-analyze verify), with ExecStart
# pointed at this build's binaries.
#   units.sh SOURCE_DIR BIN_DIR
set -euo pipefail
src="$1"; bin="$(cd "$2" && pwd)"
work=$(mktemp -d /tmp/aul-units-XXXXXX)
trap 'rm -rf "$work"' EXIT
for unit in aul-kiosk.service aul-kiosk-sync.service aul-national-api.service; do
  sed -e "s|/usr/bin/|$bin/|" -e "s|Wants=aul-kiosk-sync.service||" "$src/platform/systemd/$unit" > "$work/$unit"
done
out=$(systemd-analyze verify "$work/aul-kiosk.service" "$work/aul-kiosk-sync.service" "$work/aul-national-api.service" 2>&1 || true)
# Warnings about the machine (no user "aul" here, documentation paths) are not the units' fault.
problems=$(grep -v -e "Failed to resolve user" -e "Documentation" -e "^$" <<< "$out" | grep -i -e error -e "unknown" -e "failed" || true)
if [ -n "$problems" ]; then echo "$problems" >&2; exit 1; fi
grep -q "^Type=notify" "$work/aul-kiosk.service" && grep -q "^IPAddressDeny=any" "$work/aul-kiosk.service"
grep -q "^StateDirectoryMode=0700" "$work/aul-national-api.service"
echo "1 passed, 0 failed"
