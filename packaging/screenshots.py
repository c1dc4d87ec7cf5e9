"""Screenshots of the main views in English and Japanese (offscreen; needs a CJK font such as
fonts-noto-cjk for the Japanese text).

    python packaging/screenshots.py [OUT_DIR] [LANG...]   # default: docs/screenshots en ja
                                                          # (pseudo: the pseudo-translation, for clipping)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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


def main() -> int:
    default = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    out.mkdir(parents=True, exist_ok=True)
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
    for lang in sys.argv[2:] or ("en", "ja"):
        i18n.set_language(lang)
        translators = install_qt_translations(app, lang)
        prefs = Preferences(reviewer="reviewer")
        service = ProjectService.open(sample_project_path(prefs.reviewer), prefs.reviewer)
        _review_some(service)
        window = MainWindow(service, prefs)
        window.resize(1280, 800)
        window.show()
        window.grid.select_row(1)
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(out / f"review-{lang}.png"))
        # The other two views of the same project: Alignment, and the Dashboard once it has computed.
        window.views.setCurrentWidget(window.alignment_view)
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(out / f"alignment-{lang}.png"))
        window.views.setCurrentWidget(window.dashboard)
        deadline = time.monotonic() + 60
        while window.dashboard.worst_model.rowCount() == 0 and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.05)
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(out / f"dashboard-{lang}.png"))
        window.views.setCurrentIndex(0)
        for name, make in (("preferences", open_preferences), ("project-settings", open_project_settings)):
            dialog = make(window)
            dialog.show()
            for _ in range(10):
                app.processEvents()
            dialog.grab().save(str(out / f"{name}-{lang}.png"))
            dialog.close()
        window.close()
        service.close()
        for t in translators:
            app.removeTranslator(t)
        print(f"{lang}: {sorted(p.name for p in out.glob(f'*-{lang}.png'))}")
    i18n.set_language("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
