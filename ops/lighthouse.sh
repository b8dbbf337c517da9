#!/usr/bin/env bash
# Mobile Lighthouse on the six pages, against a running `make serve`.
# Not part of `make test`: it needs npm's lighthouse and takes a minute a page.
#   make serve PORT=8151 &   then   ops/lighthouse.sh 8151
# Lighthouse is installed once outside the work tree (npm registry); Chromium from Debian.
set -euo pipefail
PORT="${1:-8000}"
BASE="http://127.0.0.1:${PORT}"
TOOL="${LIGHTHOUSE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/portal-lighthouse}"
OUT="${LIGHTHOUSE_OUT:-/tmp/lighthouse}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
if [ ! -x "$TOOL/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$TOOL"
  npm install --prefix "$TOOL" --no-audit --no-fund lighthouse@12 >/dev/null
fi
mkdir -p "$OUT"
POST="$(curl -s "$BASE/news/" | grep -o 'href="/news/[0-9]*/[^"]*/"' | head -1 | cut -d'"' -f2)"
PAGES=("/" "/en/" "/carpets/" "/clusters/handmade-carpet/" "/news/" "$POST")
printf '| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|\n'
for page in "${PAGES[@]}"; do
  name="$(echo "$page" | tr '/' '_' | cut -c1-60)"
  "$TOOL/node_modules/.bin/lighthouse" "$BASE$page" --quiet --output=json \
    --output-path="$OUT/lh${name}.json" --form-factor=mobile \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>&1 || true
  python3 - "$OUT/lh${name}.json" "$page" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
scores = [report["categories"][key]["score"] for key in
          ("performance", "accessibility", "best-practices", "seo")]
print(f"| `{sys.argv[2]}` | " + " | ".join(f"{s:.2f}" if s is not None else "–" for s in scores) + " |")
PY
done
