#!/usr/bin/env bash
# `pip install latentinv` as a user gets it: build the wheel, install it into a fresh venv (no source
# tree on the path), and use it offline from an empty folder. Usage: bash .ci/check_wheel.sh [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
rm -rf dist build .venv-wheel
"$PY" -m build --wheel --outdir dist . >/tmp/latentinv-build.log 2>&1 || { tail -30 /tmp/latentinv-build.log; exit 1; }
whl=$(ls dist/latentinv-*.whl)
echo "built $whl ($(du -h "$whl" | cut -f1))"
python3 -m venv .venv-wheel
.venv-wheel/bin/python -m pip install -q --upgrade pip >/dev/null
.venv-wheel/bin/python -m pip install -q "$whl"
work=$(mktemp -d); cd "$work"
export HF_HUB_OFFLINE=1 MPLBACKEND=Agg
"$OLDPWD/.venv-wheel/bin/python" "$OLDPWD/.ci/wheel_smoke.py"
