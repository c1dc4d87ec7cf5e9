"""Render the hand-drawn SVG icon to the PNG sizes desktops and installers want (Qt's QSvgRenderer).

python packaging/render_icons.py    # writes resources/icons/mtreview-<size>.png
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int, out: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"cannot write {out}")


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = ICONS / "mtreview.svg"
    for size in SIZES:
        out = ICONS / f"mtreview-{size}.png"
        render(svg, size, out)
        print(out.relative_to(ICONS.parent.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
