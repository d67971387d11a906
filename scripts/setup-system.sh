#!/usr/bin/env bash
# Installs what the tests need beyond npm, from Debian packages, when it is missing:
# Chromium (e2e tests), poppler-utils (PDF pages to PNG), a PostgreSQL server (Jdbc against a real server).
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != "0" ] && ! command -v sudo >/dev/null 2>&1; then
  echo "setup-system: missing ${need[*]}; install them with apt-get (needs root)" >&2
  exit 0
fi
SUDO=""; [ "$(id -u)" = "0" ] || SUDO=sudo
echo "setup-system: installing ${need[*]} from Debian packages"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
