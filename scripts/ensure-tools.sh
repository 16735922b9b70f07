#!/usr/bin/env bash
# Makes sure the system tools the tests drive are present: Debian's Chromium (browser tests)
# and a Java runtime (the Nu HTML Checker). Installs them with apt-get when running as root;
# otherwise says what to install and fails.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "Installing ${missing[*]} with apt-get…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "The tests need: ${missing[*]}. Install them (Debian: sudo apt-get install ${missing[*]}) and run again." >&2
  exit 1
fi
