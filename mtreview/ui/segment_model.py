"""The segment grid's model: a QAbstractTableModel over segment ids with a row cache.

Only the ids of the current filter live in memory; segments are fetched in pages when a row is first
shown and dropped from the cache when it grows large. Views refresh only the rows a ``Changes`` names.

The optional "MT → correction" column (``COL_CHANGES``, hidden unless the reviewer turns it on) is the
tracked-changes diff of ``services.diffing``, computed when a row of it is painted and cached per segment
revision (id and version): scrolling computes the rows on screen, never the whole project.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from mtreview.domain.errors import InputError
from mtreview.domain.model import Segment, Status
from mtreview.i18n import _
from mtreview.services.diffing import EQUAL, DiffRun, diff, to_text
from mtreview.services.project import ProjectService
from mtreview.services.search import match_spans
from mtreview.ui.text_delegate import SearchSpansRole

SegmentIdRole = Qt.ItemDataRole.UserRole + 1
SegmentRole = Qt.ItemDataRole.UserRole + 2
ConfidenceRole = Qt.ItemDataRole.UserRole + 3
TrackedRunsRole = Qt.ItemDataRole.UserRole + 4
"""The MT → correction column's diff: a tuple of ``DiffRun`` (empty when the MT is unchanged)."""

COL_NUMBER, COL_SOURCE, COL_MT, COL_CORRECTED, COL_STATUS, COL_MQM, COL_CHRF, COL_FINDINGS, COL_CHANGES = (
    range(9)
)
PAGE = 200
CACHE_LIMIT = 4000
LOW_CONFIDENCE = 0.5

STATUS_MARK = {Status.NEW: "•", Status.CORRECTED: "✎", Status.APPROVED: "✓", Status.REJECTED: "✗"}
STATUS_COLOURS = {
    Status.NEW: QColor(232, 236, 242),
    Status.CORRECTED: QColor(255, 236, 179),
    Status.APPROVED: QColor(204, 235, 204),
    Status.REJECTED: QColor(245, 200, 200),
}
"""Every status its own colour in the Status column (a light tint: the mark stays readable)."""


@dataclass(frozen=True)
class RowExtras:
    """Per-row figures computed outside the model (scores, findings)."""

    mqm: float | None = None
    chrf: float | None = None
    findings: str = ""
    worst_severity: str | None = None


def _headers() -> list[str]:
    return [
        _("#"),
        _("English source"),
        _("Japanese MT"),
        _("Japanese corrected"),
        _("Status"),
        _("MQM"),
        _("chrF"),
        _("Findings"),
        _("MT → correction"),
    ]


class SegmentTableModel(QAbstractTableModel):
    def __init__(self, service: ProjectService, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._service = service
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._cache: OrderedDict[int, Segment] = OrderedDict()
        self._extras: dict[int, RowExtras] = {}
        self.extras_provider: Callable[[list[Segment]], dict[int, RowExtras]] | None = None
        self._headers = _headers()
        self._search: tuple[str, bool] | None = None
        self._editors: dict[int, str] = {}
        self._tracked: OrderedDict[tuple[int, int], tuple[DiffRun, ...]] = OrderedDict()
        self.diffs_computed = 0
        """How many MT → correction diffs were computed (the rest came from the cache)."""

    # ------------------------------------------------------------------ ids
    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._row_of = {sid: row for row, sid in enumerate(self._ids)}
        self._cache.clear()
        self._extras.clear()
        self.endResetModel()

    def set_search(self, query: str | None, regex: bool = False) -> None:
        """Highlight this search's matches in the text columns (``SearchSpansRole``)."""
        wanted = (query, regex) if query else None
        if wanted == self._search:
            return
        self._search = wanted
        if self._ids:
            self.dataChanged.emit(self.index(0, COL_SOURCE), self.index(len(self._ids) - 1, COL_CORRECTED))

    def ids(self) -> list[int]:
        return self._ids

    def row_of(self, segment_id: int) -> int | None:
        return self._row_of.get(segment_id)

    def segment_at(self, row: int) -> Segment | None:
        if not 0 <= row < len(self._ids):
            return None
        sid = self._ids[row]
        seg = self._cache.get(sid)
        if seg is None:
            self._fetch_page(row)
            seg = self._cache.get(sid)
        else:
            self._cache.move_to_end(sid)
        return seg

    def _fetch_page(self, row: int) -> None:
        start = max(0, row - PAGE // 4)
        ids = [i for i in self._ids[start : start + PAGE] if i not in self._cache]
        segments = self._service.segments(ids)
        for seg in segments:
            self._cache[seg.id] = seg
        if self.extras_provider is not None and segments:
            self._extras.update(self.extras_provider(segments))
        while len(self._cache) > CACHE_LIMIT:
            old, _seg = self._cache.popitem(last=False)
            self._extras.pop(old, None)

    def refresh(self, segment_ids: Iterable[int], known: Iterable[Segment] = ()) -> None:
        """Re-read the given segments (those in ``known`` are taken as given) and repaint their rows."""
        wanted = [sid for sid in segment_ids if sid in self._row_of]
        if not wanted:
            return
        given = {seg.id: seg for seg in known if seg.id in self._row_of}
        # Rows not in the cache are read when they are next painted. A large change (a checks run, a
        # replace-all over a 100k-segment document) drops the rows it touched from the cache instead of
        # re-reading them: the view then reads the page it shows.
        bulk = len(wanted) > PAGE
        for sid in wanted:
            if sid not in given and (bulk or sid not in self._cache):
                self._cache.pop(sid, None)
                self._extras.pop(sid, None)
        missing = [sid for sid in wanted if sid not in given and sid in self._cache]
        segments = [given[sid] for sid in wanted if sid in given]
        if missing:
            segments += self._service.segments(missing)
        for seg in segments:
            self._cache[seg.id] = seg
        if self.extras_provider is not None and segments:
            self._extras.update(self.extras_provider(segments))
        rows = [self._row_of[sid] for sid in wanted]
        if len(rows) <= PAGE:
            for row in rows:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        else:  # one signal for the span: the view repaints only what it shows
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), self.columnCount() - 1))

    def set_service(self, service: ProjectService) -> None:
        """Read another project from now on (the window switched projects)."""
        self._service = service
        self._tracked.clear()  # its segment ids and versions mean other segments there

    def set_editors(self, editors: dict[int, str]) -> bool:
        """Mark segments other reviewers are editing; returns whether anything changed."""
        if editors == self._editors:
            return False
        touched = set(editors) | set(self._editors)
        self._editors = dict(editors)
        for sid in touched:
            row = self._row_of.get(sid)
            if row is not None:
                self.dataChanged.emit(self.index(row, COL_NUMBER), self.index(row, COL_NUMBER))
        return True

    def tracked_runs(self, seg: Segment) -> tuple[DiffRun, ...]:
        """MT → correction as diff runs, computed once per segment revision (empty: nothing changed)."""
        if seg.corrected is None or seg.corrected == seg.mt:
            return ()
        key = (seg.id, seg.version)
        runs = self._tracked.get(key)
        if runs is not None:
            self._tracked.move_to_end(key)
            return runs
        runs = tuple(diff(seg.mt, seg.corrected))
        self.diffs_computed += 1
        self._tracked[key] = runs
        while len(self._tracked) > CACHE_LIMIT:
            self._tracked.popitem(last=False)
        return runs

    def refresh_all_extras(self) -> None:
        if self.extras_provider is not None and self._cache:
            self._extras.update(self.extras_provider(list(self._cache.values())))
        if self._ids:
            self.dataChanged.emit(self.index(0, COL_MQM), self.index(len(self._ids) - 1, COL_FINDINGS))

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        seg = self.segment_at(index.row())
        if seg is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(seg, col)
        if role == SegmentIdRole:
            return seg.id
        if role == SegmentRole:
            return seg
        if role == ConfidenceRole:
            return seg.confidence
        if role == TrackedRunsRole:
            return self.tracked_runs(seg) if col == COL_CHANGES else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_NUMBER and seg.id in self._editors:
                return _("{who} is editing this segment").format(who=self._editors[seg.id])
            if col == COL_NUMBER:
                lines = ", ".join(map(str, seg.source_lines)) or "—"
                tlines = ", ".join(map(str, seg.target_lines)) or "—"
                return _("Source lines {s}; target lines {t}; alignment confidence {c:.2f}").format(
                    s=lines, t=tlines, c=seg.confidence
                )
            if col == COL_STATUS:
                return _(seg.status.value)
            if col == COL_CHANGES and self.tracked_runs(seg):
                return _("Struck through: taken out of the MT; underlined: put in by the correction")
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if col == COL_NUMBER and seg.id in self._editors:
                return QBrush(QColor(160, 200, 255))
            if col == COL_NUMBER and seg.confidence < LOW_CONFIDENCE:
                return QBrush(QColor(255, 214, 153))
            if col == COL_STATUS:
                return QBrush(STATUS_COLOURS[seg.status])
            return None
        if role == SearchSpansRole:
            if self._search is None or col not in (COL_SOURCE, COL_MT, COL_CORRECTED):
                return None
            try:
                return match_spans(self._display(seg, col), self._search[0], self._search[1])
            except InputError:
                return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (COL_NUMBER, COL_STATUS, COL_MQM, COL_CHRF):
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if col == COL_CHANGES:  # a screen reader hears [-deleted-]{+inserted+}
                runs = self.tracked_runs(seg)
                return to_text(list(runs)) if runs else ""
            return self._display(seg, col)
        return None

    def _display(self, seg: Segment, col: int) -> str:
        extras = self._extras.get(seg.id, RowExtras())
        if col == COL_NUMBER:
            return f"{seg.ordinal} ✎" if seg.id in self._editors else str(seg.ordinal)
        if col == COL_SOURCE:
            return seg.source
        if col == COL_MT:
            return seg.mt
        if col == COL_CORRECTED:
            return "" if seg.corrected is None else seg.corrected
        if col == COL_STATUS:
            return STATUS_MARK[seg.status]
        if col == COL_MQM:
            return "" if extras.mqm is None else f"{extras.mqm:g}"
        if col == COL_CHRF:
            return "—" if extras.chrf is None else f"{extras.chrf:.1f}"
        if col == COL_FINDINGS:
            return extras.findings
        if col == COL_CHANGES:  # every run's text in order (deleted and inserted); the delegate marks them
            runs = self.tracked_runs(seg)
            return "" if all(r.op == EQUAL for r in runs) else "".join(r.text for r in runs)
        return ""

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
