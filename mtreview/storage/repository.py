"""The project store: every read returns plain dataclasses, every write records a revision.

Writes use optimistic concurrency: ``UPDATE … WHERE id = :id AND version = :expected`` and a
``ConflictError`` carrying the current record when nobody row matched. This works the same on SQLite
and PostgreSQL, so team mode needs no other locking.

``ProjectStore`` is assembled from one class per aggregate (``segments``, ``annotations``, ``documents``,
``originals``, ``revisions``, ``drafts``, ``presence``, ``settings``, ``integrity``) over
``base.StoreBase`` (connections, ``read()``/``write()``/``transaction()``, ``notify()``);
``open_project`` opens (and migrates) one.
"""

from __future__ import annotations

import functools
import inspect
import os
import sqlite3
from dataclasses import replace
from typing import Any

from sqlalchemy.exc import DatabaseError, OperationalError, ProgrammingError, SQLAlchemyError

from mtreview.domain.errors import ConnectionLostError, PasswordRequired, ProjectError
from mtreview.i18n import _
from mtreview.storage import migrate
from mtreview.storage.annotations import AnnotationStore
from mtreview.storage.base import CHANNEL, StoreBase, now
from mtreview.storage.documents import DocumentStore
from mtreview.storage.drafts import DraftStore
from mtreview.storage.engine import is_url, make_engine, redact, sqlite_path, translate_error
from mtreview.storage.integrity import IntegrityStore
from mtreview.storage.listener import ChangeListener
from mtreview.storage.originals import OriginalStore
from mtreview.storage.presence import PresenceStore
from mtreview.storage.revisions import RevisionStore
from mtreview.storage.segments import SegmentStore
from mtreview.storage.settings import SettingsStore


class ProjectStore(
    SegmentStore,
    AnnotationStore,
    DocumentStore,
    OriginalStore,
    RevisionStore,
    DraftStore,
    PresenceStore,
    SettingsStore,
    IntegrityStore,
    StoreBase,
):
    """One open project. Thread-safe: every call uses its own connection from the engine's pool."""

    def listener(self) -> ChangeListener:
        """A blocking waiter for other clients' writes, for one worker thread (see ``ChangeListener``)."""
        return ChangeListener(self)


def _guard(fn: Any) -> Any:
    """Turn database failures inside a store method into ``ProjectError``/``ConnectionLostError``."""
    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def gen_wrapper(self: ProjectStore, *args: Any, **kwargs: Any) -> Any:
            try:
                yield from fn(self, *args, **kwargs)
            except SQLAlchemyError as exc:
                raise translate_error(exc, self.location) from exc

        return gen_wrapper

    @functools.wraps(fn)
    def wrapper(self: ProjectStore, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(self, *args, **kwargs)
        except SQLAlchemyError as exc:
            raise translate_error(exc, self.location) from exc

    return wrapper


def _guard_public_methods(cls: type) -> None:
    """Wrap every public method the store inherits from its aggregate classes (``transaction``, ``read``
    and ``write`` hand out context managers: failures inside them are translated where they are used)."""
    seen: set[str] = set()
    for klass in cls.__mro__:
        for name, member in vars(klass).items():
            if name in seen or name.startswith("_") or not inspect.isfunction(member):
                continue
            seen.add(name)
            if name not in ("close", "listener"):
                setattr(cls, name, _guard(member))


_guard_public_methods(ProjectStore)


def open_project(
    location: str | os.PathLike[str], create: bool = False, password: str | None = None
) -> ProjectStore:
    """Open (and with ``create`` make) a project: a ``*.mtreview`` SQLite file or a PostgreSQL URL.
    ``password`` is a team server's password for this session only (see ``engine.make_engine``); a server
    that wants one nobody supplied raises ``PasswordRequired``."""
    location = str(location)
    file = sqlite_path(location)
    if file is not None:
        if not file.exists() and not create:
            raise ProjectError(_("no such project: {path}").format(path=location))
        if file.exists() and file.is_file() and file.stat().st_size > 0:
            with open(file, "rb") as handle:
                if handle.read(16) != b"SQLite format 3\x00":
                    raise ProjectError(_("{path} is not an mtreview project file").format(path=location))
        if not file.parent.exists():
            raise ProjectError(_("the folder {folder} does not exist").format(folder=file.parent))
    engine = make_engine(location, password)
    try:
        backup = migrate.prepare(engine, redact(location), create, file)
    except ProjectError:
        engine.dispose()
        raise
    except (OperationalError, ProgrammingError, DatabaseError, sqlite3.Error) as exc:
        engine.dispose()
        if isinstance(exc, SQLAlchemyError):
            translated = translate_error(exc, location)
            if isinstance(translated, PasswordRequired):
                raise translated from None
            if not isinstance(translated, ConnectionLostError) and "not allowed" in str(translated):
                raise translated from None
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
        raise ProjectError(
            _("cannot open {location}: {reason}").format(location=redact(location), reason=reason)
        ) from None
    except SQLAlchemyError as exc:
        engine.dispose()
        raise ProjectError(
            _("cannot open {location}: {reason}").format(location=redact(location), reason=exc)
        ) from None
    return ProjectStore(engine, location, backup)


__all__ = ["CHANNEL", "ChangeListener", "ProjectStore", "is_url", "now", "open_project", "replace"]
