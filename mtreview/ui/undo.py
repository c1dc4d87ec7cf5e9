"""QUndoCommand as a thin wrapper over the core's command values (``services.commands``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from mtreview.domain.errors import MtreviewError
from mtreview.domain.model import Changes
from mtreview.services.commands import Command
from mtreview.services.project import ProjectService


class ServiceCommand(QUndoCommand):
    """Holds the inverse of a change already applied; undo/redo swap it with its own inverse."""

    def __init__(
        self,
        service: ProjectService,
        inverse: Command,
        label: str,
        on_changes: Callable[[Changes], None],
        on_error: Callable[[MtreviewError], None],
    ) -> None:
        super().__init__(label)
        self._service = service
        self._pending = inverse
        self._on_changes = on_changes
        self._on_error = on_error
        self._first = True
        self.last_changes = Changes()
        """What the last undo or redo of this step changed (the window shows that segment)."""

    def _swap(self) -> None:
        try:
            inverse, changes = self._pending.apply(self._service)
        except MtreviewError as exc:
            # Somebody changed the record meanwhile: never overwrite it; drop this step from history.
            self.setObsolete(True)
            self._on_error(exc)
            return
        self._pending = inverse
        self.last_changes = changes
        self._on_changes(changes)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._swap()

    def undo(self) -> None:
        self._swap()


class UndoAdapter:
    """Applies core commands and records their inverses on a QUndoStack."""

    def __init__(
        self,
        stack: QUndoStack,
        service: ProjectService,
        on_changes: Callable[[Changes], None],
        on_error: Callable[[MtreviewError], None],
    ) -> None:
        self.stack = stack
        self.service = service
        self.on_changes = on_changes
        self.on_error = on_error

    def run(self, command: Command, label: str | None = None) -> Changes:
        """Apply ``command`` now (errors propagate to the caller) and make it undoable."""
        inverse, changes = command.apply(self.service)
        self.push(inverse, label or command.label, changes)
        return changes

    def push(self, inverse: Command, label: str, changes: Changes) -> None:
        """Record a change already applied (its ``inverse`` undoes it) and announce what it changed."""
        self.record(inverse, label)
        self.on_changes(changes)

    def record(self, inverse: Command, label: str) -> None:
        """Record a change already applied and already announced by the caller."""
        self.stack.push(ServiceCommand(self.service, inverse, label, self.on_changes, self.on_error))
