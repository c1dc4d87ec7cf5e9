"""Tools ▸ Glossary and Idioms: edit the project glossary, import CSV/TBX, add idioms to your lexicon."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mtreview.domain.errors import MtreviewError
from mtreview.i18n import _
from mtreview.services import lexicon_edit
from mtreview.services.project import ProjectService

COLUMNS = ("source", "targets", "type", "forbidden", "note")


class GlossaryDialog(QDialog):
    def __init__(self, service: ProjectService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(_("Glossary and Idioms"))
        layout = QVBoxLayout(self)
        box = QGroupBox(
            _(
                "Project glossary (targets and forbidden terms separated by |; type: person, org, "
                "product, place or term)"
            )
        )
        inner = QVBoxLayout(box)
        self.model = QStandardItemModel(0, len(COLUMNS))
        self.model.setHorizontalHeaderLabels(
            [_("English"), _("Japanese"), _("Type"), _("Forbidden"), _("Note")]
        )
        self.table = QTableView()
        self.table.setAccessibleName(_("Glossary entries"))
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        inner.addWidget(self.table)
        row = QHBoxLayout()
        for text, slot, name in (
            (_("&Add Entry"), self.add_row, _("Add a glossary entry")),
            (_("&Remove Entry"), self.remove_row, _("Remove the selected entry")),
            (_("&Import CSV or TBX…"), self.import_file, _("Import a glossary file")),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
        inner.addLayout(row)
        layout.addWidget(box, 1)
        idioms = QGroupBox(_("Add an idiom to your lexicon (used by the literal-idiom check)"))
        form = QFormLayout(idioms)
        self.idiom = QLineEdit()
        self.idiom.setAccessibleName(_("English idiom"))
        self.literal = QLineEdit()
        self.literal.setAccessibleName(_("Literal Japanese words"))
        self.accepted_renderings = QLineEdit()
        self.accepted_renderings.setAccessibleName(_("Accepted renderings"))
        self.meaning = QLineEdit()
        self.meaning.setAccessibleName(_("Meaning"))
        form.addRow(_("English &idiom:"), self.idiom)
        form.addRow(_("&Literal words (|):"), self.literal)
        form.addRow(_("A&ccepted renderings (|):"), self.accepted_renderings)
        form.addRow(_("&Meaning:"), self.meaning)
        add = QPushButton(_("Add &Idiom"))
        add.setAccessibleName(_("Add the idiom to your lexicon"))
        add.clicked.connect(self.add_idiom)
        self.idiom_status = QLabel(_("Your lexicon: {path}").format(path=lexicon_edit.user_idioms_path()))
        self.idiom_status.setWordWrap(True)
        form.addRow(add, self.idiom_status)
        layout.addWidget(idioms)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for entry in lexicon_edit.glossary_rows(service):
            self.add_row(entry)
        self.resize(860, 620)

    def add_row(self, entry: dict[str, object] | None = None) -> None:
        entry = entry if isinstance(entry, dict) else {}
        items = []
        for key in COLUMNS:
            value = entry.get(key, "term" if key == "type" else "")
            if isinstance(value, list | tuple):
                value = "|".join(map(str, value))
            items.append(QStandardItem(str(value)))
        self.model.appendRow(items)

    def remove_row(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.model.removeRow(index.row())

    def rows(self) -> list[dict[str, str]]:
        return [
            {key: self.model.item(r, c).text() for c, key in enumerate(COLUMNS)}
            for r in range(self.model.rowCount())
        ]

    def import_file(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, _("Import Glossary"), "", "Glossaries (*.csv *.tsv *.tbx)"
        )
        if path:
            self.import_path(path)

    def import_path(self, path: str) -> int:
        try:
            entries = lexicon_edit.import_glossary_file(path)
        except MtreviewError as exc:
            QMessageBox.warning(self, _("Cannot import the glossary"), str(exc))
            return 0
        known = {r["source"].lower() for r in self.rows()}
        added = 0
        for entry in entries:
            if str(entry["source"]).lower() not in known:
                self.add_row(entry)
                added += 1
        return added

    def add_idiom(self) -> None:
        try:
            path = lexicon_edit.add_user_idiom(
                self.idiom.text(),
                self.literal.text().split("|"),
                self.accepted_renderings.text().split("|"),
                self.meaning.text(),
            )
        except MtreviewError as exc:
            QMessageBox.warning(self, _("Cannot add the idiom"), str(exc))
            return
        self.idiom_status.setText(_("Added “{idiom}” to {path}").format(idiom=self.idiom.text(), path=path))
        for field in (self.idiom, self.literal, self.accepted_renderings, self.meaning):
            field.clear()

    def save(self) -> None:
        try:
            lexicon_edit.save_glossary(self.service, self.rows())
        except MtreviewError as exc:
            QMessageBox.warning(self, _("Cannot save the glossary"), str(exc))
            return
        self.accept()
