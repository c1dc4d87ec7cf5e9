"""The Preferences dialog (app-wide settings) and what applies them: theme, fonts, shortcuts.

Everything is stored in ``mtreview.services.prefs.Preferences`` (a JSON file in the platform's settings
folder). Theme, fonts, shortcuts, reviewer name and draft interval take effect at once; the UI language takes
effect at the next start (every label is built in the chosen language when the window is created).

Shortcuts are keyed by the stable ids of the window's action registry (``review.confirm``,
``review.next_unconfirmed``…, see ``ui.actions``), so renaming a menu text or translating it does not lose
a user's keys; keys saved under the older attribute names are migrated (``actions.LEGACY_IDS``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mtreview.i18n import N_, _
from mtreview.services.prefs import Preferences

LANGUAGES: tuple[tuple[str, str], ...] = (
    ("system", N_("Follow the system")),
    ("en", "English"),
    ("ja", "日本語"),
    ("pseudo", N_("Pseudo-translation (for testing layouts)")),
)
THEMES: tuple[tuple[str, str], ...] = (
    ("system", N_("Follow the system")),
    ("light", N_("Light")),
    ("dark", N_("Dark")),
)


# ---------------------------------------------------------------------------------------------- shortcuts
def shortcut_conflicts(shortcuts: Mapping[str, str], local: Iterable[str] = ()) -> dict[str, list[str]]:
    """Key sequences bound to more than one window-wide action (``{keys: [ids]}``). Actions in ``local``
    only work inside one widget (``Qt.WidgetShortcut``) and may share keys with each other."""
    skip = set(local)
    by_keys: dict[str, list[str]] = {}
    for aid, keys in shortcuts.items():
        if keys and aid not in skip:
            by_keys.setdefault(keys, []).append(aid)
    return {keys: ids for keys, ids in by_keys.items() if len(ids) > 1}


# ---------------------------------------------------------------------------------------------- theme
def _dark_palette() -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: QColor(45, 45, 48),
        role.WindowText: QColor(230, 230, 230),
        role.Base: QColor(30, 30, 32),
        role.AlternateBase: QColor(40, 40, 44),
        role.ToolTipBase: QColor(60, 60, 64),
        role.ToolTipText: QColor(230, 230, 230),
        role.PlaceholderText: QColor(150, 150, 150),
        role.Text: QColor(230, 230, 230),
        role.Button: QColor(53, 53, 56),
        role.ButtonText: QColor(230, 230, 230),
        role.BrightText: QColor(255, 90, 90),
        role.Link: QColor(100, 160, 255),
        role.Highlight: QColor(42, 110, 200),
        role.HighlightedText: QColor(255, 255, 255),
        role.Light: QColor(80, 80, 84),
        role.Midlight: QColor(66, 66, 70),
        role.Mid: QColor(50, 50, 54),
        role.Dark: QColor(25, 25, 27),
        role.Shadow: QColor(0, 0, 0),
    }
    for r, c in colours.items():
        p.setColor(r, c)
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(group.Disabled, r, QColor(130, 130, 130))
    return p


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def apply_theme(theme: str, app: QApplication | None = None) -> str:
    """Light, dark or the system's colours. Uses ``QStyleHints.setColorScheme`` (Qt ≥ 6.8) where the
    platform honours it, else a palette; returns ``"scheme"`` or ``"palette"`` (how it was done)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None:
        return "none"
    scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(theme, Qt.ColorScheme.Unknown)
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(scheme)
        if hasattr(hints, "unsetColorScheme") and scheme == Qt.ColorScheme.Unknown:
            hints.unsetColorScheme()
    standard = app.style().standardPalette()
    if theme == "system":
        app.setPalette(standard)
        return "scheme"
    if hasattr(hints, "colorScheme") and hints.colorScheme() == scheme:
        app.setPalette(standard)
        if _is_dark(app.palette()) == (theme == "dark"):
            return "scheme"
    if theme == "dark":
        app.setPalette(_dark_palette())
    else:
        app.setPalette(standard if not _is_dark(standard) else QPalette(QColor(239, 239, 239)))
    return "palette"


# ---------------------------------------------------------------------------------------------- fonts
def font_from(family: str, size: int, fallback: QFont) -> QFont:
    font = QFont(family) if family else QFont(fallback)
    font.setPointSize(max(6, size))
    return font


# ---------------------------------------------------------------------------------------------- dialog
class ShortcutTable(QTableWidget):
    """Action name | shortcut; the shortcut column is edited with a key-sequence recorder."""

    COL_NAME, COL_KEYS = 0, 1

    def __init__(
        self,
        actions: Mapping[str, QAction],
        shortcuts: Mapping[str, str],
        defaults: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(len(actions), 2, parent)
        self.setAccessibleName(_("Keyboard shortcuts"))
        self.setHorizontalHeaderLabels([_("Action"), _("Shortcut")])
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(self.COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(self.COL_KEYS, QHeaderView.ResizeMode.ResizeToContents)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ids: list[str] = list(actions)
        self.local = {
            aid
            for aid, a in actions.items()
            if a.shortcutContext()
            in (Qt.ShortcutContext.WidgetShortcut, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        }
        self.defaults = dict(defaults)
        for row, (aid, action) in enumerate(actions.items()):
            name = QTableWidgetItem(action.text().replace("&&", "\0").replace("&", "").replace("\0", "&"))
            name.setData(Qt.ItemDataRole.UserRole, aid)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, self.COL_NAME, name)
            self.setItem(row, self.COL_KEYS, QTableWidgetItem(""))
            self.set_keys(row, shortcuts.get(aid, self.defaults.get(aid, "")))

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.item(row, column)
        assert item is not None  # every cell is filled in __init__
        return item

    def set_keys(self, row: int, portable: str) -> None:
        item = self._cell(row, self.COL_KEYS)
        item.setData(Qt.ItemDataRole.UserRole, portable)
        item.setText(
            QKeySequence(portable, QKeySequence.SequenceFormat.PortableText).toString(
                QKeySequence.SequenceFormat.NativeText
            )
        )

    def keys(self, row: int) -> str:
        return str(self._cell(row, self.COL_KEYS).data(Qt.ItemDataRole.UserRole) or "")

    def row_of(self, aid: str) -> int:
        return self.ids.index(aid)

    def overrides(self) -> dict[str, str]:
        """Only the shortcuts that differ from the defaults (so new defaults reach users who kept theirs)."""
        return {
            aid: self.keys(row)
            for row, aid in enumerate(self.ids)
            if self.keys(row) != self.defaults.get(aid, "")
        }

    def all_keys(self) -> dict[str, str]:
        return {aid: self.keys(row) for row, aid in enumerate(self.ids)}


class PreferencesDialog(QDialog):
    """Reviewer, UI language, theme, fonts, draft interval and shortcuts. ``applied`` fires after saving."""

    applied = Signal()

    def __init__(
        self,
        prefs: Preferences,
        actions: Mapping[str, QAction] | None = None,
        defaults: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.setWindowTitle(_("Preferences"))
        self.setAccessibleName(_("Preferences"))
        actions = dict(actions or {})
        if defaults is None:
            defaults = {
                aid: a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
                for aid, a in actions.items()
            }
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Preference pages"))
        self.tabs.addTab(self._general_page(), _("&General"))
        self.tabs.addTab(self._fonts_page(), _("F&onts"))
        self.shortcuts = ShortcutTable(actions, prefs.shortcuts, defaults)
        self.tabs.addTab(self._shortcuts_page(), _("&Shortcuts"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.resize(560, 480)

    # -- pages
    def _general_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.reviewer = QLineEdit(self.prefs.reviewer)
        self.reviewer.setAccessibleName(_("Reviewer name"))
        form.addRow(_("&Reviewer name:"), self.reviewer)
        self.language = QComboBox()
        self.language.setAccessibleName(_("User interface language"))
        for code, label in LANGUAGES:
            self.language.addItem(_(label) if code in ("system", "pseudo") else label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.prefs.language)))
        form.addRow(_("&Language:"), self.language)
        self.language_note = QLabel(_("A new language takes effect when mtreview is restarted."))
        self.language_note.setWordWrap(True)
        form.addRow("", self.language_note)
        self.theme = QComboBox()
        self.theme.setAccessibleName(_("Colour theme"))
        for code, label in THEMES:
            self.theme.addItem(_(label), code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(self.prefs.theme)))
        form.addRow(_("&Theme:"), self.theme)
        self.draft_interval = QSpinBox()
        self.draft_interval.setAccessibleName(_("Draft save interval in milliseconds"))
        self.draft_interval.setRange(200, 60000)
        self.draft_interval.setSingleStep(250)
        self.draft_interval.setSuffix(_(" ms"))
        self.draft_interval.setValue(self.prefs.draft_interval_ms)
        form.addRow(_("Save &drafts every:"), self.draft_interval)
        return page

    def _font_row(self, family: str, size: int, name: str) -> tuple[QWidget, QFontComboBox, QSpinBox]:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        combo = QFontComboBox()
        combo.setAccessibleName(_("{text} font").format(text=name))
        if family:
            combo.setCurrentFont(QFont(family))
        spin = QSpinBox()
        spin.setAccessibleName(_("{text} font size").format(text=name))
        spin.setRange(6, 72)
        spin.setSuffix(_(" pt"))
        spin.setValue(size)
        box.addWidget(combo, 1)
        box.addWidget(spin)
        return row, combo, spin

    def _fonts_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        row, self.source_font, self.source_size = self._font_row(
            self.prefs.source_font, self.prefs.source_font_size, _("English source")
        )
        self.source_default = not self.prefs.source_font
        label = QLabel(_("&English source:"))
        label.setBuddy(self.source_font)
        form.addRow(label, row)
        row, self.target_font, self.target_size = self._font_row(
            self.prefs.target_font, self.prefs.target_font_size, _("Japanese")
        )
        self.target_default = not self.prefs.target_font
        label = QLabel(_("&Japanese (MT and correction):"))
        label.setBuddy(self.target_font)
        form.addRow(label, row)
        self.source_font.currentFontChanged.connect(lambda _f: setattr(self, "source_default", False))
        self.target_font.currentFontChanged.connect(lambda _f: setattr(self, "target_default", False))
        self.sample = QLabel("The quick brown fox — 機械翻訳の訳文を確定します。")
        self.sample.setAccessibleName(_("Font sample"))
        form.addRow(_("Sample:"), self.sample)
        self.target_font.currentFontChanged.connect(self._update_sample)
        self.target_size.valueChanged.connect(self._update_sample)
        return page

    def _update_sample(self) -> None:
        self.sample.setFont(
            font_from(self.target_font.currentFont().family(), self.target_size.value(), self.font())
        )

    def _shortcuts_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.shortcuts, 1)
        row = QHBoxLayout()
        self.key_edit = QKeySequenceEdit()
        self.key_edit.setAccessibleName(_("New shortcut for the selected action"))
        if hasattr(self.key_edit, "setMaximumSequenceLength"):
            self.key_edit.setMaximumSequenceLength(1)
        key_label = QLabel(_("&Press keys:"))
        key_label.setBuddy(self.key_edit)
        self.assign = QPushButton(_("&Assign"))
        self.assign.setAccessibleName(_("Assign the shortcut"))
        self.clear_key = QPushButton(_("C&lear"))
        self.clear_key.setAccessibleName(_("Clear the shortcut"))
        self.reset_keys = QPushButton(_("Reset All to &Defaults"))
        self.reset_keys.setAccessibleName(_("Reset all shortcuts to their defaults"))
        for w in (key_label, self.key_edit, self.assign, self.clear_key, self.reset_keys):
            row.addWidget(w)
        layout.addLayout(row)
        self.conflicts = QLabel()
        self.conflicts.setWordWrap(True)
        layout.addWidget(self.conflicts)
        self.assign.clicked.connect(self._assign)
        self.key_edit.editingFinished.connect(self._assign)
        self.clear_key.clicked.connect(lambda: self._set_selected(""))
        self.reset_keys.clicked.connect(self._reset_keys)
        return page

    # -- shortcut editing
    def _set_selected(self, portable: str) -> None:
        row = self.shortcuts.currentRow()
        if row < 0:
            return
        self.shortcuts.set_keys(row, portable)
        self._show_conflicts()

    def _assign(self) -> None:
        seq = self.key_edit.keySequence()
        if not seq.isEmpty():
            self._set_selected(seq.toString(QKeySequence.SequenceFormat.PortableText))
            self.key_edit.clear()

    def _reset_keys(self) -> None:
        for row, aid in enumerate(self.shortcuts.ids):
            self.shortcuts.set_keys(row, self.shortcuts.defaults.get(aid, ""))
        self._show_conflicts()

    def _show_conflicts(self) -> None:
        conflicts = shortcut_conflicts(self.shortcuts.all_keys(), self.shortcuts.local)
        names = {aid: self.shortcuts._cell(r, 0).text() for r, aid in enumerate(self.shortcuts.ids)}
        self.conflicts.setText(
            "\n".join(
                _("{keys} is used by: {actions}").format(
                    keys=QKeySequence(k, QKeySequence.SequenceFormat.PortableText).toString(
                        QKeySequence.SequenceFormat.NativeText
                    ),
                    actions=", ".join(names[i] for i in ids),
                )
                for k, ids in conflicts.items()
            )
        )

    # -- saving
    def values(self) -> dict[str, Any]:
        return {
            "reviewer": self.reviewer.text().strip() or self.prefs.reviewer,
            "language": self.language.currentData(),
            "theme": self.theme.currentData(),
            "source_font": "" if self.source_default else self.source_font.currentFont().family(),
            "source_font_size": self.source_size.value(),
            "target_font": "" if self.target_default else self.target_font.currentFont().family(),
            "target_font_size": self.target_size.value(),
            "draft_interval_ms": self.draft_interval.value(),
            "shortcuts": self.shortcuts.overrides(),
        }

    def apply(self) -> bool:
        conflicts = shortcut_conflicts(self.shortcuts.all_keys(), self.shortcuts.local)
        if conflicts:
            self._show_conflicts()
            QMessageBox.warning(
                self,
                _("Preferences"),
                _("Some shortcuts are used by more than one action:") + "\n" + self.conflicts.text(),
            )
            return False
        for key, value in self.values().items():
            setattr(self.prefs, key, value)
        try:
            self.prefs.save()
        except OSError as exc:
            QMessageBox.warning(self, _("Preferences"), _("Could not save preferences: {e}").format(e=exc))
            return False
        self.applied.emit()
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()


# ---------------------------------------------------------------------------------------------- wiring
def open_preferences(window: Any) -> PreferencesDialog:
    """The dialog for a main window: its action registry's actions and defaults; applying it asks the
    window to apply its preferences (``MainWindow.apply_preferences``)."""
    registry = window.registry
    dialog = PreferencesDialog(window.prefs, registry.actions(), registry.defaults(), window)
    dialog.applied.connect(window.apply_preferences)
    return dialog


def open_project_settings(window: Any) -> QDialog:
    from mtreview.ui.project_settings import ProjectSettingsDialog

    dialog = ProjectSettingsDialog(window.service, window)
    dialog.saved.connect(window.hub.announce)
    return dialog


def language_label(code: str) -> str:
    for c, label in LANGUAGES:
        if c == code:
            return _(label) if c in ("system", "pseudo") else label
    return code
