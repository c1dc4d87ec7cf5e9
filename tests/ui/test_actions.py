"""The action registry: one entry is a menu item, a line of the F1 list and a row in Preferences."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from mtreview.ui.actions import LEGACY_IDS, ActionSpec, migrate_shortcuts
from mtreview.ui.preferences import open_preferences


def test_one_registry_entry_reaches_the_menu_help_and_preferences(qtbot, window):
    triggered = []
    action = window.registry.add(
        ActionSpec("tools.say_hello", "Say &Hello", lambda: triggered.append(1), "Ctrl+Alt+H", "tools", 0)
    )
    assert action in window.tools_menu.actions()
    # it joins its group: before the separator that leads to Project Settings and Preferences
    entries = window.tools_menu.actions()
    assert entries.index(action) < entries.index(window.registry.action("tools.project_settings"))
    assert ("Say Hello", QKeySequence("Ctrl+Alt+H").toString(QKeySequence.SequenceFormat.NativeText)) in (
        window.registry.help_rows()
    )
    dialog = open_preferences(window)
    qtbot.addWidget(dialog)
    row = dialog.shortcuts.row_of("tools.say_hello")
    assert dialog.shortcuts.keys(row) == "Ctrl+Alt+H"
    action.trigger()
    assert triggered == [1]


def test_menus_and_help_list_the_same_actions(window):
    in_menus = {
        a.data()
        for menu in (
            window.file_menu,
            window.edit_menu,
            window.review_menu,
            window.tools_menu,
            window.help_menu,
        )
        for a in menu.actions()
        if isinstance(a.data(), str)
    }
    with_keys_in_menus = {aid for aid in in_menus if not window.registry.action(aid).shortcut().isEmpty()}
    help_texts = {text for text, _keys in window.registry.help_rows()}
    for aid in with_keys_in_menus:
        assert window.registry.action(aid).text().replace("&", "") in help_texts, aid


def test_old_attribute_names_migrate_to_registry_ids():
    assert migrate_shortcuts({"confirm": "F9", "review.next": "Alt+N"}) == {
        "review.confirm": "F9",
        "review.next": "Alt+N",
    }
    assert migrate_shortcuts({"next": "F2", "review.next": "Alt+N"}) == {
        "review.next": "Alt+N"
    }  # new id wins
    assert len(set(LEGACY_IDS.values())) == len(LEGACY_IDS)


def test_every_legacy_id_names_a_registered_action(window):
    assert [new for new in LEGACY_IDS.values() if new not in window.registry] == []


def test_closing_the_window_closes_the_project_connections(qtbot, project):
    from mtreview.services.prefs import Preferences
    from mtreview.ui.main_window import MainWindow

    w = MainWindow(project, Preferences(reviewer="tester"))
    qtbot.addWidget(w)
    w.show()
    w.grid.select_row(1)
    w.close()
    pool = project._store.engine.pool
    assert (pool.checkedout(), pool.checkedin()) == (0, 0)
    assert w.team.feed is None
