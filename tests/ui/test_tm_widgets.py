"""TM matches panel, concordance dialog, filter bar and go-to dialog on a real QApplication."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from mtreview.domain.filters import SegmentFilter
from mtreview.domain.model import Severity
from mtreview.services.project import ProjectService
from mtreview.services.saving import SegmentChange
from mtreview.services.tm import ProjectMemory
from mtreview.ui.concordance_dialog import ConcordanceDialog
from mtreview.ui.filter_bar import FilterBar
from mtreview.ui.goto_dialog import GoToDialog
from mtreview.ui.matches_panel import MatchesPanel

ROWS = [
    ("The ferry leaves the pier at seven.", "フェリーは七時に桟橋を出る。"),
    ("The ferry leaves the pier at eight.", "フェリーは八時に桟橋を出発する。"),
    ("Tickets are sold on board.", "切符は船内で販売される。"),
    ("The ferry leaves the pier at seven.", "フェリーは7時に桟橋を出ます。"),
]
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="t" creationtoolversion="1" o-tmf="x"/><body>
<tu><tuv xml:lang="en"><seg>Tickets are sold on board.</seg></tuv>
 <tuv xml:lang="ja"><seg>乗船券は船内で買えます。</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Tickets are sold at the pier.</seg></tuv>
 <tuv xml:lang="ja"><seg>乗船券は桟橋で買えます。</seg></tuv></tu>
</body></tmx>
"""


@pytest.fixture
def ferry(tmp_path: Path):
    tsv = tmp_path / "ferry.tsv"
    tsv.write_text("".join(f"{s}\t{t}\n" for s, t in ROWS), encoding="utf-8")
    tmx = tmp_path / "ref.tmx"
    tmx.write_text(TMX, encoding="utf-8")
    service = ProjectService.open(tmp_path / "f.mtreview", "rin", create=True)
    service.import_path(tsv)
    memory = ProjectMemory(service)
    memory.attach(tmx)
    yield service, memory
    memory.close()
    service.close()


def test_matches_show_the_repetition_first_and_insert_by_number(qtbot, ferry) -> None:
    service, memory = ferry
    ids = service.segment_ids()
    service.save(
        SegmentChange.confirm(ids[0], "フェリーは7時に桟橋を出港する。", service.segment(ids[0]).version)
    ).require_saved()
    panel = MatchesPanel(lambda: memory)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.matchesReady, timeout=60_000) as ready:
        panel.show_segment(service.segment(ids[3]))
    assert ready.args[0] >= 1
    first = panel.matches[0]
    assert first.score == 100 and first.target == "フェリーは7時に桟橋を出港する。"
    assert "ferry#1" in first.where
    with qtbot.waitSignal(panel.insertRequested) as inserted:
        assert panel.insert(1)
    assert inserted.args == ["フェリーは7時に桟橋を出港する。"]
    assert not panel.insert(9)


def test_reference_tm_gives_a_100_and_a_fuzzy_match(qtbot, ferry) -> None:
    service, memory = ferry
    panel = MatchesPanel(lambda: memory)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.matchesReady, timeout=60_000):
        panel.show_segment(service.segment(service.segment_ids()[2]))
    scores = [m.score for m in panel.matches]
    assert scores[0] == 100 and any(50 <= s < 100 for s in scores[1:])
    assert panel.matches[0].where == "ref.tmx"
    assert panel.list.count() == len(panel.matches)
    # each match shows how its source differs from the segment's: none for the 100%, the words for the fuzzy
    from mtreview.ui.richtext import DELETED, HTML_ROLE, INSERTED

    shown = [panel.list.item(i).data(HTML_ROLE) for i in range(panel.list.count())]
    assert DELETED not in shown[0] and INSERTED not in shown[0]
    fuzzy = shown[[m.source for m in panel.matches].index("Tickets are sold at the pier.")]
    import re

    def marked(style: str) -> str:
        return " ".join(re.findall(f'<span style="{re.escape(style)}">([^<]*)</span>', fuzzy))

    assert marked(DELETED).split() == ["on", "board"]  # the segment's words the match lacks
    assert marked(INSERTED).split() == ["at", "the", "pier"]  # and the match's own


def test_concordance_highlights_and_goes_to_a_segment(qtbot, ferry) -> None:
    _service, memory = ferry
    dialog = ConcordanceDialog(lambda: memory)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_query("桟橋")
    with qtbot.waitSignal(dialog.resultsReady, timeout=60_000) as ready:
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert ready.args == [4]  # three project segments and one TM unit
    html = dialog.model.data(dialog.model.index(0, 2), Qt.ItemDataRole.UserRole + 40)
    assert "桟橋</span>" in html
    with qtbot.waitSignal(dialog.segmentActivated) as went:
        dialog.view.activated.emit(dialog.model.index(1, 0))
    assert went.args == ["ferry#2"]


def test_filter_bar_combines_conditions(qtbot) -> None:
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.set_choices(
        {"checks": ["numbers", "glossary"], "categories": ["Accuracy/Omission"], "authors": ["rin"]}
    )
    with qtbot.waitSignal(bar.filterChanged) as changed:
        bar.findings.setCurrentIndex(1)
    assert changed.args[0] == SegmentFilter(has_findings=True)
    bar.severity.setCurrentIndex(bar.severity.findData(Severity.MAJOR))
    bar.check.setCurrentIndex(bar.check.findData("numbers"))
    assert bar.current() == SegmentFilter(
        has_findings=True, severities=frozenset({Severity.MAJOR}), checks=("numbers",)
    )
    with qtbot.waitSignal(bar.filterChanged) as cleared:
        bar.clear()
    assert cleared.args[0] == SegmentFilter()


def test_go_to_dialog(qtbot) -> None:
    dialog = GoToDialog(current=3, last=40)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.number.lineEdit().selectAll()
    qtbot.keyClicks(dialog.number, "27")
    with qtbot.waitSignal(dialog.chosen) as chosen:
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    assert chosen.args == [27]


def test_reference_memories_attach_refuse_and_remove(qtbot, ferry, tmp_path: Path) -> None:
    from mtreview.ui.reference_tms_dialog import ReferenceTmsDialog

    _service, memory = ferry
    dialog = ReferenceTmsDialog(memory)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == 1
    wrong = tmp_path / "de.tmx"
    wrong.write_text(TMX.replace('xml:lang="ja"', 'xml:lang="de"'), encoding="utf-8")
    with qtbot.waitSignal(dialog.attachFinished, timeout=60_000) as finished:
        dialog.attach(str(wrong))
    assert finished.args[0] is False and "de" in finished.args[1] and str(wrong) in finished.args[1]
    assert dialog.list.count() == 1
    other = tmp_path / "other.tmx"
    other.write_text(TMX, encoding="utf-8")
    with qtbot.waitSignal(dialog.attachFinished, timeout=60_000) as finished:
        dialog.attach(str(other))
    assert finished.args[0] is True
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == ["ref.tmx", "other.tmx"]
    dialog.list.setCurrentRow(0)
    with qtbot.waitSignal(dialog.changed):
        dialog.remove_button.click()
    assert [r.name for r in memory.references()] == ["other.tmx"]
