#!/usr/bin/env bash
# Installs the system packages the end-to-end tests and screenshots drive, with apt-get:
# Debian's Chromium (browser tests), a Java runtime (the Nu HTML Checker) and Noto CJK fonts
# (Chinese text in screenshots). Run it as root (or with sudo) once per machine; the tests
# themselves never install anything and fail with this command's name when a tool is missing.
set -euo pipefail

packages=(chromium default-jre-headless fonts-noto-cjk)
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'ok installed' || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -eq 0 ]; then
  echo "System packages present: ${packages[*]}."
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing: ${missing[*]}. Run this script as root: sudo bash scripts/install-system-packages.sh" >&2
  exit 1
fi
echo "Installing ${missing[*]} with apt-get…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
