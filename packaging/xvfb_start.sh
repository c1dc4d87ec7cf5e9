#!/usr/bin/env bash
# Start the app as a user would on X11 — a real X server (Xvfb), a window manager (openbox), Qt's xcb
# platform plugin (not offscreen) — on the bundled sample project, check that its window fits the screen,
# take one screenshot of the display, and quit it with Ctrl+Q (exit status 0 expected).
#   bash packaging/xvfb_start.sh [OUT.png] [WIDTHxHEIGHT] [LANG]     default: xvfb-start.png 1366x768 en
# Needs: xvfb, openbox, xdotool, x11-utils and Qt's xcb runtime libraries (README "Runtime packages").
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(realpath -m "${1:-xvfb-start.png}")
SIZE=${2:-1366x768}
LANG_UI=${3:-en}
PY=${PYTHON:-.venv/bin/python}
TMP=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

display=""
for n in $(seq 90 140); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || { echo "xvfb_start: no free X display number" >&2; exit 1; }
Xvfb "$display" -screen 0 "${SIZE}x24" -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
pids+=($!)
export DISPLAY=$display
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
xdpyinfo >/dev/null 2>&1 || { echo "xvfb_start: Xvfb did not start" >&2; cat "$TMP/xvfb.log" >&2; exit 1; }
openbox >"$TMP/openbox.log" 2>&1 &
pids+=($!)

unset QT_QPA_PLATFORM WAYLAND_DISPLAY
export QT_QPA_PLATFORM=xcb
export MTREVIEW_CONFIG_DIR="$TMP/config" MTREVIEW_DATA_DIR="$TMP/data"
"$PY" -m mtreview --lang "$LANG_UI" >"$TMP/app.log" 2>&1 &
app=$!
pids+=("$app")

# The main window: mapped and visible (the sample project is built on the first run).
wid=""
for _ in $(seq 600); do
  if ! kill -0 "$app" 2>/dev/null; then
    echo "xvfb_start: the app exited before showing its window:" >&2
    cat "$TMP/app.log" >&2
    exit 1
  fi
  wid=$(xdotool search --onlyvisible --name 'mtreview$' 2>/dev/null | head -n 1 || true)
  [ -n "$wid" ] && break
  sleep 0.2
done
[ -n "$wid" ] || { echo "xvfb_start: no mtreview window after 120 s" >&2; cat "$TMP/app.log" >&2; exit 1; }
sleep 2  # let the first paint and the scores settle before the picture

eval "$(xdotool getwindowgeometry --shell "$wid")"  # X Y WIDTH HEIGHT of the client area
screen_w=${SIZE%x*}
screen_h=${SIZE#*x}
echo "window $wid: ${WIDTH}x${HEIGHT} at ${X},${Y} on a ${screen_w}x${screen_h} screen"
"$PY" packaging/x11_screenshot.py "$OUT"
if [ $((X + WIDTH)) -gt "$screen_w" ] || [ $((Y + HEIGHT)) -gt "$screen_h" ] || [ "$X" -lt 0 ] || [ "$Y" -lt 0 ]; then
  echo "xvfb_start: the window does not fit the screen" >&2
  exit 1
fi

# Quit with Ctrl+Q as a user would: focus the main window, then type the keys through XTEST (as a keyboard
# does). The window is looked up again for each try: Qt may replace a native window after the first paint,
# and an X error from a stale id (BadWindow) must not end the run — it is retried.
for attempt in 1 2 3 4 5; do
  kill -0 "$app" 2>/dev/null || break
  wid=$(xdotool search --onlyvisible --name 'mtreview$' 2>/dev/null | tail -n 1 || true)
  if [ -n "$wid" ]; then
    xdotool windowactivate --sync "$wid" >/dev/null 2>&1 || xdotool windowfocus --sync "$wid" >/dev/null 2>&1 || true
  fi
  xdotool key --clearmodifiers ctrl+q >/dev/null 2>&1 || echo "xvfb_start: try $attempt: xdotool could not type Ctrl+Q" >&2
  for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.2; done
done
if kill -0 "$app" 2>/dev/null; then
  echo "xvfb_start: Ctrl+Q did not quit the app" >&2
  exit 1
fi
set +e
wait "$app"
rc=$?
set -e
if [ "$rc" -ne 0 ]; then
  echo "xvfb_start: the app exited with status $rc" >&2
  cat "$TMP/app.log" >&2
  exit 1
fi
if grep -E "could not (load|connect)|qt\.qpa|QXcb|Warning|Critical" "$TMP/app.log" >&2; then
  echo "xvfb_start: the app printed Qt warnings (above)" >&2
  exit 1
fi
echo "xvfb_start: ok ($OUT)"
