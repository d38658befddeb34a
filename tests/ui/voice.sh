#!/bin/bash
# The voice from the command line and at rest:
# - `kiosk --say` writes speech in each language to a WAV, with no data folder; bad
#   arguments get a clear message and exit 2;
# - `kiosk --voice-coverage` lists the prompts without a recording, and a recording put in
#   the data folder's voice/ takes its prompt off the list;
# - an untouched kiosk with speech on draws no frame and wakes no thread for 10 s.
#   voice.sh BIN_DIR SOURCE_DIR
set -uo pipefail
bin="$(cd "$1" && pwd)"; src="$(cd "$2" && pwd)"
work=$(mktemp -d /tmp/aul-voice-XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "voice: FAILED: $*"; exit 1; }

for lang in kk ru en; do
  out=$("$bin/kiosk" --say "Сәлеметсіз бе! Hello! Здравствуйте!" --lang "$lang" --wav "$work/$lang.wav" 2>&1) \
    || fail "--say in $lang: $out"
  file "$work/$lang.wav" | grep -q "WAVE audio, Microsoft PCM, 16 bit, mono 22050 Hz" || fail "$lang.wav: $(file "$work/$lang.wav")"
  bytes=$(stat -c %s "$work/$lang.wav")
  [ "$bytes" -gt 44100 ] || fail "$lang.wav holds only $bytes bytes"
done
echo "ok   --say writes 16-bit mono speech in kk, ru and en"
for bad in "--lang xx --wav $work/x.wav" "--lang kk"; do
  # shellcheck disable=SC2086
  out=$("$bin/kiosk" --say "Сәлем" $bad 2>&1); rc=$?
  [ "$rc" = 2 ] || fail "--say $bad exited $rc: $out"
  grep -q "kiosk: " <<< "$out" || fail "--say $bad said: $out"
done
echo "ok   --say refuses a bad language or a missing --wav with exit 2 and a message"

"$bin/kiosk" --voice-coverage > "$work/before" || fail "--voice-coverage failed"
grep -q "^kk home.greeting$" "$work/before" || fail "coverage does not list kk home.greeting: $(head -3 "$work/before")"
grep -q "^kk voice.guide_on$" "$work/before" || fail "coverage does not list the guide's words"
grep -q "^kk staff\." "$work/before" && fail "coverage lists staff prompts, which residents never hear"
mkdir -p "$work/data/voice/kk"
cp "$work/kk.wav" "$work/data/voice/kk/home.greeting.wav"
"$bin/kiosk" --voice-coverage --data "$work/data" > "$work/after" || fail "--voice-coverage --data failed"
grep -q "^kk home.greeting$" "$work/after" && fail "a recording on the board did not count"
grep -q "^kk: 1 of [0-9]* prompts recorded$" "$work/after" || fail "coverage counts: $(grep prompts "$work/after")"
echo "ok   --voice-coverage: $(grep '^kk:' "$work/before"); with one recording on the board: $(grep '^kk:' "$work/after")"

stats=$(SDL_AUDIODRIVER=dummy xvfb-run -a -s "-screen 0 1280x800x24" "$bin/kiosk" --data "$work/kiosk" \
  --config "$src/assets/config/demo.conf" --windowed 1280x800 --stats-after 10 2>>"$work/log") || fail "kiosk: $(tail -3 "$work/log")"
for key in idle_frames idle_wakeups idle_thread_wakeups; do
  n=$(sed -n "s/.*\"$key\": \([0-9]*\).*/\1/p" <<< "$stats")
  [ "$n" = 0 ] || fail "$key = '$n' in 10 s untouched with speech on: $stats"
done
echo "ok   untouched for 10 s with speech on: 0 frames, 0 loop wake-ups, 0 wake-ups of any thread"
echo "4 passed, 0 failed"
