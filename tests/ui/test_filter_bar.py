"""The grid's filter row shows each box's chosen text whole where the window has room (it showed
"severity: ar" and "author: a" at 1366 px), and still shrinks for a small screen."""

from __future__ import annotations

import pytest

from mtreview.i18n import set_language
from mtreview.ui.filter_bar import FilterBar


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_filter_boxes_show_their_chosen_text_whole_when_there_is_room(qtbot, lang: str) -> None:
    set_language(lang)
    try:
        bar = FilterBar()
        qtbot.addWidget(bar)
        choices = {"checks": ["numbers", "name-as-company"], "authors": ["rin"], "categories": ["Accuracy"]}
        bar.set_choices(choices)
        bar.resize(1100, 40)
        bar.show()
        qtbot.waitExposed(bar)
        boxes = (bar.findings, bar.severity, bar.category, bar.check, bar.author, bar.confidence)
        for box in boxes:
            text = box.currentText()
            assert box.width() > box.fontMetrics().horizontalAdvance(text), (text, box.width())
        # a longer choice asks for more room at once
        bar.confidence.setCurrentIndex(1)
        qtbot.waitUntil(
            lambda: (
                bar.confidence.width()
                > bar.confidence.fontMetrics().horizontalAdvance(bar.confidence.currentText())
            )
        )
        # and on a small screen the row still fits: every box keeps only its narrow minimum
        narrow = sum(box.minimumWidth() for box in boxes)
        assert narrow < 6 * 90
    finally:
        set_language("en")
