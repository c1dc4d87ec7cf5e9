"""The Project Settings dialog: typology, weight overrides, pass/fail threshold and enabled checks.

Stored in the project (``service.set_setting``), so every reviewer of a shared project scores alike:

* ``typology``: a typology id from ``mtreview.scoring.typology.available()``;
* ``weights``: only the weights that differ from the typology's own (``None`` when there are none), so a
  later typology version's defaults still reach the project;
* ``threshold``: the MQM quality a document needs to pass (0–100);
* ``enabled_checks``: the ids of the checks that run, or ``None`` for each check's own default;
* ``glossary_files``: glossary files (CSV/TSV/TBX) the checks read, or ``None``;
* ``lexicons``: extra lexicon files by kind (``{"idioms": [paths], …}``, see ``mtreview.qa.lexicons``), or
  ``None``. Files are checked when added, so a broken one is reported here, not on the next check run;
* ``propagation``: what confirming a segment does to its unconfirmed repetitions (``propose``, ``auto``,
  ``off``; see ``mtreview.services.propagation``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mtreview.domain.errors import MtreviewError
from mtreview.domain.model import Changes
from mtreview.i18n import N_, _
from mtreview.services.project import ProjectService
from mtreview.services.propagation import SETTING as PROPAGATION
from mtreview.services.propagation import PropagationMode, propagation_mode, set_propagation_mode

LEXICON_KINDS: dict[str, str] = {
    "idioms": N_("Idioms (literal translations)"),
    "given_names": N_("Given names (persons)"),
    "org_suffixes": N_("Organisation suffixes"),
    "false_friends": N_("False friends"),
}
PROPAGATION_CHOICES: dict[PropagationMode, str] = {
    PropagationMode.PROPOSE: N_("Offer the correction (the repetitions are not changed until asked)"),
    PropagationMode.AUTO: N_("Give them the correction at once (still to be confirmed; one undo step)"),
    PropagationMode.OFF: N_("Do nothing"),
}
GLOSSARY_FILTER = N_("Glossaries (*.csv *.tsv *.tbx *.xml);;All files (*)")
LEXICON_FILTER = N_("Lexicons (*.tsv *.txt);;All files (*)")

WEIGHT_LABELS: dict[str, str] = {
    "neutral": N_("&Neutral:"),
    "minor": N_("M&inor:"),
    "minor_punctuation": N_("Minor &punctuation:"),
    "major": N_("Ma&jor:"),
    "critical": N_("&Critical:"),
    "non_translation": N_("Non-&translation:"),
}


def _typology_ids() -> list[str]:
    from mtreview.scoring.typology import available

    return list(available())


def _typology_weights(typology_id: str) -> tuple[str, dict[str, float]]:
    """The typology's display name and weights (empty weights if it cannot be loaded)."""
    from mtreview.scoring.typology import load

    try:
        typ = load(typology_id)
    except MtreviewError:
        return typology_id, {}
    return typ.name or typology_id, dict(typ.weights)


def _checks() -> list[tuple[str, str, str, bool]]:
    """(id, translated name, translated description, enabled by default) of every available check."""
    from mtreview.qa.registry import available_checks

    checks, _errors = available_checks()
    return [
        (cid, cls.display_name(), cls.display_description(), cls.enabled_by_default)
        for cid, cls in checks.items()
    ]


class ProjectSettingsDialog(QDialog):
    """Edits the open project's settings; ``saved`` carries the ``Changes`` for the views to refresh."""

    saved = Signal(object)

    def __init__(self, service: ProjectService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(_("Project Settings"))
        self.setAccessibleName(_("Project Settings"))
        layout = QVBoxLayout(self)

        scoring = QGroupBox(_("Scoring"))
        form = QFormLayout(scoring)
        self.typology = QComboBox()
        self.typology.setAccessibleName(_("Error typology"))
        current_typology = str(service.setting("typology") or "")
        ids = _typology_ids()
        if current_typology and current_typology not in ids:
            ids.append(current_typology)
        for tid in ids:
            name, _w = _typology_weights(tid)
            self.typology.addItem(f"{name} ({tid})" if name != tid else tid, tid)
        self.typology.setCurrentIndex(max(0, self.typology.findData(current_typology)))
        form.addRow(_("&Typology:"), self.typology)

        self.weights: dict[str, QDoubleSpinBox] = {}
        overrides = service.setting("weights")
        self._overrides: dict[str, float] = dict(overrides) if isinstance(overrides, Mapping) else {}
        from mtreview.scoring.typology import WEIGHT_KEYS

        for key in WEIGHT_KEYS:
            spin = QDoubleSpinBox()
            spin.setRange(0.0, 1000.0)
            spin.setDecimals(2)
            spin.setSingleStep(0.5)
            label = _(WEIGHT_LABELS.get(key, key))
            spin.setAccessibleName(_("Weight: {name}").format(name=label.replace("&", "").rstrip(":")))
            self.weights[key] = spin
            form.addRow(label, spin)
        self.reset_weights = QPushButton(_("&Use the Typology's Weights"))
        self.reset_weights.setAccessibleName(_("Reset the weights to the typology's"))
        self.reset_weights.clicked.connect(self._reset_weights)
        form.addRow("", self.reset_weights)

        self.threshold = QDoubleSpinBox()
        self.threshold.setAccessibleName(_("Pass/fail threshold"))
        self.threshold.setRange(0.0, 100.0)
        self.threshold.setDecimals(1)
        self.threshold.setValue(float(service.setting("threshold") or 0.0))  # type: ignore[arg-type]
        form.addRow(_("Pass/fail t&hreshold (MQM quality):"), self.threshold)
        self.pages = QTabWidget()
        self.pages.setAccessibleName(_("Project settings pages"))
        layout.addWidget(self.pages, 1)
        self.pages.addTab(scoring, _("&Scoring"))

        checks_box = QGroupBox(_("Checks"))
        checks_layout = QVBoxLayout(checks_box)
        self.checks = QListWidget()
        self.checks.setAccessibleName(_("Enabled checks"))
        enabled = service.setting("enabled_checks")
        enabled_ids = set(enabled) if isinstance(enabled, list | tuple) else None
        for cid, name, description, default in _checks():
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, cid)
            item.setToolTip(description)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = default if enabled_ids is None else cid in enabled_ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.checks.addItem(item)
        checks_label = QLabel(_("Checks that &run on this project:"))
        checks_label.setBuddy(self.checks)
        checks_layout.addWidget(checks_label)
        checks_layout.addWidget(self.checks)
        self.pages.addTab(checks_box, _("&Checks"))
        self.pages.addTab(self._resources_box(), _("&Glossary and Lexicons"))
        self.pages.addTab(self._repetitions_box(), _("&Repetitions"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.typology.currentIndexChanged.connect(self._typology_changed)
        self._typology_changed(keep_overrides=True)
        self.resize(540, 620)

    # -- glossary and lexicons
    def _resources_box(self) -> QGroupBox:
        box = QGroupBox(_("Glossary and lexicons"))
        layout = QVBoxLayout(box)
        self.glossaries = QListWidget()
        self.glossaries.setAccessibleName(_("Glossary files"))
        label = QLabel(_("&Glossary files:"))
        label.setBuddy(self.glossaries)
        files = self.service.setting("glossary_files")
        for path in files if isinstance(files, list) else []:
            self.glossaries.addItem(str(path))
        self.add_glossary = QPushButton(_("Add &Glossary…"))
        self.add_glossary.setAccessibleName(_("Add a glossary file"))
        self.add_glossary.clicked.connect(self._choose_glossary)
        self.remove_glossary = QPushButton(_("Remo&ve"))
        self.remove_glossary.setAccessibleName(_("Remove the selected glossary file"))
        self.remove_glossary.clicked.connect(lambda: self._remove_selected(self.glossaries))
        row = QHBoxLayout()
        row.addWidget(self.add_glossary)
        row.addWidget(self.remove_glossary)
        row.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(self.glossaries)
        layout.addLayout(row)

        self.lexicons = QListWidget()
        self.lexicons.setAccessibleName(_("Extra lexicon files"))
        label = QLabel(_("Extra &lexicon files:"))
        label.setBuddy(self.lexicons)
        stored = self.service.setting("lexicons")
        for kind, paths in stored.items() if isinstance(stored, Mapping) else []:
            for path in paths if isinstance(paths, list) else []:
                self._add_lexicon_item(str(kind), str(path))
        self.lexicon_kind = QComboBox()
        self.lexicon_kind.setAccessibleName(_("Lexicon kind"))
        for kind, text in LEXICON_KINDS.items():
            self.lexicon_kind.addItem(_(text), kind)
        self.add_lexicon = QPushButton(_("Add &Lexicon…"))
        self.add_lexicon.setAccessibleName(_("Add a lexicon file of the chosen kind"))
        self.add_lexicon.clicked.connect(self._choose_lexicon)
        self.remove_lexicon = QPushButton(_("Remov&e"))
        self.remove_lexicon.setAccessibleName(_("Remove the selected lexicon file"))
        self.remove_lexicon.clicked.connect(lambda: self._remove_selected(self.lexicons))
        row = QHBoxLayout()
        row.addWidget(self.lexicon_kind, 1)
        row.addWidget(self.add_lexicon)
        row.addWidget(self.remove_lexicon)
        layout.addWidget(label)
        layout.addWidget(self.lexicons)
        layout.addLayout(row)
        return box

    # -- repetitions
    def _repetitions_box(self) -> QGroupBox:
        box = QGroupBox(_("Repetitions"))
        layout = QVBoxLayout(box)
        self.propagation = QComboBox()
        self.propagation.setAccessibleName(_("When a segment is confirmed"))
        for mode, text in PROPAGATION_CHOICES.items():
            self.propagation.addItem(_(text), mode.value)
        current = propagation_mode(self.service)
        self.propagation.setCurrentIndex(max(0, self.propagation.findData(current.value)))
        label = QLabel(
            _("&When a segment is confirmed, its unconfirmed repetitions (segments with the same source):")
        )
        label.setWordWrap(True)
        label.setBuddy(self.propagation)
        layout.addWidget(label)
        layout.addWidget(self.propagation)
        layout.addStretch(1)
        return box

    @staticmethod
    def _remove_selected(widget: QListWidget) -> None:
        for item in widget.selectedItems():
            widget.takeItem(widget.row(item))

    def _add_lexicon_item(self, kind: str, path: str) -> None:
        item = QListWidgetItem(f"{_(LEXICON_KINDS.get(kind, kind))}: {path}")
        item.setData(Qt.ItemDataRole.UserRole, (kind, path))
        self.lexicons.addItem(item)

    def _choose_glossary(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, _("Add Glossary"), "", _(GLOSSARY_FILTER))
        if path:
            self.add_glossary_file(path)

    def _choose_lexicon(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, _("Add Lexicon"), "", _(LEXICON_FILTER))
        if path:
            self.add_lexicon_file(str(self.lexicon_kind.currentData()), path)

    def add_glossary_file(self, path: str) -> bool:
        """Add a glossary after reading it once; a broken file is reported and not added."""
        from mtreview.qa.glossary import read_glossary

        try:
            read_glossary(path)
        except MtreviewError as exc:
            QMessageBox.warning(self, _("Project Settings"), str(exc))
            return False
        if not self.glossaries.findItems(path, Qt.MatchFlag.MatchExactly):
            self.glossaries.addItem(path)
        return True

    def add_lexicon_file(self, kind: str, path: str) -> bool:
        """Add a lexicon of ``kind`` after reading it once with the shipped ones; errors are reported."""
        from mtreview.qa.lexicons import load_lexicons

        try:
            loaded = load_lexicons({kind: [path]}, include_user=False)
        except MtreviewError as exc:
            QMessageBox.warning(self, _("Project Settings"), str(exc))
            return False
        problems = [str(exc) for _check, exc in loaded.errors]
        if problems:
            QMessageBox.warning(self, _("Project Settings"), "\n".join(problems))
            return False
        self._add_lexicon_item(kind, path)
        return True

    def glossary_files(self) -> list[str]:
        items = (self.glossaries.item(i) for i in range(self.glossaries.count()))
        return [item.text() for item in items if item is not None]

    def lexicon_files(self) -> dict[str, list[str]]:
        by_kind: dict[str, list[str]] = {}
        for i in range(self.lexicons.count()):
            item = self.lexicons.item(i)
            if item is None:
                continue
            kind, path = item.data(Qt.ItemDataRole.UserRole)
            by_kind.setdefault(kind, []).append(path)
        return by_kind

    # -- weights
    def base_weights(self) -> dict[str, float]:
        return _typology_weights(str(self.typology.currentData()))[1]

    def _typology_changed(self, *_args: Any, keep_overrides: bool = False) -> None:
        base = self.base_weights()
        overrides = self._overrides if keep_overrides else {}
        for key, spin in self.weights.items():
            spin.setValue(float(overrides.get(key, base.get(key, 0.0))))

    def _reset_weights(self) -> None:
        self._overrides = {}
        self._typology_changed()

    # -- values
    def values(self) -> dict[str, Any]:
        base = self.base_weights()
        overrides = {
            key: spin.value()
            for key, spin in self.weights.items()
            if abs(spin.value() - base.get(key, -1.0)) > 1e-9
        }
        checked = [self.checks.item(i) for i in range(self.checks.count())]
        enabled = [
            it.data(Qt.ItemDataRole.UserRole)
            for it in checked
            if it is not None and it.checkState() == Qt.CheckState.Checked
        ]
        return {
            "typology": self.typology.currentData(),
            "weights": overrides or None,
            "threshold": self.threshold.value(),
            "enabled_checks": enabled,
            "glossary_files": self.glossary_files() or None,
            "lexicons": self.lexicon_files() or None,
            PROPAGATION: self.propagation.currentData(),
        }

    def save(self) -> Changes | None:
        changes = Changes(settings=True)
        try:
            values = self.values()
            mode = PropagationMode(values.pop(PROPAGATION))
            for key, value in values.items():
                if self.service.setting(key) != value:
                    changes = self.service.set_setting(key, value)
            if propagation_mode(self.service) != mode:
                changes = set_propagation_mode(self.service, mode)
        except MtreviewError as exc:
            QMessageBox.warning(self, _("Project Settings"), str(exc))
            return None
        self.saved.emit(changes)
        return changes

    def accept(self) -> None:
        if self.save() is not None:
            super().accept()
