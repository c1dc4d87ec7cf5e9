"""Screenshots of the main views in English and Japanese on a 1366x768 and a 1920x1080 screen (offscreen;
needs a CJK font such as fonts-noto-cjk for the Japanese text).

    python packaging/screenshots.py [OUT_DIR] [LANG...]   # default: docs/screenshots en ja
                                                          # (pseudo: the pseudo-translation, for clipping)

Each screen size runs in its own process: Qt's offscreen platform takes the screen's size from a JSON
file named in ``QT_QPA_PLATFORM`` (``offscreen:configfile=…``), and the window sizes itself to that screen
as it does on a real one. Files: ``review-en-1366.png``, ``dashboard-ja-1920.png``…; the pictures are
reduced to 256 colours (Pillow, when it is installed) to keep the repository small.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCREENS = ((1366, 768), (1920, 1080))
"""A common laptop screen and a full-HD one."""
ALL_VIEWS_AT = 1366
"""The screen at which the alignment view and the dialogs are taken too (review and dashboard: both)."""


def _review_some(service: object) -> None:
    """Midway through a review: the checks' proposals triaged, the first segments corrected."""
    from mtreview.domain.model import AnnotationState
    from mtreview.services.project import ProjectService
    from mtreview.services.saving import SegmentChange

    assert isinstance(service, ProjectService)
    if service.segment_count() and not service.annotations(states=[AnnotationState.CONFIRMED]):
        for ann in service.annotations(states=[AnnotationState.PROPOSED]):
            state = (
                AnnotationState.DISMISSED if ann.origin == "punctuation-width" else AnnotationState.CONFIRMED
            )
            service.triage(ann.id, ann.version, state)
        for sid in service.segment_ids()[:4]:
            seg = service.segment(sid)
            text = seg.mt.replace("320万円", "320万ドル").replace("氷を割るために", "場を和ませるために")
            service.save(SegmentChange.confirm(sid, text, seg.version))


def _small(path: Path) -> None:
    """256 colours: a third of the size, no visible change for a window of flat colours and text."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as image:
        reduced = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    reduced.save(path, optimize=True)


def main() -> int:
    default = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    out.mkdir(parents=True, exist_ok=True)
    langs = sys.argv[2:] or ["en", "ja"]
    for width, height in SCREENS:
        config = Path(tempfile.mkdtemp(prefix="mtreview-screen-")) / "screen.json"
        screen = {"name": "shots", "x": 0, "y": 0, "width": width, "height": height}
        config.write_text(
            json.dumps({"screens": [{**screen, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})
        )
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
        code = subprocess.call([sys.executable, __file__, "--screen", str(width), str(out), *langs], env=env)
        if code:
            return code
    return 0


def shoot(width: int, out: Path, langs: list[str]) -> int:
    """In a process whose (offscreen) screen is ``width`` wide: every view in every language."""
    home = Path(tempfile.mkdtemp(prefix="mtreview-shots-"))
    os.environ["MTREVIEW_CONFIG_DIR"] = str(home / "config")
    os.environ["MTREVIEW_DATA_DIR"] = str(home / "data")

    from PySide6.QtWidgets import QApplication

    from mtreview import i18n
    from mtreview.services.prefs import Preferences
    from mtreview.services.project import ProjectService
    from mtreview.services.sample import sample_project_path
    from mtreview.ui.app import install_qt_translations, make_application
    from mtreview.ui.main_window import MainWindow
    from mtreview.ui.preferences import open_preferences, open_project_settings

    app = make_application(sys.argv[:1])
    assert isinstance(app, QApplication)

    def save(widget: object, name: str) -> None:
        path = out / f"{name}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        _small(path)

    for lang in langs:
        i18n.set_language(lang)
        translators = install_qt_translations(app, lang)
        prefs = Preferences(reviewer="reviewer")
        service = ProjectService.open(sample_project_path(prefs.reviewer), prefs.reviewer)
        _review_some(service)
        window = MainWindow(service, prefs)  # sized to the screen as on a real one
        window.show()
        window.grid.select_row(1)
        for _ in range(20):
            app.processEvents()
        save(window, f"review-{lang}-{width}")
        # The other two views of the same project: Alignment, and the Dashboard once it has computed.
        if width == ALL_VIEWS_AT:
            window.views.setCurrentWidget(window.alignment_view)
            for _ in range(20):
                app.processEvents()
            save(window, f"alignment-{lang}-{width}")
        window.views.setCurrentWidget(window.dashboard)
        deadline = time.monotonic() + 60
        while window.dashboard.worst_model.rowCount() == 0 and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.05)
        for _ in range(20):
            app.processEvents()
        save(window, f"dashboard-{lang}-{width}")
        window.views.setCurrentIndex(0)
        dialogs = (("preferences", open_preferences), ("project-settings", open_project_settings))
        for name, make in dialogs if width == ALL_VIEWS_AT else ():
            dialog = make(window)
            dialog.show()
            for _ in range(10):
                app.processEvents()
            save(dialog, f"{name}-{lang}")
            dialog.close()
        window.close()
        service.close()
        for t in translators:
            app.removeTranslator(t)
        print(f"{lang} at {width}: {sorted(p.name for p in out.glob(f'*-{lang}*.png'))}")
    i18n.set_language("en")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--screen"]:
        sys.exit(shoot(int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:]))
    sys.exit(main())
