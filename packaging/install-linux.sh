#!/usr/bin/env bash
# Install a one-folder build for one user (or into a staging root with DESTDIR and PREFIX=/usr).
#   bash packaging/install-linux.sh [dist/mtreview-<version>]
# Puts the app in $PREFIX/lib/mtreview, a `mtreview` link in $PREFIX/bin, the .desktop file, AppStream
# metainfo, the MIME type of *.mtreview and the icon set where desktops look for them.
set -euo pipefail
cd "$(dirname "$0")/.."
APP_ID=io.github.mtreview.mtreview
SRC=${1:-$(ls -d dist/mtreview-*/ 2>/dev/null | sort -V | tail -n 1)}
SRC=${SRC%/}
[ -x "$SRC/mtreview" ] || { echo "no build at '$SRC' (run bash packaging/build.sh first)" >&2; exit 2; }
PREFIX=${PREFIX:-$HOME/.local}
ROOT="${DESTDIR:-}$PREFIX"

mkdir -p "$ROOT/lib" "$ROOT/bin" "$ROOT/share/applications" "$ROOT/share/metainfo" "$ROOT/share/mime/packages"
rm -rf "$ROOT/lib/mtreview"
cp -a "$SRC" "$ROOT/lib/mtreview"
ln -sfn "$PREFIX/lib/mtreview/mtreview" "$ROOT/bin/mtreview"
install -m 644 "packaging/$APP_ID.desktop" "$ROOT/share/applications/$APP_ID.desktop"
install -m 644 "packaging/$APP_ID.metainfo.xml" "$ROOT/share/metainfo/$APP_ID.metainfo.xml"
install -m 644 "packaging/$APP_ID.mime.xml" "$ROOT/share/mime/packages/$APP_ID.xml"
for png in resources/icons/mtreview-*.png; do
  size=$(basename "$png" .png); size=${size#mtreview-}
  install -D -m 644 "$png" "$ROOT/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
install -D -m 644 resources/icons/mtreview.svg "$ROOT/share/icons/hicolor/scalable/apps/$APP_ID.svg"

if [ -z "${DESTDIR:-}" ]; then  # refresh the desktop's caches where the tools exist
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$ROOT/share/applications" || true
  command -v update-mime-database >/dev/null && update-mime-database "$ROOT/share/mime" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$ROOT/share/icons/hicolor" || true
fi
echo "installed $SRC into $ROOT (run: $PREFIX/bin/mtreview)"
