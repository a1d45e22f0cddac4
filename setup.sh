#!/usr/bin/env bash
# Installs what resface needs from the package registries, idempotently: Debian packages (tcmalloc, dlib's
# 68-point landmark model and example photos, Chromium and its WebDriver for the web page's browser test) and the npm
# package @vladmandic/face-api (demo photos, weights).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

apt_packages=(libtcmalloc-minimal4 libdlib-data libdlib19.1 chromium chromium-driver)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; }
fi

face_api="$root/assets/npm/node_modules/@vladmandic/face-api"
if [[ ! -f "$face_api/package.json" ]]; then
  if command -v npm >/dev/null; then
    echo "setup: installing @vladmandic/face-api into assets/npm" >&2
    mkdir -p "$root/assets/npm"
    npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$root/assets/npm" @vladmandic/face-api@1.7.15 >/dev/null
  else
    echo "setup: npm not found; skipping @vladmandic/face-api (needed only by the face-api scorers)" >&2
  fi
fi

command -v java >/dev/null || { echo "setup: java 17 is required" >&2; exit 1; }
command -v mvn >/dev/null || { echo "setup: maven is required" >&2; exit 1; }
