#!/usr/bin/env bash
# The browser tests need Debian's Chromium (Playwright may not download its own here) and
# pdftoppm for looking at PDFs. Install them when missing and we are allowed to.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ] && command -v pdftoppm >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium and poppler-utils from Debian…"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils fonts-dejavu-core >/dev/null
  exit 0
fi
echo "Chromium is missing at $chromium. Install it (Debian: sudo apt-get install chromium poppler-utils) or set CHROMIUM_PATH." >&2
exit 1
