#!/bin/bash
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

# kiosk_start DATA LABEL: the kiosk's start-up and rest. Memory and rest are the median of
# three starts left untouched for 10 s; the first frame, which the shared machine's load
# moves by tens of milliseconds, the median of nine starts (those three and six short
# ones), with the fastest and slowest beside it. All keep the font atlas from the start
# before (a kiosk's every start but its first); "cold" is a first start without it.
kiosk_start() {
  local data="$1" label="$2"
  local run=(xvfb-run -a -s "-screen 0 1280x800x24" "$build/bin/kiosk" --data "$data" --config /nonexistent --size 1280x800)
  "${run[@]}" --screenshot "$work/seed.png" 2>/dev/null  # seeds an empty database, keeps the atlas
  rm -rf "$data/cache"
  "${run[@]}" --stats-after 2 > "$work/cold-$label.json" 2>/dev/null
  for i in 1 2 3; do "${run[@]}" --stats-after 10 > "$work/stats-$label-$i.json" 2>/dev/null; done
  for i in 4 5 6 7 8 9; do "${run[@]}" --stats-after 1 > "$work/start-$label-$i.json" 2>/dev/null; done
  for key in pss_kib rss_kib font_atlas_kib idle_frames idle_wakeups idle_thread_wakeups; do
    v=$(cat "$work"/stats-"$label"-*.json | sed -n "s/.*\"$key\": \([0-9.]*\).*/\1/p" | sort -n | sed -n 2p)
    unit=KiB; case $key in idle_frames) unit=frames_in_10s;; idle_*) unit=wakeups_in_10s;; esac
    echo "{\"name\": \"kiosk.start.$label.$key\", \"value\": $v, \"unit\": \"$unit\"}" >> "$figures"
  done
  cat "$work"/stats-"$label"-*.json "$work"/start-"$label"-*.json | sed -n 's/.*"first_frame_ms": \([0-9.]*\).*/\1/p' \
    | sort -n > "$work/first-$label"
  for pick in "first_frame_ms 5p" "first_frame_fastest_ms 1p" "first_frame_slowest_ms \$p"; do
    set -- $pick
    echo "{\"name\": \"kiosk.start.$label.$1\", \"value\": $(sed -n "$2" "$work/first-$label"), \"unit\": \"ms\"}" >> "$figures"
  done
  v=$(sed -n 's/.*"first_frame_ms": \([0-9.]*\).*/\1/p' "$work/cold-$label.json")
  echo "{\"name\": \"kiosk.start.$label.first_frame_cold_ms\", \"value\": $v, \"unit\": \"ms\"}" >> "$figures"
}
echo "bench: start-up, memory and rest of the kiosk with 300 and with 50 000 NGOs" >&2
mkdir -p "$work/kiosk300"
kiosk_start "$work/kiosk300" 300
kiosk_start "$work/kiosk50k" 50000
echo "bench: the same catalogue page in chromium --kiosk, for comparison" >&2
# The 300-NGO kiosk shows the demo catalogue it seeded itself with.
bash "$(dirname "$0")/chromium_compare.sh" "$(dirname "$0")/../../assets/demo/catalog.json" 300 | tee -a "$figures" >&2
bash "$(dirname "$0")/chromium_compare.sh" "$work/catalog-50000.json" 50000 | tee -a "$figures" >&2

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
