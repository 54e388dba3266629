#!/usr/bin/env bash
# Build the docs site offline and check it: every page builds, no local link is broken, and headless
# Chromium renders the index and one API page to PNG. Usage: bash .ci/build_docs.sh [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
need=()
command -v pandoc >/dev/null || need+=(pandoc)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} with apt-get"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
site=_docs
if command -v quarto >/dev/null; then
  PATH="$(dirname "$PY"):$PATH" nbdev_docs           # the real nbdev build (quarto) goes to _docs
  site=_docs_offline
fi
"$PY" .ci/build_docs.py --out "$site"
mkdir -p "$site/_shots"
for page in index.html operators.html; do
  out="$site/_shots/${page%.html}.png"; rm -f "$out"
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-quic --user-data-dir="$(mktemp -d)" \
    --window-size=1280,1600 --screenshot="$out" "file://$PWD/$site/$page" >/dev/null 2>&1 || true
  size=$(stat -c %s "$out" 2>/dev/null || echo 0)
  [ "$size" -gt 20000 ] || { echo "chromium did not render $page (png size $size)"; exit 1; }
  echo "chromium rendered $page -> $out ($size bytes)"
done
