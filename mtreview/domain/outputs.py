"""The one guard every file the app writes goes through (exports, reports, review sheets, copies…).

``check_output(path, protected)`` decides where and how a file may be written, or refuses with an
``OutputError`` (an ``InputError``: one line, exit status 2 on the command line):

* the path is resolved first (symlinks followed; the file is written where the link points, the link kept);
* refused: anything that resolves — by name after symlinks, or by inode (hard links) — to one of
  ``protected`` (the project and its ``-wal``/``-shm``/``-journal`` companions, every file the project was
  imported from, source and target alike); any SQLite database (a project, possibly open in another
  process); a folder, FIFO, socket or block device; a file the user may not write; a path whose folder
  does not exist;
* a character device (``/dev/null``, a terminal) and this process's own standard output (``-``,
  ``/dev/stdout``, a pipe) are written *directly*, never replaced by a rename;
* everything else is written to a temporary file beside the output, named ``.NAME.mtreview-tmp-XXXXXXXX``,
  locked (``flock``) while it is written, fsynced and renamed over the output: the previous output stays
  intact until the new one is complete. The temporary file is removed on every exit path, and leftovers of
  a killed run (unlocked temporaries of the same output) are removed at the next write to that output.

Failures while writing (a full disk, a vanished folder, permissions) become ``OutputError`` naming the
output and the cause.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from mtreview.domain.errors import InputError
from mtreview.i18n import _

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: no locks, stale temporaries are left alone
    fcntl = None  # type: ignore[assignment]

TEMP_MARK = ".mtreview-tmp-"
SQLITE_MAGIC = b"SQLite format 3\x00"
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
STDOUT = "-"

PathLike = str | os.PathLike[str]


class OutputError(InputError):
    """An output refused or a write that failed: names the output and says why."""


def _describe(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("this is a folder, not a file")
    if stat.S_ISFIFO(mode):
        return _("this is a FIFO (named pipe), not a regular file")
    if stat.S_ISSOCK(mode):
        return _("this is a socket, not a regular file")
    if stat.S_ISBLK(mode):
        return _("this is a block device (a disk), not a regular file")
    return _("this is not a regular file")


def project_files(location: PathLike) -> list[str]:
    """A SQLite project and the companion files SQLite keeps beside it."""
    base = str(location)
    return [base, *(base + suffix for suffix in SQLITE_COMPANIONS)]


def document_inputs(document: Any) -> list[str]:
    """The files one document was imported from: its path and, for a pair of files, the target too
    (``meta["input_files"]``, absolute paths recorded at import)."""
    found: list[str] = []
    if getattr(document, "path", None):
        found.append(str(document.path))
    meta = getattr(document, "meta", None) or {}
    for item in meta.get("input_files") or ():
        if item and str(item) not in found:
            found.append(str(item))
    return found


def _stdout_stat() -> os.stat_result | None:
    try:
        return os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        return None


def _same_inode(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def is_sqlite_file(path: PathLike) -> bool:
    """Whether ``path`` starts with SQLite's header (read without opening it as a database)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


@dataclass(frozen=True)
class OutputTarget:
    requested: str
    """The output as the user named it (for messages)."""
    path: Path
    """Where the file is written: the requested path with every symlink resolved."""
    direct: bool = False
    """A character device or standard output: written in place, no temporary file, no rename."""
    stdout: bool = False
    existing_mode: int | None = None
    """Permission bits of the regular file being replaced (kept on the new one)."""
    protected: tuple[str, ...] = field(default=(), repr=False)


def _protected_identities(protected: Iterable[PathLike]) -> tuple[set[str], list[os.stat_result]]:
    names: set[str] = set()
    inodes: list[os.stat_result] = []
    for item in protected:
        if not item:
            continue
        text = str(item)
        if "://" in text:
            continue  # a database URL: nothing on this disk
        names.add(os.path.realpath(text))
        names.add(os.path.abspath(text))
        with contextlib.suppress(OSError):
            inodes.append(os.stat(text))
    return names, inodes


def check_output(out_path: PathLike, protected: Iterable[PathLike] = ()) -> OutputTarget:
    """Where and how ``out_path`` may be written; ``OutputError`` (one line) when it must not be."""
    requested = str(out_path)
    if requested == STDOUT:
        return OutputTarget(requested, Path("/dev/stdout"), direct=True, stdout=True)
    if not requested or "\x00" in requested:
        raise OutputError(_("not a valid file name"), repr(requested))
    kept: tuple[str, ...] = tuple(str(p) for p in protected if p)
    protected = kept
    names, inodes = _protected_identities(protected)
    out_stat = _stdout_stat()
    with contextlib.suppress(OSError):
        # /dev/stdout, /proc/self/fd/1: the stream itself (a pipe's "path" does not resolve to a file)
        first = os.stat(requested)
        if out_stat is not None and _same_inode(first, out_stat) and not stat.S_ISREG(first.st_mode):
            return OutputTarget(requested, Path(requested), direct=True, stdout=True)
    try:
        resolved = Path(os.path.realpath(requested, strict=False))
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise OutputError(
            _("cannot resolve the path: {error}").format(error=_reason(exc)), requested
        ) from None
    try:
        st: os.stat_result | None = os.stat(resolved)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(_reason(exc), requested) from None
    if str(resolved) in names or os.path.abspath(requested) in names:
        raise OutputError(_("refusing to overwrite the project or a file it was imported from"), requested)
    if st is not None:
        if any(_same_inode(st, other) for other in inodes):
            raise OutputError(
                _("refusing to overwrite the project or a file it was imported from (a hard link to it)"),
                requested,
            )
        if stat.S_ISCHR(st.st_mode):
            return OutputTarget(requested, resolved, direct=True)
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(_describe(st.st_mode), requested)
        if is_sqlite_file(resolved):
            raise OutputError(
                _("refusing to overwrite a database (an mtreview project?) with an export"), requested
            )
        if not os.access(resolved, os.W_OK):
            raise OutputError(_("you are not allowed to write this file"), requested)
    for suffix in SQLITE_COMPANIONS:
        if str(resolved).endswith(suffix) and is_sqlite_file(str(resolved)[: -len(suffix)]):
            raise OutputError(_("refusing to write over a database's journal file"), requested)
    folder = resolved.parent
    if not folder.is_dir():
        raise OutputError(_("the folder does not exist"), str(Path(requested).parent))
    if out_stat is not None and st is not None and _same_inode(st, out_stat):
        return OutputTarget(requested, resolved, direct=True, stdout=True)
    mode = stat.S_IMODE(st.st_mode) & 0o777 if st is not None else None
    return OutputTarget(requested, resolved, existing_mode=mode, protected=kept)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return _("the disk is full")
        if exc.errno == errno.EDQUOT:
            return _("the disk quota is exhausted")
        if exc.errno in (errno.EACCES, errno.EPERM):
            return _("permission denied")
        if exc.errno == errno.EROFS:
            return _("the file system is read-only")
        if exc.errno == errno.EISDIR:
            return _("this is a folder, not a file")
        if exc.errno == errno.ENOENT:
            return _("no such file or folder")
        if exc.strerror:
            return exc.strerror
    return str(exc) or type(exc).__name__


_LIBXML_IO = {
    "IO_ENOSPC": errno.ENOSPC,
    "IO_EACCES": errno.EACCES,
    "IO_EDQUOT": errno.EDQUOT,
    "IO_EIO": errno.EIO,
}


def as_os_error(exc: BaseException) -> OSError | None:
    """An ``OSError`` for a write failure, also when a library reports it its own way (lxml's
    ``SerialisationError: IO_ENOSPC``); ``None`` for anything else."""
    if isinstance(exc, OSError):
        return exc
    if type(exc).__name__ == "SerialisationError":
        text = str(exc)
        for name, code in _LIBXML_IO.items():
            if name in text:
                return OSError(code, os.strerror(code))
        return OSError(errno.EIO, text or os.strerror(errno.EIO))
    return None


def write_error(target: OutputTarget | PathLike, exc: OSError) -> OutputError:
    where = target.requested if isinstance(target, OutputTarget) else str(target)
    return OutputError(_("cannot write the file: {reason}").format(reason=_reason(exc)), where)


# -- temporary files ------------------------------------------------------------------------------


def _temp_prefix(out: Path) -> str:
    return "." + out.name + TEMP_MARK


def _lock(fd: int) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def remove_stale_temporaries(out: Path) -> int:
    """Remove temporaries of ``out`` left by killed runs (those no living writer holds locked)."""
    if fcntl is None:
        return 0
    removed = 0
    prefix = _temp_prefix(out)
    try:
        names = [n for n in os.listdir(out.parent) if n.startswith(prefix)]
    except OSError:
        return 0
    for name in names:
        path = out.parent / name
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            continue  # a symlink or something we cannot open: not ours, left alone
        try:
            if stat.S_ISREG(os.fstat(fd).st_mode) and _lock(fd):
                with contextlib.suppress(OSError):
                    os.unlink(path)
                    removed += 1
        finally:
            os.close(fd)
    return removed


class _Temp:
    """A locked temporary file of the ``out`` family (removed unless renamed into place)."""

    def __init__(self, folder: Path, prefix: str, mode: int | None) -> None:
        while True:
            path = folder / (prefix + secrets.token_hex(4))
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | os.O_NOFOLLOW, 0o600)
            _lock(fd)
            try:
                same = _same_inode(os.stat(path), os.fstat(fd))
            except FileNotFoundError:
                same = False  # a concurrent cleaner took it between creation and lock: make another
            if same:
                break
            os.close(fd)
        self.path = path
        self.fd = fd
        _set_mode(fd, mode)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        self.close()

    def close(self) -> None:
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = -1


def _set_mode(fd: int, mode: int | None) -> None:
    """The mode the replaced file had, or the one a plainly created file gets (``mkstemp`` makes 0600)."""
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.fchmod(fd, mode)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def _is_write_failure(exc: OSError, ours: Iterable[Path]) -> bool:
    if exc.filename is None:
        return True
    return any(str(exc.filename) == str(p) for p in ours)


class OutputSession:
    """One guarded write: ``temp`` is the file to produce; ``scratch()`` gives more temporaries of the same
    family (for libraries that spool, e.g. openpyxl's worksheets); all are removed at the end."""

    def __init__(self, target: OutputTarget) -> None:
        self.target = target
        if target.direct:
            folder = Path(tempfile.gettempdir())
            prefix = "." + "mtreview-direct" + TEMP_MARK
        else:
            folder = target.path.parent
            remove_stale_temporaries(target.path)
            prefix = _temp_prefix(target.path)
        self._folder = folder
        self._prefix = prefix
        self._temps: list[_Temp] = []
        try:
            self._main = self._new(target.existing_mode)
        except OSError as exc:
            raise write_error(target, exc) from None

    def _new(self, mode: int | None = None) -> _Temp:
        temp = _Temp(self._folder, self._prefix, mode)
        self._temps.append(temp)
        return temp

    @property
    def temp(self) -> Path:
        return self._main.path

    @property
    def temp_fd(self) -> int:
        return self._main.fd

    def scratch(self) -> Path:
        try:
            return self._new(0o600).path
        except OSError as exc:
            raise write_error(self.target, exc) from None

    def paths(self) -> list[Path]:
        return [t.path for t in self._temps]

    def commit(self) -> None:
        """Put the finished temporary file in place (fsync, rename; or copy into a device/stdout)."""
        target = self.target
        try:
            if target.direct:
                _copy_into(self._main.path, target)
            else:
                with open(self._main.path, "rb+") as fh:
                    os.fsync(fh.fileno())
                os.replace(self._main.path, target.path)
                _fsync_dir(target.path.parent)
        except OSError as exc:
            raise write_error(target, exc) from None

    def close(self) -> None:
        for temp in self._temps:
            temp.discard()
        self._temps.clear()


def _copy_into(source: Path, target: OutputTarget) -> None:
    with open(source, "rb") as src:
        if target.stdout:
            sys.stdout.flush()
            shutil.copyfileobj(src, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            with open(target.path, "wb") as dst:  # a character device: written, never replaced
                shutil.copyfileobj(src, dst)


@contextlib.contextmanager
def output_session(out_path: PathLike, protected: Iterable[PathLike] = ()) -> Iterator[OutputSession]:
    """A guarded write for code that produces the file by path; committed when the block succeeds."""
    target = check_output(out_path, protected)
    session = OutputSession(target)
    try:
        try:
            yield session
        except Exception as exc:
            failure = as_os_error(exc)
            if failure is not None and _is_write_failure(failure, session.paths()):
                raise write_error(target, failure) from None
            raise
        session.commit()
    finally:
        session.close()


@contextlib.contextmanager
def atomic_path(out_path: PathLike, protected: Iterable[PathLike] = ()) -> Iterator[Path]:
    """A temporary path to save to (libraries that want a path: polib, openpyxl)."""
    with output_session(out_path, protected) as session:
        yield session.temp


@contextlib.contextmanager
def atomic_output(
    out_path: PathLike,
    protected: Iterable[PathLike] = (),
    binary: bool = False,
    encoding: str = "utf-8",
    newline: str | None = "\n",
) -> Iterator[IO[Any]]:
    """A file object writing the output through the guard (see the module docstring)."""
    target = check_output(out_path, protected)
    if target.direct:
        with _direct(target, binary, encoding, newline) as stream:
            yield stream
        return
    session = OutputSession(target)
    try:
        raw = os.fdopen(os.dup(session.temp_fd), "wb")
        handle: IO[Any] = raw if binary else io.TextIOWrapper(raw, encoding=encoding, newline=newline)
        try:
            try:
                yield handle
                handle.flush()
            except Exception as exc:
                failure = as_os_error(exc)
                if failure is not None and _is_write_failure(failure, session.paths()):
                    raise write_error(target, failure) from None
                raise
        finally:
            with contextlib.suppress(Exception):
                handle.close()
        session.commit()
    finally:
        session.close()


@contextlib.contextmanager
def _direct(target: OutputTarget, binary: bool, encoding: str, newline: str | None) -> Iterator[IO[Any]]:
    """Write straight into a character device or standard output (nothing to rename, nothing to keep)."""
    try:
        if target.stdout:
            sys.stdout.flush()
            raw: Any = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
        else:
            raw = open(target.path, "wb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise write_error(target, exc) from None
    handle: IO[Any] = raw if binary else io.TextIOWrapper(raw, encoding=encoding, newline=newline)
    try:
        yield handle
        handle.flush()
    except Exception as exc:
        failure = as_os_error(exc)
        if failure is None:
            raise
        raise write_error(target, failure) from None
    finally:
        with contextlib.suppress(Exception):
            handle.close()
