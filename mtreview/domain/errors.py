"""The application's own error types. Readers raise only ``InputError`` on bad input."""

from __future__ import annotations


class MtreviewError(Exception):
    """Base class for errors the user is shown as a message (never a traceback)."""


class InputError(MtreviewError):
    """Bad input: names the file and, where it applies, the 1-based line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = str(self.path)
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        return where + self.message


class ConflictError(MtreviewError):
    """A write based on a stale version: somebody else changed the record first."""

    def __init__(self, message: str, current: object = None, attempted: object = None) -> None:
        self.current = current
        self.attempted = attempted
        super().__init__(message)


class NotFoundError(MtreviewError):
    pass


class ProjectError(MtreviewError):
    """The project cannot be opened or used (newer schema, unreachable server, permissions…)."""


class PasswordRequired(ProjectError):
    """The team server wants a password that none of its sources (the URL, the system keyring, libpq's
    ``PGPASSFILE``/``~/.pgpass``) supplied (``rejected`` False), or it refused the one given (True). The GUI
    asks for it; the command line says how to supply it."""

    def __init__(self, message: str, user: str | None, rejected: bool) -> None:
        self.user = user
        self.rejected = rejected
        super().__init__(message)


class Cancelled(MtreviewError):
    """A long job was cancelled by the user."""


class ConnectionLostError(ProjectError):
    """The database server cannot be reached right now (team mode); the change was not confirmed.

    Services keep confirmations made meanwhile in a local outbox and send them when it is back.
    """
