"""One registry of the window's actions: what menus, the F1 list and Preferences ▸ Shortcuts all read.

An action is an ``ActionSpec``: a stable id (saved in the user's preferences; never translated, never
renamed without an entry in ``LEGACY_IDS``), its translated text, a default shortcut, the handler, and
where it appears (menu and group; ``widget`` for a key that only works inside one widget, such as F on the
MT). Adding an action to mtreview is one ``registry.add(ActionSpec(...))`` with a handler (see
CONTRIBUTING.md); menus, help and preferences pick it up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from mtreview.i18n import N_, _

Shortcut = str | QKeySequence.StandardKey | None

MENUS: tuple[tuple[str, str], ...] = (
    ("file", N_("&File")),
    ("edit", N_("&Edit")),
    ("view", N_("&View")),
    ("review", N_("Re&view")),
    ("tools", N_("&Tools")),
    ("help", N_("&Help")),
)
"""Menu ids and their (translatable) titles, in menu-bar order."""

LEGACY_IDS: dict[str, str] = {
    "new": "file.new",
    "open": "file.open",
    "import": "file.import",
    "import_pair": "file.import_pair",
    "export": "file.export",
    "apply_sheet": "file.apply_sheet",
    "quit": "file.quit",
    "undo": "edit.undo",
    "redo": "edit.redo",
    "find": "edit.find",
    "confirm": "review.confirm",
    "next": "review.next",
    "prev": "review.previous",
    "next_unconfirmed": "review.next_unconfirmed",
    "copy_mt": "review.reset_to_mt",
    "reject": "review.reject",
    "flag": "review.flag",
    "flag_key": "review.flag_in_mt",
    "flag_source_key": "review.flag_in_source",
    "non_translation": "review.non_translation",
    "annotations": "review.go_to_annotations",
    "next_finding": "review.next_with_findings",
    "run_checks": "tools.run_checks",
    "glossary": "tools.glossary",
    "project_settings": "tools.project_settings",
    "preferences": "tools.preferences",
    "zoom_in": "view.zoom_in",
    "zoom_out": "view.zoom_out",
    "shortcuts": "help.shortcuts",
    "about": "help.about",
}
"""Shortcut preferences saved before the registry were keyed by the window's ``act_<name>`` attribute
names; they are read under these ids (``migrate_shortcuts``)."""


@dataclass(frozen=True)
class ActionSpec:
    id: str
    """Stable, saved in preferences: ``<menu>.<name>``."""
    text: str
    """Translated label (with its ``&`` mnemonic)."""
    handler: Callable[[], object]
    shortcut: Shortcut = None
    menu: str | None = None
    """Menu id (``MENUS``); ``None``: no menu entry (a key only, e.g. F on the MT)."""
    group: int = 0
    """Actions of one menu are grouped by this number, groups separated by a line, in order."""
    tip: str | None = None
    widget: QWidget | None = None
    """Only while this widget has focus (``Qt.WidgetShortcut``); else anywhere in the window."""


def portable(keys: Shortcut) -> str:
    if keys is None:
        return ""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.PortableText)


def _with_keypad_enter(keys: str) -> list[QKeySequence]:
    """The keys, and for a key ending in Return the same with the keypad's Enter (Qt tells them apart;
    a reviewer does not)."""
    sequences = [QKeySequence(keys, QKeySequence.SequenceFormat.PortableText)]
    if keys.endswith("Return"):
        sequences.append(
            QKeySequence(keys[: -len("Return")] + "Enter", QKeySequence.SequenceFormat.PortableText)
        )
    return sequences


def migrate_shortcuts(saved: Mapping[str, str]) -> dict[str, str]:
    """Saved shortcuts keyed by registry ids (old attribute-name keys renamed; a new id wins)."""
    out = {LEGACY_IDS.get(key, key): keys for key, keys in saved.items() if key not in LEGACY_IDS.values()}
    out.update({key: keys for key, keys in saved.items() if key in LEGACY_IDS.values()})
    return out


class ActionRegistry(QObject):
    """The window's actions by id, in the order they were added."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._specs: dict[str, ActionSpec] = {}
        self._actions: dict[str, QAction] = {}
        self._defaults: dict[str, str] = {}
        self.menus: dict[str, QMenu] = {}

    def add(self, spec: ActionSpec) -> QAction:
        """Register an action (and create its ``QAction``); ids are unique."""
        if spec.id in self._specs:
            raise ValueError(f"action {spec.id!r} is registered twice")
        action = QAction(spec.text, self._window)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.tip:
            action.setStatusTip(spec.tip)
        action.triggered.connect(lambda _checked=False, handler=spec.handler: handler())
        owner = spec.widget if spec.widget is not None else self._window
        if spec.widget is not None:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        owner.addAction(action)
        self._specs[spec.id] = spec
        self._actions[spec.id] = action
        self._defaults[spec.id] = portable(spec.shortcut)
        if spec.menu is not None and spec.menu in self.menus:
            self._place(spec, action)
        return action

    def action(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __contains__(self, action_id: object) -> bool:
        return action_id in self._actions

    def specs(self) -> list[ActionSpec]:
        return list(self._specs.values())

    def actions(self) -> dict[str, QAction]:
        return dict(self._actions)

    def defaults(self) -> dict[str, str]:
        """Default shortcuts by id (portable text; ``""``: none)."""
        return dict(self._defaults)

    def local_ids(self) -> set[str]:
        """Actions whose key works only inside one widget (they may share keys with each other)."""
        return {aid for aid, spec in self._specs.items() if spec.widget is not None}

    # ------------------------------------------------------------------ shortcuts
    def apply_shortcuts(self, saved: Mapping[str, str]) -> list[str]:
        """Set every action's keys: the saved override, else the default. Returns unknown saved ids."""
        saved = migrate_shortcuts(saved)
        for aid, action in self._actions.items():
            action.setShortcuts(_with_keypad_enter(saved.get(aid, self._defaults[aid])))
        return [aid for aid in saved if aid not in self._actions]

    def help_rows(self) -> list[tuple[str, str]]:
        """(action text, keys) for every action that has keys, in menu order: the F1 list."""
        rows = []
        order = {menu: i for i, (menu, _title) in enumerate(MENUS)}
        specs = sorted(self._specs.values(), key=lambda s: (order.get(s.menu or "", len(order)), s.group))
        for spec in specs:
            action = self._actions[spec.id]
            if action.shortcut().isEmpty():
                continue
            rows.append(
                (
                    action.text().replace("&&", "\0").replace("&", "").replace("\0", "&"),
                    action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                )
            )
        return rows

    # ------------------------------------------------------------------ menus
    def build_menus(self, bar: QMenuBar) -> dict[str, QMenu]:
        """Create the menu bar's menus and put every registered action in its menu and group."""
        for menu_id, title in MENUS:
            self.menus[menu_id] = bar.addMenu(_(title))
        for spec in self._specs.values():
            if spec.menu is not None:
                self._place(spec, self._actions[spec.id])
        return self.menus

    def _place(self, spec: ActionSpec, action: QAction) -> None:
        """Put ``action`` at the end of its group; a new group gets a separator before it."""
        menu = self.menus[spec.menu or ""]
        action.setData(spec.id)
        entries = menu.actions()
        last, last_group = -1, None
        for i, entry in enumerate(entries):
            sid = entry.data()
            if isinstance(sid, str) and sid in self._specs and self._specs[sid].group <= spec.group:
                last, last_group = i, self._specs[sid].group
        after = entries[last + 1] if last + 1 < len(entries) else None
        if last >= 0 and last_group != spec.group:
            if after is None:
                menu.addSeparator()
            else:
                menu.insertSeparator(after)
        elif last < 0 and after is not None:
            after = menu.insertSeparator(after)
        if after is None:
            menu.addAction(action)
        else:
            menu.insertAction(after, action)
