#!/usr/bin/env bash
# screenshot.sh - docs/images/dbbrowser-execute-sql.png: DB Browser for SQLite
# with sqlite-maas loaded, its Execute SQL tab showing monthly_cost.sql and
# the result, on examples/newapi_logs.sql.  Runs it under Xvfb, types the
# query with xdotool as a user would, and captures the window (ImageMagick).
#
#   apt install sqlitebrowser xvfb xdotool imagemagick
#   bash examples/clients/dbbrowser/screenshot.sh [OUT.png]     # after building
#
# The clicks are at the places of DB Browser 3.12's default layout (Debian
# 12) (a 1037x738 window on a 1280x800 screen): another version may need other coordinates.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
out=${1:-$root/docs/images/dbbrowser-execute-sql.png}
module=${MAAS_LOADABLE_PATH:-$root/build/maas.so}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

sqlite3 "$work/newapi.db" ".read $root/examples/newapi_logs.sql"
# A settings directory of its own: nothing of the user's DB Browser changes.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_RUNTIME_DIR=$work/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
display=:$((50 + RANDOM % 40))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp > "$work/xvfb.log" 2>&1 & pids+=($!)
export DISPLAY=$display
sleep 2
sqlitebrowser -geometry 1280x800+0+0 -o "extensions/list=$module" "$work/newapi.db" > "$work/sqlitebrowser.log" 2>&1 & pids+=($!)
for _ in $(seq 1 30); do
  window=$(xdotool search --name 'DB Browser for SQLite' 2>/dev/null | tail -1) && [[ -n $window ]] && break
  sleep 1
done
sleep 4
for _ in 1 2 3 4 5; do                         # close the side panes (Edit Database Cell,
  xdotool mousemove 1029 71 click 1; sleep 0.5 # Remote, DB Schema, Plot, SQL Log), each moving up
done
xdotool mousemove 427 80 click 1; sleep 1      # the Execute SQL tab
xdotool mousemove 250 230 click 1; sleep 0.5   # into the editor
grep -v '^--' "$root/examples/clients/dbbrowser/monthly_cost.sql" | while IFS= read -r line; do
  # Escape closes the completion popup, which would take the Return.
  xdotool type --delay 8 "${line#"${line%%[! ]*}"}"; xdotool key Escape Return
done
xdotool key ctrl+Return                        # execute all
sleep 4
sleep 4
import -window root -crop 1037x738+0+0 +repage "$out"
echo "wrote $out"
