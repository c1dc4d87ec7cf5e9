"""Save a screenshot of the whole X display (``$DISPLAY``) as PNG, and refuse a blank one.

    python packaging/x11_screenshot.py OUT.png

A separate process from the app (a real X client grabbing the root window, as a screenshot tool does), so
it shows what the X server shows: the window manager's frame, the window where it really is, its size.
Exit status 1 when the picture is (nearly) one colour: a window that never painted.
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    screen = app.primaryScreen()
    picture = screen.grabWindow(0)
    if picture.isNull() or not picture.save(sys.argv[1], "PNG"):
        print(f"x11_screenshot: could not grab the display or write {sys.argv[1]}", file=sys.stderr)
        return 1
    image = picture.toImage()
    step = max(1, min(image.width(), image.height()) // 200)
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)
    }
    size = screen.geometry()
    print(
        f"{sys.argv[1]}: {image.width()}x{image.height()} (screen {size.width()}x{size.height()}), "
        f"{len(colours)} colours sampled"
    )
    if len(colours) < 20:
        print("x11_screenshot: the screen is (nearly) blank", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
