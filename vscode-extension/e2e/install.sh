#!/bin/sh
# Installs what the end-to-end run needs, offline but for the npm registry and Debian's packages:
# Chromium, and code-server 4.100.3 with playwright-core (npm ci, from package-lock.json).
# code-server's install builds VS Code's native modules (Debian headers below) and fetches
# ripgrep from GitHub, which is out of reach: its download cache is seeded with Debian's rg.
set -eu
here=$(cd "$(dirname "$0")" && pwd)

packages="chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config"
missing=$(for p in $packages; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done | tr '\n' ' ')
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
  else
    echo "e2e: install these Debian packages first: sudo apt-get install $missing" >&2
    exit 1
  fi
fi

# @vscode/ripgrep 1.15.11 (VS Code 1.100) looks for this archive before it downloads one.
cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache"
archive="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$archive" ]; then
  staging=$(mktemp -d)
  cp "$(command -v rg)" "$staging/rg"
  tar czf "$archive" -C "$staging" rg
  rm -rf "$staging"
fi

cd "$here"
# code-server's post-install step refuses to run as root without unsafe_perm; node-pty's runs
# `npx node-gyp`, which needs yes=true where npm is configured with yes=false.
npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund
