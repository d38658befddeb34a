#!/bin/bash
# The Aul kiosk beside Chromium in kiosk mode, on the same X server size, showing the same
# catalogue: the first screen of the NGO list (title, search box, the first 20 results with
# name, region and category, in Kazakh, set in the same Noto Sans) made by this script
# from the catalogue file as a static page. Prints, as JSON lines:
#   chromium.first_paint_ms  launch to first contentful paint (the page reports its paint
#                            time to a listener on loopback)
#   chromium.pss_kib         PSS summed over every Chromium process, 3 s after the paint
# Skips (exit 0, a message on stderr) where Chromium or python3 is not installed.
#   chromium_compare.sh CATALOG_JSON LABEL [RUNS]
set -eu
catalog="$1"; label="$2"; runs="${3:-3}"
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ] || ! command -v python3 >/dev/null; then
  echo "bench: chromium comparison skipped: install Debian's chromium (apt-get install chromium) and python3 to run it" >&2
  exit 0
fi
work=$(mktemp -d /tmp/aul-chromium-XXXXXX)
listener=""
trap '[ -n "$listener" ] && kill "$listener" 2>/dev/null; rm -rf "$work"' EXIT

python3 - "$catalog" "$work/page.html" <<'PY'
import json, sys, html
c = json.load(open(sys.argv[1]))
cats = {k["code"]: k["name"]["kk"] for k in c["categories"]}
regions = {r["code"]: r["name"]["kk"] for r in c["regions"]}
ngos = sorted(c["ngos"], key=lambda n: n["name"].get("kk", ""))[:20]
rows = "".join(
    f'<li><b>{html.escape(n["name"].get("kk", ""))}</b><span>{html.escape(regions.get(n.get("region", ""), ""))}'
    f' · {html.escape(cats.get((n.get("categories") or [""])[0], ""))}</span></li>' for n in ngos)
page = f"""<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>Aul</title><style>
@font-face {{ font-family: Noto; src: url(file:///usr/share/fonts/truetype/noto/NotoSans-Regular.ttf); }}
@font-face {{ font-family: Noto; font-weight: bold; src: url(file:///usr/share/fonts/truetype/noto/NotoSans-Bold.ttf); }}
body {{ margin: 0; font: 28px Noto, sans-serif; background: #f3f0ea; color: #1d2530; }}
header {{ display: flex; gap: 16px; padding: 16px; background: #fff; border-bottom: 2px solid #ddd; }}
h1 {{ margin: 0; font-size: 40px; }} input {{ font: inherit; flex: 1; padding: 12px; }}
ul {{ list-style: none; margin: 0; padding: 16px; }} li {{ background: #fff; margin: 0 0 12px; padding: 16px; border-radius: 12px; }}
li span {{ display: block; color: #59616b; font-size: 24px; }}
</style></head><body><header><h1>Қоғамдық ұйымдар</h1><input placeholder="Іздеу"></header>
<p style="padding: 0 16px">{len(c["ngos"])} ұйым</p><ul>{rows}</ul>
<script>
new PerformanceObserver(list => {{
  for (const e of list.getEntries()) if (e.name === 'first-contentful-paint')
    fetch('http://127.0.0.1:' + location.hash.slice(1) + '/?at=' + Math.round(performance.timeOrigin + e.startTime));
}}).observe({{type: 'paint', buffered: true}});
</script></body></html>"""
open(sys.argv[2], "w").write(page)
PY

# A listener on loopback that writes down the paint time the page reports.
cat > "$work/listen.py" <<'PY'
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        open(sys.argv[2], "a").write(self.path.split("at=")[-1] + "\n")
        self.send_response(204); self.send_header("Access-Control-Allow-Origin", "*"); self.end_headers()
    def log_message(self, *a): pass
s = http.server.HTTPServer(("127.0.0.1", 0), H)
open(sys.argv[1], "w").write(str(s.server_address[1]))
s.serve_forever()
PY
python3 "$work/listen.py" "$work/port" "$work/paints" &
listener=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")

: > "$work/first"; : > "$work/pss"
for i in $(seq "$runs"); do
  profile="$work/profile-$i"
  : > "$work/paints"
  cat > "$work/run.sh" <<RUN
start=\$(date +%s%3N)
"$browser" --kiosk --no-first-run --no-default-browser-check --disable-gpu --no-sandbox --password-store=basic \
  --user-data-dir="$profile" --window-size=1280,800 "file://$work/page.html#$port" >/dev/null 2>&1 &
for _ in \$(seq 300); do [ -s "$work/paints" ] && break; sleep 0.05; done
[ -s "$work/paints" ] && echo \$(( \$(head -n 1 "$work/paints") - start )) >> "$work/first"
sleep 3
total=0
for pid in \$(pgrep -f -- "--user-data-dir=$profile"); do
  kib=\$(sed -n 's/^Pss: *\([0-9]*\) kB/\1/p' /proc/\$pid/smaps_rollup 2>/dev/null || true)
  total=\$(( total + \${kib:-0} ))
done
echo \$total >> "$work/pss"
pkill -f -- "--user-data-dir=$profile" || true
sleep 0.5
RUN
  xvfb-run -a -s "-screen 0 1280x800x24" bash "$work/run.sh"
done
median() { sort -n "$1" | awk '{v[NR]=$1} END {if (NR) print v[int((NR+1)/2)]}'; }
first=$(median "$work/first"); pss=$(median "$work/pss")
if [ -z "$first" ]; then echo "bench: chromium did not report a paint; skipped" >&2; exit 0; fi
echo "{\"name\": \"chromium.$label.first_paint_ms\", \"value\": $first, \"unit\": \"ms\"}"
echo "{\"name\": \"chromium.$label.pss_kib\", \"value\": $pss, \"unit\": \"KiB\"}"
