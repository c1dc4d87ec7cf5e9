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
