"""Project settings: typology, weight overrides, threshold and checks are stored in the project."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from mtreview.qa.registry import available_checks
from mtreview.scoring.typology import available, load
from mtreview.services.project import ProjectService
from mtreview.ui.project_settings import ProjectSettingsDialog


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[1:]}")

    monkeypatch.setattr(QMessageBox, "warning", refuse)


def _check_items(dialog):
    return {
        dialog.checks.item(i).data(Qt.ItemDataRole.UserRole): dialog.checks.item(i)
        for i in range(dialog.checks.count())
    }


def test_defaults_show_the_typology_weights_and_each_checks_default(qtbot, project):
    dialog = ProjectSettingsDialog(project)
    qtbot.addWidget(dialog)
    typ = load(dialog.typology.currentData())
    assert {k: s.value() for k, s in dialog.weights.items()} == pytest.approx(dict(typ.weights))
    checks, _errors = available_checks()
    items = _check_items(dialog)
    assert set(items) == set(checks)
    for cid, cls in checks.items():
        assert (items[cid].checkState() == Qt.CheckState.Checked) is cls.enabled_by_default
    assert dialog.values()["weights"] is None  # nothing differs: no override stored


def test_settings_round_trip_through_the_project_file(qtbot, project):
    other = next(i for i in available() if i != project.setting("typology"))
    dialog = ProjectSettingsDialog(project)
    qtbot.addWidget(dialog)
    dialog.typology.setCurrentIndex(dialog.typology.findData(other))
    base = dict(load(other).weights)
    dialog.weights["major"].setValue(base["major"] + 2.5)
    dialog.threshold.setValue(72.5)
    items = _check_items(dialog)
    off = sorted(items)[0]
    items[off].setCheckState(Qt.CheckState.Unchecked)
    saved = []
    dialog.saved.connect(saved.append)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert saved and saved[0].settings

    reopened = ProjectService.open(project.location, "someone")  # a second reader of the same file
    try:
        assert reopened.setting("typology") == other
        assert reopened.setting("weights") == {"major": pytest.approx(base["major"] + 2.5)}
        assert reopened.setting("threshold") == pytest.approx(72.5)
        assert off not in reopened.setting("enabled_checks")
        assert set(reopened.setting("enabled_checks")) == set(items) - {off}

        again = ProjectSettingsDialog(reopened)
        qtbot.addWidget(again)
        assert again.typology.currentData() == other
        assert again.weights["major"].value() == pytest.approx(base["major"] + 2.5)
        assert again.weights["minor"].value() == pytest.approx(base["minor"])
        assert again.threshold.value() == pytest.approx(72.5)
        assert _check_items(again)[off].checkState() == Qt.CheckState.Unchecked
    finally:
        reopened.close()


def test_resetting_weights_removes_the_override(qtbot, project):
    project.set_setting("weights", {"critical": 99.0})
    dialog = ProjectSettingsDialog(project)
    qtbot.addWidget(dialog)
    assert dialog.weights["critical"].value() == pytest.approx(99.0)
    dialog.reset_weights.click()
    assert dialog.values()["weights"] is None
    dialog.save()
    assert project.setting("weights") is None


def test_cancel_stores_nothing(qtbot, project):
    before = project.setting("threshold")
    dialog = ProjectSettingsDialog(project)
    qtbot.addWidget(dialog)
    dialog.threshold.setValue(11.0)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert project.setting("threshold") == before


def test_project_settings_action_opens_the_dialog_on_the_open_project(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(ProjectSettingsDialog, "exec", lambda self: opened.append(self) or 0)
    window.registry.action("tools.project_settings").trigger()
    assert opened and opened[0].service is window.service


def test_glossary_and_lexicon_files_round_trip(qtbot, project, tmp_path):
    glossary = tmp_path / "terms.tsv"
    glossary.write_text("source\ttarget\nreading room\t閲覧室\n", encoding="utf-8")
    names = tmp_path / "names.txt"
    names.write_text("Ingrid\nTorvald\n", encoding="utf-8")
    dialog = ProjectSettingsDialog(project)
    qtbot.addWidget(dialog)
    assert dialog.add_glossary_file(str(glossary))
    assert dialog.add_glossary_file(str(glossary))  # the same file twice is listed once
    assert dialog.add_lexicon_file("given_names", str(names))
    dialog.save()
    assert project.setting("glossary_files") == [str(glossary)]
    assert project.setting("lexicons") == {"given_names": [str(names)]}

    again = ProjectSettingsDialog(project)
    qtbot.addWidget(again)
    assert again.glossary_files() == [str(glossary)]
    assert again.lexicon_files() == {"given_names": [str(names)]}
    again.glossaries.setCurrentRow(0)
    again.remove_glossary.click()
    again.save()
    assert project.setting("glossary_files") is None


@pytest.mark.parametrize(
    ("kind", "content"),
    [
        ("glossary", "no header here\n"),
        ("idioms", "only one column\n"),
    ],
)
def test_a_broken_file_is_reported_and_not_added(qtbot, project, tmp_path, monkeypatch, kind, content):
    bad = tmp_path / ("bad.tsv" if kind == "glossary" else "bad-idioms.tsv")
    bad.write_text(content, encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    dialog = ProjectSettingsDialog(project)
    qtbot.addWidget(dialog)
    added = (
        dialog.add_glossary_file(str(bad)) if kind == "glossary" else dialog.add_lexicon_file(kind, str(bad))
    )
    assert not added
    assert shown and "bad" in shown[0]  # the message names the file
    assert dialog.values()["glossary_files"] is None and dialog.values()["lexicons"] is None
