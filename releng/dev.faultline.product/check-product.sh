#!/bin/sh
# Proves the materialized Faultline IDE starts and shows its workbench: starts it under X (Xvfb
# when no display is given), waits for the workbench window, keeps a screenshot, checks the log.
# usage: check-product.sh PRODUCT-FOLDER OUTPUT-FOLDER
set -eu
product=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)

if [ -z "${DISPLAY-}" ]; then
  command -v xvfb-run >/dev/null || { echo "check-product: no DISPLAY and no xvfb-run (Debian package xvfb)" >&2; exit 1; }
  exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
for tool in xwininfo import; do
  command -v $tool >/dev/null || { echo "check-product: '$tool' is missing (Debian packages x11-utils, imagemagick)" >&2; exit 1; }
done
. "$here/../../.mvn/jdk.sh"

launcher=$(ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n 1)
[ -n "$launcher" ] || { echo "check-product: no launcher jar under $product/plugins" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
title="Faultline IDE"
"$JAVA_HOME/bin/java" -jar "$launcher" -data "$out/workspace" -consoleLog >"$out/product.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT

waited=0
until xwininfo -root -tree 2>/dev/null | grep -q "\"[^\"]* - $title"; do
  if ! kill -0 $pid 2>/dev/null; then
    echo "check-product: the product exited before showing its workbench; its log:" >&2
    cat "$out/product.log" >&2
    exit 1
  fi
  waited=$((waited + 1))
  if [ $waited -gt 180 ]; then
    echo "check-product: no '... - $title' workbench window after 180 s; windows seen:" >&2
    xwininfo -root -tree | grep '"' >&2 || true
    exit 1
  fi
  sleep 1
done
# The window maps before its parts have painted: give them a moment.
sleep 5
import -window root "$out/faultline-ide.png"
xwininfo -root -tree | grep '"' >"$out/windows.txt" || true
kill $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
trap - EXIT

logs="$out/product.log"
[ -f "$out/workspace/.metadata/.log" ] && logs="$logs $out/workspace/.metadata/.log"
# shellcheck disable=SC2086
if grep -n -A3 '^!ENTRY [^ ]* 4 ' $logs >"$out/errors.txt"; then
  echo "check-product: the workbench logged errors:" >&2
  cat "$out/errors.txt" >&2
  exit 1
fi
echo "check-product: the Faultline IDE showed its workbench after ${waited}s; screenshot $out/faultline-ide.png"
