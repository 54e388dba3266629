#!/usr/bin/env bash
# Build the docs site offline and check it in a browser: nbdev's doc processor (timed per notebook), pandoc pages,
# local links, the Pagefind index, then headless Chromium loads every page at 1280 and 390 px (check_site.py).
# Usage: bash .ci/build_docs.sh [PYTHON] [build_docs.py options, e.g. --allow-proc-warnings]
# PYTHON needs the dev extra (pip install -e ".[dev]": nbdev, pagefind[bin], selenium); pandoc, chromium and
# chromium-driver come from apt. Nothing is downloaded at build time; the build fails after 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}; shift || true
export HF_HUB_OFFLINE=1 MPLBACKEND=Agg SE_OFFLINE=true
need=()
command -v pandoc >/dev/null || need+=(pandoc)
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} with apt-get"
  sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)   # root here and in CI; GitHub's runners need sudo
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
"$PY" -c "import pagefind_bin, selenium" 2>/dev/null || { echo "$PY lacks pagefind[bin] or selenium: pip install -e '.[dev]'"; exit 1; }
site=_docs
if command -v quarto >/dev/null; then
  PATH="$(dirname "$PY"):$PATH" nbdev_docs           # the real nbdev build (quarto) goes to _docs
  site=_docs_offline
fi
t0=$(date +%s)
rc=0; timeout -k 10 600 "$PY" .ci/build_docs.py --out "$site" "$@" || rc=$?
if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then echo "the docs build took longer than 10 minutes: failed"; exit 1; fi
[ "$rc" -eq 0 ] || exit "$rc"
echo "docs built in $(( $(date +%s)-t0 )) s"
timeout -k 10 300 "$PY" .ci/check_site.py --self-test    # the browser test catches a page with each defect
timeout -k 10 600 "$PY" .ci/check_site.py "$site"
