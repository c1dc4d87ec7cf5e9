"""The glossary is edited in the GUI and imported from CSV; idioms extend the lexicon."""

from mtreview.qa.lexicons import load_lexicons
from mtreview.ui.glossary_dialog import GlossaryDialog


def test_glossary_edit_import_and_checks(qtbot, window, project, tmp_path, monkeypatch):
    csv = tmp_path / "terms.csv"
    csv.write_text("source,target,type,forbidden\nrenovation,改修,term,リノベーション\n", encoding="utf-8")
    dialog = GlossaryDialog(project, window)
    qtbot.addWidget(dialog)
    assert dialog.import_path(str(csv)) == 1
    dialog.add_row({"source": "Solberg", "targets": ["ソルベルグ"], "type": "person"})
    dialog.save()
    stored = project.get_setting("glossary")
    assert [r["source"] for r in stored] == ["renovation", "Solberg"]
    assert stored[1]["type"] == "person"
    again = GlossaryDialog(project, window)
    qtbot.addWidget(again)
    assert [r["source"] for r in again.rows()] == ["renovation", "Solberg"]


def test_added_idiom_reaches_the_lexicon_and_bad_entries_are_refused(qtbot, window, project, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    dialog = GlossaryDialog(project, window)
    qtbot.addWidget(dialog)
    dialog.idiom.setText("jump the gun")
    dialog.literal.setText("銃を飛|銃を跳")
    dialog.accepted_renderings.setText("早まる|フライングする")
    dialog.add_idiom()
    assert "jump the gun" in dialog.idiom_status.text()
    lex = load_lexicons()
    assert any(i.idiom == "jump the gun" for i in lex.idioms) and not lex.errors
    dialog.idiom.setText("no literal words")
    dialog.add_idiom()
    assert warnings and not load_lexicons().errors
