"""Grid cells show whole lines and an ellipsis when text is cut, at every width (issue 17)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetricsF

from mtreview.ui.text_delegate import ELLIPSIS, lines_for

JAPANESE = (
    "港町の図書館は三年間の閉鎖を経て土曜日に再び扉を開き、地元の漁業組合と約千八百人の住民から"
    "寄せられた寄付で改修された新しい閲覧室には、朝早くから多くの家族連れが訪れました。"
)
ENGLISH = (
    "The harbour library reopened on Saturday after three years of closure, and the new reading room, "
    "renovated with donations from the fishermen's cooperative and 1,800 residents, filled up early."
)


@pytest.mark.parametrize("text", [JAPANESE, ENGLISH, "一行目\n二行目の少し長いテキスト\n三行目"])
@pytest.mark.parametrize("width", [60, 120, 230, 400, 900])
@pytest.mark.parametrize("lines_room", [1, 2, 3, 5])
def test_cells_show_whole_lines_and_an_ellipsis_when_cut(qapp, text, width, lines_room):
    font = QFont()
    metrics = QFontMetricsF(font)
    height = metrics.lineSpacing() * lines_room + 2  # room for that many lines, and a sliver more
    cell = lines_for(text, font, width, height)
    assert 1 <= len(cell.lines) <= lines_room  # never a line cut through its glyphs
    for line in cell.lines:
        assert metrics.horizontalAdvance(line) <= width + 0.5, line  # nothing runs past the column
    shown = "".join(line.removesuffix(ELLIPSIS) for line in cell.lines)
    everything = text.replace("\n", "").replace(" ", "")
    if cell.elided:
        assert cell.lines[-1].endswith(ELLIPSIS)
        assert len(shown.replace(" ", "")) < len(everything)
    else:
        assert shown.replace(" ", "") == everything  # all of it is there


def test_a_long_paragraph_in_a_three_line_row_is_elided(qapp):
    font = QFont()
    cell = lines_for(JAPANESE, font, 200, QFontMetricsF(font).lineSpacing() * 3)
    assert len(cell.lines) == 3 and cell.elided and cell.lines[-1].endswith(ELLIPSIS)
    # lines follow each other: each starts where the text continues
    assert JAPANESE.startswith(cell.lines[0]) and cell.starts[1] == len(cell.lines[0])
