"""Small widgets shared by the window: a label that elides instead of being cut, a quiet offer bar."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mtreview.i18n import _


class ElidedLabel(QLabel):
    """One line of text that shows "…" where it does not fit (the whole text in its tooltip), instead of
    being cut at the window's edge. Used for the status bar's progress and the project's location."""

    def __init__(
        self, parent: QWidget | None = None, mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight
    ) -> None:
        super().__init__(parent)
        self._mode = mode
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text if self.shown_text() != text else "")
        self.update()

    def shown_text(self) -> str:
        """What is painted at the current width."""
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), self._mode, max(0, width))

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self.text()) + 8, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, super().minimumSizeHint().height())

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.setToolTip(self.text() if self.shown_text() != self.text() else "")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        rect = self.contentsRect()
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), self.shown_text()
        )


class OfferBar(QFrame):
    """A quiet offer above a panel ("Your correction fixes 2 proposals — Confirm them"): never modal, it
    goes away when answered, dismissed, or when the reviewer moves on."""

    accepted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor(255, 248, 225))
        palette.setColor(self.foregroundRole(), QColor(40, 40, 40))
        self.setPalette(palette)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        row = QHBoxLayout()
        self.accept_button = QPushButton()
        self.accept_button.clicked.connect(self._accept)
        self.close_button = QPushButton(_("Not now"))
        self.close_button.clicked.connect(self.hide)
        row.addWidget(self.accept_button)
        row.addWidget(self.close_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.hide()

    def offer(self, text: str, accept_text: str) -> None:
        self.label.setText(text)
        self.accept_button.setText(accept_text)
        self.show()

    def _accept(self) -> None:
        self.hide()
        self.accepted.emit()
