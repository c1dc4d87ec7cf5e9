"""The HTML report reads as a QA lead needs it: the worst segments with their texts and annotations, an
issue table by category and severity with examples, the share reviewed, the pending proposals, and counts
with proper plurals in English and Japanese."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from mtreview import i18n
from mtreview.domain.model import AnnotationDraft, AnnotationState, ImportedDocument, SegmentDraft, Severity
from mtreview.services import charts, report_data
from mtreview.services.project import ProjectService
from mtreview.services.report import render_html, write_html
from mtreview.services.saving import SegmentChange


def _span(text: str, words: str) -> dict[str, int]:
    return {"start": text.index(words), "end": text.index(words) + len(words)}


# Our own article: a person's name as a company, a wrong currency, an idiom taken literally, a clean line.
SEGMENTS = [
    ("Curator Idris Vale opened the exhibition.", "キュレーターのイドリス・ヴェイル社が展示を開いた。"),
    ("Admission is five euros.", "入場料は5ドルです。"),
    ("It rained cats and dogs all weekend.", "週末ずっと猫と犬が降った。"),
    ("The museum is closed on Mondays.", "博物館は月曜日に休館です。"),
    ("Guided tours start at noon.", "ガイドツアーは正午に始まります。"),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    location = tmp_path / "museum.mtreview"
    svc = ProjectService.open(location, "qa-lead", create=True)
    try:
        svc.import_document(
            ImportedDocument("museum", [SegmentDraft(s, t) for s, t in SEGMENTS], engine="mt-a")
        )
        ids = svc.segment_ids()
        svc._store.add_annotations(
            [
                AnnotationDraft(
                    ids[0],
                    "Accuracy/Mistranslation",
                    Severity.MAJOR,
                    **_span(SEGMENTS[0][1], "イドリス・ヴェイル社"),
                    comment="a person",
                ),
                AnnotationDraft(
                    ids[1], "Accuracy/Mistranslation", Severity.MAJOR, **_span(SEGMENTS[1][1], "ドル")
                ),
                AnnotationDraft(
                    ids[2], "Style/Awkward", Severity.MINOR, **_span(SEGMENTS[2][1], "猫と犬が降った")
                ),
                AnnotationDraft(
                    ids[3],
                    "Fluency/Punctuation",
                    Severity.MINOR,
                    start=0,
                    end=3,
                    state=AnnotationState.PROPOSED,
                ),
            ],
            "qa-lead",
        )
        first = svc.segment(ids[0])
        svc.save(
            SegmentChange.confirm(
                first.id, "キュレーターのイドリス・ヴェイル氏が展示を開いた。", first.version
            )
        ).require_saved()
    finally:
        svc.close()
    return location


def _data(location: Path) -> report_data.ReportData:
    return report_data.load(str(location))


def test_worst_segments_show_texts_and_annotations(project: Path) -> None:
    data = _data(project)
    assert [w.score.id for w in data.worst] == ["museum#1", "museum#2", "museum#3"]
    page = lxml.html.fromstring(render_html(data))
    text = page.text_content()
    # The worst segment with its source, MT (error span marked), correction and its annotation.
    assert SEGMENTS[0][0] in text and SEGMENTS[0][1] in text
    assert "キュレーターのイドリス・ヴェイル氏が展示を開いた。" in text
    marks = [m.text_content() for m in page.iter("mark")]
    assert "イドリス・ヴェイル社" in marks and "ドル" in marks
    assert "a person" in text and "not corrected" in text  # the comment; the second one has no correction
    # The edit as tracked changes: the MT's 社 struck out, 氏 put in (character by character in Japanese).
    assert [d.text_content() for d in page.iter("del")] == ["社"]
    assert [i.text_content() for i in page.iter("ins")] == ["氏"]


def test_issue_table_by_category_and_severity_with_examples(project: Path) -> None:
    data = _data(project)
    cells = {(c.category, c.severity): c for c in data.issues}
    assert cells[("Accuracy/Mistranslation", Severity.MAJOR)].count == 2
    assert [e.text for e in cells[("Accuracy/Mistranslation", Severity.MAJOR)].examples] == [
        "イドリス・ヴェイル社",
        "ドル",
    ]
    assert ("Fluency/Punctuation", Severity.MINOR) not in cells  # a proposal is not an issue yet
    page = lxml.html.fromstring(render_html(data))
    rows = [
        [td.text_content() for td in tr.findall("td")]
        for table in page.iter("table")
        if "examples" in table.findtext(".//th[4]", default="")
        for tr in table.iter("tr")
        if tr.findall("td")
    ]
    assert rows[0][:3] == ["Accuracy / Mistranslation", "major", "2"] and "「ドル」" in rows[0][3]


def test_share_reviewed_and_pending_proposals(project: Path) -> None:
    data = _data(project)
    assert (data.reviewed, data.segments) == (1, 5)
    assert data.pending.total == 1 and data.pending.by_check == {"manual": 1}
    text = lxml.html.fromstring(render_html(data)).text_content()
    assert "1 of 5 segments reviewed (20%)." in text
    assert "1 proposal of the automatic checks is waiting for a decision" in text
    assert "Pending proposals" in text
    # The document fails on its confirmed errors (11 per 30 words), whatever is left to review.
    assert "1 document fails the threshold 90." in text


def test_checks_proposals_are_named_in_the_ui_language(tmp_path: Path) -> None:
    from mtreview.services.importing import import_and_check

    page = tmp_path / "p.tsv"
    page.write_text("source\ttarget\nThe change was substantial.\t変化は substantial だった。\n", "utf-8")
    svc = ProjectService.open(tmp_path / "p.mtreview", "t", create=True)
    try:
        import_and_check(svc, page)
        data = report_data.for_project(svc)
    finally:
        svc.close()
    assert data.pending.by_check["untranslated"] >= 1
    html = render_html(data)
    assert "Untranslated English" in html
    try:
        i18n.set_language("ja")
        html = render_html(data)
    finally:
        i18n.set_language("en")
    assert "Untranslated English" not in html and 'lang="ja"' in html


@pytest.mark.parametrize("n_docs", [1, 2])
def test_plurals_in_english_and_japanese(tmp_path: Path, n_docs: int) -> None:
    location = tmp_path / "p.mtreview"
    svc = ProjectService.open(location, "t", create=True)
    try:
        for i in range(n_docs):
            svc.import_document(ImportedDocument(f"doc{i}", [SegmentDraft("One line.", "一行。")]))
    finally:
        svc.close()
    data = _data(location)
    text = lxml.html.fromstring(render_html(data)).text_content()
    if n_docs == 1:
        assert (
            "1 document containing 1 segment" in text
            and "1 documents" not in text
            and "1 segments" not in text
        )
        assert "1 document is not reviewed yet." in text
    else:
        assert "2 documents containing 2 segments" in text and "2 documents are not reviewed yet." in text
    try:
        i18n.set_language("ja")
        ja = lxml.html.fromstring(render_html(data)).find("body").text_content()
    finally:
        i18n.set_language("en")
    assert not re.search(r"\b(documents?|segments?|reviewed)\b", ja), ja[:400]
    assert f"{n_docs} 件" in ja or f"{n_docs}件" in ja


def test_unreviewed_document_reads_not_reviewed_not_pass(tmp_path: Path) -> None:
    location = tmp_path / "p.mtreview"
    svc = ProjectService.open(location, "t", create=True)
    try:
        svc.import_document(ImportedDocument("fresh", [SegmentDraft("One line.", "一行。")]))
    finally:
        svc.close()
    page = lxml.html.fromstring(render_html(_data(location)))
    row = [td.text_content() for td in page.find(".//tbody/tr").findall("td")]
    assert row[0] == "fresh" and row[2] == "0/1" and row[7] == "—" and row[8] == "not reviewed"
    assert "PASS" not in page.text_content()


def test_report_file_is_self_contained(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    write_html(_data(project), out, inputs=[str(project)])
    text = out.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", text) and "<script" not in text


def _overlaps(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def test_error_chart_legend_does_not_cover_the_bars_and_counts_are_whole(project: Path) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    data = _data(project)
    with charts._rc():
        fig = charts.errors_figure(data.scores)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer = canvas.get_renderer()
        (ax,) = fig.axes
        legend = fig.legends[0].get_window_extent(renderer)
        assert not _overlaps(legend, ax.get_window_extent(renderer))
        ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert ticks and all(re.fullmatch(r"[0-9]+", t.replace("−", "-")) for t in ticks), ticks


def test_chart_labels_follow_the_ui_language(project: Path) -> None:
    data = _data(project)
    try:
        i18n.set_language("ja")
        svg = charts.chart_errors(data.scores) or ""
    finally:
        i18n.set_language("en")
    assert i18n.category_label("Accuracy") not in svg  # the English label is gone…
    i18n.set_language("ja")
    try:
        assert i18n.category_label("Accuracy") in svg and i18n._("major") in svg  # …for the Japanese one
    finally:
        i18n.set_language("en")


def test_quality_chart_draws_no_bar_for_a_document_nobody_reviewed(tmp_path: Path) -> None:
    location = tmp_path / "p.mtreview"
    svc = ProjectService.open(location, "t", create=True)
    try:
        svc.import_document(ImportedDocument("fresh", [SegmentDraft("One line.", "一行。")]))
    finally:
        svc.close()
    data = _data(location)
    with charts._rc():
        fig = charts.quality_figure(data.scores)
    (ax,) = fig.axes
    assert [bar.get_width() for bar in ax.patches] == [0.0]  # not a full bar that reads as quality 100
    assert [t.get_text() for t in ax.texts] == ["not reviewed"]
