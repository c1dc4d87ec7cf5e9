#!/usr/bin/env bash
# Build the one-folder app with PyInstaller and start it once offscreen (the smoke test).
#   bash packaging/build.sh            build into dist/mtreview-<version>/ and smoke-test it
#   bash packaging/build.sh --no-smoke build only
# Uses the project's .venv (./dev sets it up with the `dev` extra, which includes PyInstaller).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
if [ ! -x "$PY" ]; then
  ./dev test --version >/dev/null  # creates .venv with the dev extra
fi
"$PY" -c "import PyInstaller" 2>/dev/null || "$PY" -m pip install --quiet "pyinstaller>=6.0"
VERSION=$("$PY" -c 'import re,pathlib; print(re.search(r"__version__\s*=\s*\"([^\"]+)\"", pathlib.Path("mtreview/__init__.py").read_text()).group(1))')
APP_DIR="dist/mtreview-$VERSION"
WORK=${PYINSTALLER_WORK:-build/pyinstaller}
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath "$WORK" packaging/mtreview.spec
echo "built $APP_DIR in $(( $(date +%s) - start )) s ($(du -sh "$APP_DIR" | cut -f1))"
if [ "${1:-}" != "--no-smoke" ]; then
  bash packaging/smoke.sh "$APP_DIR/mtreview"
fi
