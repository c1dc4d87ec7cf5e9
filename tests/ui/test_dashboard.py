"""The Dashboard computes off the GUI thread, shows scores that match the scoring service, and opens the
worst segment in the Review view."""

from mtreview.domain.model import AnnotationDraft, Severity
from mtreview.services.saving import SegmentChange
from mtreview.services.scores import score_project


def test_dashboard_shows_documents_worst_segments_and_clicks_through(qtbot, window, project):
    ids = project.segment_ids()
    worst = project.segment(ids[1])
    project._store.add_annotations(
        [AnnotationDraft(worst.id, "Accuracy/Mistranslation", Severity.MAJOR, start=3, end=9)], "lead"
    )
    first = project.segment(ids[0])
    project.save(SegmentChange.confirm(first.id, "図書館が土曜日に再開した。", first.version)).require_saved()
    window.views.setCurrentWidget(window.dashboard)
    qtbot.waitUntil(
        lambda: window.dashboard.worst_model.rowCount() > 0, timeout=60000
    )  # a backstop: the condition is the wait
    model = window.dashboard.documents_model
    expected = score_project(project._store).documents[0]
    assert model.item(0, 0).text() == expected.name
    assert model.item(0, 7).text() == f"{expected.mqm_penalty:g}" == "5"
    assert model.item(0, 3).text() == "1/3"
    assert window.dashboard.worst_model.item(0, 2).text() == "5"
    assert window.dashboard.charts["errors"].isVisibleTo(window.dashboard)
    reviewers = {
        window.dashboard.reviewers_model.item(r, 0).text()
        for r in range(window.dashboard.reviewers_model.rowCount())
    }
    assert {"lead", "tester"} <= reviewers
    window.dashboard.worst.doubleClicked.emit(window.dashboard.worst_model.index(0, 0))
    assert window.views.currentIndex() == 0
    assert window.review.current.id == worst.id


def _clipped_cells(view) -> list[str]:
    """Cells whose text is wider than their column: what a user sees as "7…"."""
    model, metrics = view.model(), view.fontMetrics()
    out = []
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            text = str(model.index(row, col).data() or "")
            if metrics.horizontalAdvance(text) + 6 > view.columnWidth(col):
                out.append(text)
    return out


def test_dashboard_tables_show_whole_numbers_and_the_verdict_in_both_languages(qtbot, window, project):
    from mtreview import i18n
    from mtreview.ui.dashboard import Dashboard

    window.resize(1000, 700)  # narrower than a laptop screen
    window.views.setCurrentWidget(window.dashboard)
    qtbot.waitUntil(lambda: window.dashboard.documents_model.rowCount() > 0, timeout=20000)
    row = [window.dashboard.documents_model.item(0, c).text() for c in range(12)]
    assert row[10] == "—" and row[11] == "not reviewed"  # 0 of 3 confirmed: no quality, no PASS
    for view in (window.dashboard.documents, window.dashboard.worst, window.dashboard.reviewers):
        assert _clipped_cells(view) == []
    try:
        i18n.set_language("ja")
        japanese = Dashboard()
        qtbot.addWidget(japanese)
        japanese.resize(1000, 700)
        japanese.show()
        from mtreview.services.dashboard import build, render_charts

        data = build(project)
        data.charts.update(render_charts(data.report))
        japanese.show_data(data)
        assert _clipped_cells(japanese.documents) == []
        assert japanese.documents_model.item(0, 11).text() == i18n._("not reviewed") != "not reviewed"
    finally:
        i18n.set_language("en")
    chart = window.dashboard.charts["quality"]
    assert chart.isVisibleTo(window.dashboard)
    from PySide6.QtCore import Qt

    assert chart.renderer().aspectRatioMode() == Qt.AspectRatioMode.KeepAspectRatio


def test_empty_charts_and_tables_say_why_instead_of_showing_an_empty_frame(qtbot, window, project):
    # A fresh project: nothing confirmed, nothing corrected.
    window.views.setCurrentWidget(window.dashboard)
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard.documents_model.rowCount() > 0, timeout=20000)
    for key in ("errors", "chrf", "mqm"):
        assert not dashboard.charts[key].isVisibleTo(dashboard)
        assert dashboard.placeholders[key].isVisibleTo(dashboard), key
        assert dashboard.placeholders[key].text()
    assert dashboard.charts["quality"].isVisibleTo(dashboard)
    assert not dashboard.placeholders["quality"].isVisibleTo(dashboard)
    assert dashboard.worst_placeholder.isVisibleTo(dashboard)
    # Once an error is confirmed, its chart replaces the sentence.
    first = project.segment(project.segment_ids()[0])
    project._store.add_annotations(
        [AnnotationDraft(first.id, "Accuracy/Mistranslation", Severity.MAJOR, start=0, end=2)], "lead"
    )
    with qtbot.waitSignal(dashboard.worst_model.rowsInserted, timeout=60000):
        dashboard.refreshRequested.emit()
    assert dashboard.charts["errors"].isVisibleTo(dashboard)
    assert not dashboard.placeholders["errors"].isVisibleTo(dashboard)
    assert not dashboard.worst_placeholder.isVisibleTo(dashboard)


def test_chart_text_is_not_shrunk_to_fit_its_box(qtbot, window, project):
    # A corrected segment and a confirmed error: all four charts draw. At a laptop window's size no chart
    # is shrunk below its natural size (a pixel per point: the charts' 9-point text stays 9 px or more);
    # the histograms, taller than their boxes, were drawn at 0.96 and smaller than the charts beside them.
    first = project.segment(project.segment_ids()[0])
    project._store.add_annotations(
        [AnnotationDraft(first.id, "Accuracy/Mistranslation", Severity.MAJOR, start=0, end=2)], "lead"
    )
    project.save(SegmentChange.confirm(first.id, "図書館が土曜日に再開した。", first.version)).require_saved()
    window.resize(1284, 691)  # the window on a 1366x768 screen
    window.views.setCurrentWidget(window.dashboard)
    qtbot.waitUntil(lambda: window.dashboard.worst_model.rowCount() > 0, timeout=60000)
    for key, chart in window.dashboard.charts.items():
        assert chart.isVisibleTo(window.dashboard), key
        natural = chart.renderer().defaultSize()
        scale = min(chart.width() / natural.width(), chart.height() / natural.height())
        assert scale >= 1.0, (key, scale, chart.size(), natural)
