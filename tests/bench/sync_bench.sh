#!/bin/bash
# Sync figures over real TLS on loopback: the initial 20 000-NGO catalogue and a delta of
# 10 changes (bytes on the wire beside the JSON, requests, time), 1000 queued proposals
# pushed, the same carried on USB (export, import, the online sync after), the staff PIN's
# hashing, and the server under 100 simulated kiosks. JSON lines on standard output.
#   sync_bench.sh BIN_DIR
name=syncbench
bin="$1"
source "$(dirname "$0")/../sync/lib.sh"
start_server
figure() { echo "{\"name\": \"$1\", \"value\": $2, \"unit\": \"$3\"}"; }
field() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" <<< "$2"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now_ms() { date +%s%3N; }

"$bin/gen_catalog" --count 20000 --seed 5 --out "$work/catalog.json"
"$bin/national-api" --data "$work/server" publish-catalog "$work/catalog.json" >/dev/null
enrol "$work/k1"
t0=$(now_ms); out=$("$bin/kiosk-sync" --data "$work/k1" --once); t1=$(now_ms)
figure sync.catalog_initial_20000.wire_bytes "$(field wire_bytes "$out")" bytes
figure sync.catalog_initial_20000.json_bytes "$(field json_bytes "$out")" bytes
figure sync.catalog_initial_20000.requests "$(field requests "$out")" requests
figure sync.catalog_initial_20000.time $((t1 - t0)) ms
pages=$("$bin/national-api" --data "$work/server" catalog-pages)
figure sync.catalog_initial_20000.pages "$(sed -n 's/^pages \([0-9]*\),.*/\1/p' <<< "$pages")" pages
figure sync.catalog_initial_20000.largest_page "$(sed -n 's/.*largest \([0-9]*\) bytes.*/\1/p' <<< "$pages")" bytes
figure sync.catalog_page.reply_cap "$(sed -n 's/.*kiosks accept \([0-9]*\)).*/\1/p' <<< "$pages")" bytes

# Filing to delivery while the catalogue pull fails (a front that answers every catalogue
# request with a web page), against the same with a good catalogue, in the same run.
control="$work/orders"
front=$(( port + 1 ))
"$bin/hostile_peer" --listen "$front" --upstream "$port" --cert "$work/certs/server.pem" \
  --key "$work/certs/server.key" --control "$control" >/dev/null 2>&1 &
front_pid=$!
wait_for_port "$front"
for mode in pass "html /v1/catalog"; do
  echo "$mode" > "$control"
  url="https://localhost:$front" enrol "$work/f"
  "$bin/kiosk-sync" --data "$work/f" 2>/dev/null &
  daemon=$!
  sleep 2
  for i in 1 2 3 4 5; do
    before=$(server_count)
    t0=$(now_ms)
    "$bin/file_proposals" --data "$work/f" --count 1 >/dev/null
    for _ in $(seq 600); do [ "$(server_count)" -gt "$before" ] && break; sleep 0.05; done
    echo $(( $(now_ms) - t0 )) >> "$work/filing-${mode%% *}"
  done
  kill "$daemon"; wait "$daemon" 2>/dev/null || true
  rm -rf "$work/f"
done
kill "$front_pid"
figure sync.filing_to_delivery.catalogue_good.median "$(median < "$work/filing-pass")" ms
figure sync.filing_to_delivery.catalogue_failing.median "$(median < "$work/filing-html")" ms

for i in 1 2 3; do
  sed -E "/\"id\":\"ngo-0100(0[1-9]|10)\"/ s/\"ru\":\"/\"ru\":\"Правка $i · /" "$work/catalog.json" > "$work/delta.json"
  "$bin/national-api" --data "$work/server" publish-catalog "$work/delta.json" >/dev/null
  t0=$(now_ms); out=$("$bin/kiosk-sync" --data "$work/k1" --once); t1=$(now_ms)
  echo "$(field wire_bytes "$out") $((t1 - t0)) $(field catalog_changes "$out")" >> "$work/delta"
done
figure sync.catalog_delta_10.wire_bytes.median "$(cut -d' ' -f1 "$work/delta" | median)" bytes
figure sync.catalog_delta_10.time.median "$(cut -d' ' -f2 "$work/delta" | median)" ms

for i in 1 2 3; do
  enrol "$work/q$i"
  "$bin/kiosk-sync" --data "$work/q$i" --once >/dev/null        # catalogue in place
  "$bin/file_proposals" --data "$work/q$i" --count 1000 >/dev/null
  t0=$(now_ms); out=$("$bin/kiosk-sync" --data "$work/q$i" --once); t1=$(now_ms)
  echo "$((t1 - t0)) $(field requests "$out") $(field delivered "$out")" >> "$work/push"
done
figure sync.push_1000.time.median "$(cut -d' ' -f1 "$work/push" | median)" ms
figure sync.push_1000.requests "$(cut -d' ' -f2 "$work/push" | median)" requests
figure sync.push_1000.delivered "$(cut -d' ' -f3 "$work/push" | median)" proposals

# USB hand-carry: 1 000 queued proposals (100 of them named, contact sealed) exported to a
# bundle and imported at the office; then the kiosk's online sync of the same items, which
# the server answers as duplicates. Baseline in the same run: the online push above.
for i in 1 2 3; do
  enrol "$work/u$i"
  "$bin/kiosk-sync" --data "$work/u$i" --once >/dev/null
  "$bin/file_proposals" --data "$work/u$i" --count 900 >/dev/null
  "$bin/file_proposals" --data "$work/u$i" --count 100 --named >/dev/null
  t0=$(now_ms); "$bin/kioskctl" --data "$work/u$i" export "$work/u$i.bundle" >/dev/null; t1=$(now_ms)
  "$bin/national-api" --data "$work/server" import-bundle "$work/u$i.bundle" >/dev/null; t2=$(now_ms)
  out=$("$bin/kiosk-sync" --data "$work/u$i" --once); t3=$(now_ms)
  echo "$((t1 - t0)) $((t2 - t1)) $((t3 - t2)) $(stat -c %s "$work/u$i.bundle")" >> "$work/usb"
done
figure usb.export_1000.time.median "$(cut -d' ' -f1 "$work/usb" | median)" ms
figure usb.export_1000.bundle_bytes "$(cut -d' ' -f4 "$work/usb" | median)" bytes
figure usb.import_1000.time.median "$(cut -d' ' -f2 "$work/usb" | median)" ms
figure usb.online_after_import_1000.time.median "$(cut -d' ' -f3 "$work/usb" | median)" ms

# The staff PIN: kioskctl set-pin (Argon2id, interactive limits) against kioskctl status
# (the same process start and database open) in the same run.
for i in 1 2 3 4 5; do
  t0=$(now_ms); echo 482615 | "$bin/kioskctl" --data "$work/u1" set-pin >/dev/null; t1=$(now_ms)
  "$bin/kioskctl" --data "$work/u1" status >/dev/null; t2=$(now_ms)
  echo "$((t1 - t0)) $((t2 - t1))" >> "$work/pin"
done
figure staff.set_pin.time.median "$(cut -d' ' -f1 "$work/pin" | median)" ms
figure staff.status_baseline.time.median "$(cut -d' ' -f2 "$work/pin" | median)" ms

# Following another kiosk's code: the Track screen's question through the database and
# kiosk-sync to the server and back, against the same lookup asked of the server directly
# (one HTTPS request, a fresh connection each, as kiosk-sync makes), in the same run.
"$bin/file_proposals" --data "$work/q1" --count 20 > "$work/q1-codes"
"$bin/kiosk-sync" --data "$work/q1" --once >/dev/null
enrol "$work/t"
"$bin/kiosk-sync" --data "$work/t" 2>/dev/null &
daemon=$!
sleep 1
while read -r code; do
  "$bin/track_lookup" --data "$work/t" "$code" | cut -d' ' -f2 >> "$work/lookup"
  curl -s -o /dev/null -w '%{time_total}\n' --cacert "$work/certs/ca.pem" \
    -H "Authorization: Bearer $(cat "$work/t/private/device-token")" "$url/v1/track?code=$code" >> "$work/lookup-direct"
done < "$work/q1-codes"
kill "$daemon"; wait "$daemon" 2>/dev/null || true
lookup=$(median < "$work/lookup")
direct=$(awk '{ printf "%d\n", $1 * 1000 }' "$work/lookup-direct" | median)
figure track.lookup_elsewhere.median "$lookup" ms
figure track.lookup_direct_https.median "$direct" ms
figure track.lookup_elsewhere.ratio_to_direct "$(awk -v a="$lookup" -v b="$direct" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 1) }')" x

"$bin/sync_load" --url "$url" --ca "$work/certs/ca.pem" --server-data "$work/server" --kiosks 100 --seconds 5
