#!/usr/bin/env bash
# Smoke test of a built app: it answers --version, runs a headless command, and starts the GUI offscreen on
# the bundled sample project (in Japanese, so the catalogue and Qt's translations load) and exits with 0.
#   bash packaging/smoke.sh dist/mtreview-<version>/mtreview
set -euo pipefail
BIN=$(realpath "${1:?usage: smoke.sh PATH/TO/mtreview}")
VERSION=$(python3 -c 'import re,pathlib; print(re.search(r"__version__\s*=\s*\"([^\"]+)\"", pathlib.Path("mtreview/__init__.py").read_text()).group(1))' 2>/dev/null || true)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export QT_QPA_PLATFORM=offscreen
export MTREVIEW_CONFIG_DIR="$TMP/config" MTREVIEW_DATA_DIR="$TMP/data"
cd "$TMP"  # nothing from the source tree may be picked up

out=$("$BIN" --version)
echo "version: $out"
if [ -n "$VERSION" ] && [[ "$out" != *"$VERSION"* ]]; then
  echo "smoke: --version printed '$out', expected $VERSION" >&2
  exit 1
fi

printf 'source\ttarget\nThe museum opens at nine.\t博物館は9時に開館します。\n' > pair.tsv
"$BIN" import pair.tsv --project smoke.mtreview >/dev/null
test -s smoke.mtreview || { echo "smoke: import did not create the project" >&2; exit 1; }
echo "headless import: ok"

set +e
trace=()
if command -v strace >/dev/null 2>&1; then
  trace=(strace -f -e trace=openat -o "$TMP/open.trace")  # to see which catalogues the app reads
fi
MTREVIEW_EXIT_AFTER_MS=${SMOKE_EXIT_AFTER_MS:-3000} timeout 120 "${trace[@]}" "$BIN" --lang ja > gui.log 2>&1
rc=$?
set -e
if [ "$rc" -ne 0 ]; then
  echo "smoke: the GUI exited with status $rc" >&2
  cat gui.log >&2
  exit 1
fi
sample=$(find "$MTREVIEW_DATA_DIR" -name '*.mtreview' | head -n 1)
if [ -z "$sample" ]; then
  echo "smoke: the GUI did not create the sample project under $MTREVIEW_DATA_DIR" >&2
  cat gui.log >&2
  exit 1
fi
echo "GUI start on the sample project (ja, offscreen): exit 0"
if [ -f "$TMP/open.trace" ]; then
  for catalogue in ja/mtreview.po qtbase_ja.qm; do
    if ! grep "$catalogue" "$TMP/open.trace" | grep -v ENOENT >/dev/null; then
      echo "smoke: the built app did not read $catalogue" >&2
      exit 1
    fi
  done
  echo "translations read by the built app: mtreview ja catalogue, Qt's qtbase_ja.qm"
fi
"$BIN" score "$sample" --json > score.json
"$BIN" --version >/dev/null
segments=$(grep -c '"id":' score.json || true)
if [ "$segments" -lt 2 ]; then
  echo "smoke: the sample project has no segments (score printed $segments ids)" >&2
  exit 1
fi
echo "sample project: $segments segments scored headless"

# A reference TM indexed by two processes (every size split here): the frozen binary's spawned process
# must build the target index (multiprocessing.freeze_support in the launcher), not start the app again.
cat > tm.tmx <<'TMX'
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="smoke" creationtoolversion="1" datatype="plaintext" segtype="sentence"
 adminlang="en" srclang="en" o-tmf="none"/><body>
<tu><tuv xml:lang="en"><seg>The museum closes at five.</seg></tuv><tuv xml:lang="ja"><seg>博物館は5時に閉館します。</seg></tuv></tu>
</body></tmx>
TMX
MTREVIEW_TM_SPLIT_BYTES=1 MTREVIEW_CACHE_DIR="$TMP/cache" timeout 120 "$BIN" concordance smoke.mtreview 閉館 --tm tm.tmx --json \
  > conc.json 2> conc.err
if ! grep -q '閉館します' conc.json || grep -q 'second process' conc.err; then
  echo "smoke: the two-process TM index failed" >&2
  cat conc.json conc.err >&2
  exit 1
fi
echo "TM index built by two processes in the frozen app: ok"

# The checks in worker processes (forced here; a real run uses them from 4,000 segments): the frozen binary's
# spawned workers must check, not fall back to one process.
MTREVIEW_CHECK_WORKERS=2 MTREVIEW_CACHE_DIR="$TMP/cache" timeout 300 "$BIN" qa smoke.mtreview --json > qa.json 2> qa.err
if ! grep -q '"findings"' qa.json || grep -q 'worker processes failed' qa.err; then
  echo "smoke: the checks in worker processes failed" >&2
  cat qa.json qa.err >&2
  exit 1
fi
echo "checks in two worker processes in the frozen app: ok"
echo "smoke: ok"
