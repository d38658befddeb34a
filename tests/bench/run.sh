#!/bin/sh
# `make bench`: builds nothing itself; runs every benchmark of a release build and ends
# with the figures, one JSON object a line.
set -eu
build="$1"
work=$(mktemp -d /tmp/aul-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
figures="$work/figures.jsonl"
: > "$figures"

for n in 50000 100000; do
  start=$(date +%s%N)
  "$build/bin/gen_catalog" --count $n --seed 1 --out "$work/catalog-$n.json"
  end=$(date +%s%N)
  echo "{\"name\": \"generate.$n\", \"value\": $(( (end - start) / 1000000 )), \"unit\": \"ms\"}" >> "$figures"
done

echo "bench: search and frame build over 50 000 NGOs" >&2
"$build/bin/bench_catalog" --catalog "$work/catalog-50000.json" --data "$work/kiosk50k" | tee -a "$figures" >&2

echo "bench: start-up and idle behaviour of the kiosk on the 50 000-NGO database" >&2
for i in 1 2 3; do
  xvfb-run -a -s "-screen 0 1280x800x24" "$build/bin/kiosk" --data "$work/kiosk50k" --config /nonexistent \
    --size 1280x800 --stats-after 10 > "$work/stats-$i.json" 2>/dev/null
done
# Median of three runs for each figure.
for key in first_frame_ms rss_kib font_atlas_kib idle_frames idle_wakeups idle_thread_wakeups; do
  v=$(cat "$work"/stats-*.json | sed -n "s/.*\"$key\": \([0-9.]*\).*/\1/p" | sort -n | sed -n 2p)
  unit=ms; case $key in rss_kib|font_atlas_kib) unit=KiB;; idle_frames) unit=frames_in_10s;; idle_wakeups|idle_thread_wakeups) unit=wakeups_in_10s;; esac
  echo "{\"name\": \"kiosk.start.$key\", \"value\": $v, \"unit\": \"$unit\"}" >> "$figures"
done

echo "bench: the voice (tap to first sound, synthesis speed, memory)" >&2
"$build/bin/bench_speech" | tee -a "$figures" >&2
# The kiosk's memory with the voice on (the default) and off, side by side.
printf '[speech]\nenabled = false\n' > "$work/silent.conf"
for conf in /nonexistent "$work/silent.conf"; do
  for i in 1 2 3; do
    xvfb-run -a -s "-screen 0 1280x800x24" "$build/bin/kiosk" --data "$work/kiosk-rss" --config "$conf" \
      --size 1280x800 --stats-after 2 2>/dev/null | sed -n 's/.*"rss_kib": \([0-9]*\).*/\1/p'
  done | sort -n | sed -n 2p > "$work/rss-$(basename "$conf")"
done
on=$(cat "$work/rss-nonexistent"); off=$(cat "$work/rss-silent.conf")
echo "{\"name\": \"kiosk.rss_speech_on\", \"value\": $on, \"unit\": \"KiB\"}" >> "$figures"
echo "{\"name\": \"kiosk.rss_speech_off\", \"value\": $off, \"unit\": \"KiB\"}" >> "$figures"

echo "bench: sync over TLS on loopback" >&2
bash "$(dirname "$0")/sync_bench.sh" "$build/bin" | tee -a "$figures" >&2

echo "bench: the national server for 6 200 kiosks, one SQLite instance beside two on PostgreSQL" >&2
bash "$(dirname "$0")/server_scale.sh" "$build/bin" "$(cd "$(dirname "$0")/../.." && pwd)" | tee -a "$figures" >&2

echo "--- figures ---"
cat "$figures"
