#!/bin/bash
# The programs an operator or a server runs (kioskctl, kiosk-sync, national-api) and the
# session's tests link no UI library, and the source folders depend one way only:
#   core <- store <- sync <- ops <- kiosk <- apps   (platform/: log and service for all,
#                                                    the rest for the kiosk UI alone)
# The link lines are the build's own (CMakeFiles/TARGET.dir/link.txt in the folder CMake
# builds the target in), so what is checked is what was linked.
#   folder_graph.sh SOURCE_DIR TARGET=ITS_BINARY_DIR...
set -uo pipefail
src="$1"; shift
failed=0

ui='SDL2|libGL[^a-z]|libGLX|OpenGL|libEGL|imgui|freetype|libaul_platform\.a|libaul_kiosk\.a'
for arg in "$@"; do
  target="${arg%%=*}"; link="${arg#*=}/CMakeFiles/$target.dir/link.txt"
  if [ ! -f "$link" ]; then
    echo "FAIL $target: no link line at $link"
    failed=1; continue
  fi
  found=$(tr ' ' '\n' < "$link" | grep -E -i "$ui" | sort -u)
  if [ -n "$found" ]; then
    echo "FAIL $target links UI libraries ($link):"
    sed 's/^/       /' <<< "$found"
    failed=1
  else
    echo "ok   $target links no UI library"
  fi
done

# The #include "folder/..." lines of the files under one folder.
includes() {
  grep -rn --include='*.h' --include='*.cpp' -E '^[[:space:]]*#[[:space:]]*include[[:space:]]+"' "$src/$1" 2>/dev/null |
    sed -E "s|^$src/||"
}
# Every project include of FOLDER must start with one of the allowed prefixes.
only_from() {
  local folder="$1"; shift
  local allowed bad
  allowed=$(printf '%s|' "$@"); allowed="${allowed%|}"
  bad=$(includes "$folder" | grep -E '"[a-z_-]+/' | grep -v -E "#[[:space:]]*include[[:space:]]+\"($allowed)")
  if [ -n "$bad" ]; then
    echo "FAIL $folder/ includes from outside {$*}:"
    sed 's/^/       /' <<< "$bad"
    failed=1
  else
    echo "ok   $folder/ includes only {$*}"
  fi
}
ui_free_platform=(platform/log.h platform/service.h)
only_from core core/
only_from platform core/ platform/
only_from store core/ store/
only_from sync core/ store/ sync/ "${ui_free_platform[@]}"
only_from ops core/ store/ sync/ ops/ "${ui_free_platform[@]}"
only_from kiosk core/ store/ sync/ ops/ platform/ kiosk/
# The session is plain C++: no widget, screen, SDL or imgui header, only the task runner
# and log lines of platform/, and what an utterance is.
only_from kiosk/session core/ store/ sync/ ops/ platform/tasks.h platform/log.h platform/speech/utterance.h kiosk/session/
only_from tools core/ tools/

bad=$(grep -rn --include='*.h' --include='*.cpp' -E '#[[:space:]]*include[[:space:]]+"apps/' "$src" \
        --exclude-dir=apps --exclude-dir=build --exclude-dir='build-*' --exclude-dir=.git | sed -E "s|^$src/||")
if [ -n "$bad" ]; then
  echo "FAIL headers of apps/ included from outside it:"
  sed 's/^/       /' <<< "$bad"
  failed=1
else
  echo "ok   nothing outside apps/ includes from apps/"
fi
exit $failed
