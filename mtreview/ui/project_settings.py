"""The Project Settings dialog: typology, weight overrides, pass/fail threshold and enabled checks.

Stored in the project (``service.set_setting``), so every reviewer of a shared project scores alike:

* ``typology``: a typology id from ``mtreview.scoring.typology.available()``;
* ``weights``: only the weights that differ from the typology's own (``None`` when there are none), so a
  later typology version's defaults still reach the project;
* ``threshold``: the MQM quality a document needs to pass (0–100);
* ``enabled_checks``: the ids of the checks that run, or ``None`` for each check's own default.
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
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mtreview.domain.errors import MtreviewError
from mtreview.domain.model import Changes
from mtreview.i18n import N_, _
from mtreview.services.project import ProjectService

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
    return [(cid, cls.display_name(), cls.display_description(), cls.enabled_by_default)
            for cid, cls in checks.items()]


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
        layout.addWidget(scoring)

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
        layout.addWidget(checks_box, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.typology.currentIndexChanged.connect(self._typology_changed)
        self._typology_changed(keep_overrides=True)
        self.resize(520, 640)

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
        overrides = {key: spin.value() for key, spin in self.weights.items()
                     if abs(spin.value() - base.get(key, -1.0)) > 1e-9}
        checked = [self.checks.item(i) for i in range(self.checks.count())]
        enabled = [it.data(Qt.ItemDataRole.UserRole) for it in checked
                   if it is not None and it.checkState() == Qt.CheckState.Checked]
        return {
            "typology": self.typology.currentData(),
            "weights": overrides or None,
            "threshold": self.threshold.value(),
            "enabled_checks": enabled,
        }

    def save(self) -> Changes | None:
        changes = Changes(settings=True)
        try:
            for key, value in self.values().items():
                if self.service.setting(key) != value:
                    changes = self.service.set_setting(key, value)
        except MtreviewError as exc:
            QMessageBox.warning(self, _("Project Settings"), str(exc))
            return None
        self.saved.emit(changes)
        return changes

    def accept(self) -> None:
        if self.save() is not None:
            super().accept()
