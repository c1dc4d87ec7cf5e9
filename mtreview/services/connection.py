"""Team-project connections without passwords on disk.

A ``postgresql+psycopg://user:secret@host/db`` location is split: the preferences, the recent-projects list,
window titles, messages and logs only ever get the location *without* the password (``without_password``)
or masked (``domain.redact``). The password itself lives where passwords belong:

* the system keyring (``keyring``: Secret Service, KWallet, macOS Keychain, Windows Credential Locker):
  ``remember_password`` puts a typed password there, and opening the bare location finds it again;
* libpq's own password file (``PGPASSFILE`` or ``~/.pgpass``), which the driver reads by itself;
* otherwise it is asked for again (the GUI prompts; the command line takes it from the URL of that run).

Where there is no keyring, nothing is written anywhere: mtreview keeps no password file of its own. Versions
before issue 19 kept one (``pgpass`` in the settings folder); ``forget_legacy_password_file`` moves its
entries into the keyring (when there is one) and deletes it, at the first start of the app or a command.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mtreview.domain.redact import redact_text, redact_url

__all__ = [
    "forget_legacy_password_file",
    "keyring_available",
    "legacy_password_file",
    "redact_text",
    "redact_url",
    "remember_password",
    "store_typed_password",
    "user_of",
    "without_password",
]

_QUERY_SECRET = re.compile(r"(^|[?&;])(?:ssl)?pass(?:word|phrase)?=[^&#;]*&?", re.IGNORECASE)


def without_password(location: str) -> str:
    """The location fit to be saved or shown: a URL's password removed (from the user part, where the user
    part ends at the *last* ``@``, and from the query); paths are returned unchanged."""
    scheme, sep, rest = location.partition("://")
    if not sep:
        return location
    at = rest.rfind("@")
    if at != -1:
        userinfo, host = rest[:at], rest[at + 1 :]
        rest = userinfo.split(":", 1)[0] + "@" + host
    head, query_sep, query = rest.partition("?")
    if query_sep:
        query = _QUERY_SECRET.sub(lambda m: m.group(1), query).rstrip("&")
        rest = head + ("?" + query if query else "")
    return f"{scheme}://{rest}"


def remember_password(location: str) -> str:
    """Keep a URL's password in the system keyring (if there is one); returns the location without it.
    Without a keyring nothing is written: the password is asked for again next time."""
    if "://" not in location:
        return location
    bare = without_password(location)
    if bare == location:
        return location
    from mtreview.storage.credentials import store_password
    from mtreview.storage.engine import parse_url

    url = parse_url(location)
    if url is not None:
        store_password(url)
    return bare


def user_of(location: str) -> str | None:
    """The database login a location names (``None`` for a file or a URL without one)."""
    from mtreview.storage.engine import parse_url

    url = parse_url(location)
    return url.username if url is not None else None


def keyring_available() -> bool:
    """Whether a typed password can be remembered (a system keyring backend is there)."""
    from mtreview.storage.credentials import has_keyring

    return has_keyring()


def store_typed_password(location: str, password: str) -> bool:
    """Keep a password typed for ``location`` in the system keyring (the user ticked "remember");
    ``False`` when there is no keyring: then it is kept nowhere."""
    from mtreview.storage.credentials import store_password
    from mtreview.storage.engine import parse_url

    url = parse_url(without_password(location))
    return url is not None and store_password(url.set(password=password))


def legacy_password_file() -> Path:
    """Where versions before issue 19 kept typed passwords in libpq's format (mode 0600)."""
    from mtreview.services.prefs import config_dir

    return config_dir() / "pgpass"


def _unescape_fields(line: str) -> list[str]:
    fields, current, escaped = [], [], False
    for ch in line:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ":":
            fields.append("".join(current))
            current = []
        else:
            current.append(ch)
    fields.append("".join(current))
    return fields


def forget_legacy_password_file() -> int:
    """Delete the password file older versions of mtreview wrote (and the temporaries of its atomic
    writes), after moving its entries into the system keyring when there is one. Left alone when the user
    points ``PGPASSFILE`` at it (then it is theirs). Returns the number of files deleted. Housekeeping:
    it never stops the app or a command (a configuration folder this user may not read is left alone)."""
    try:
        return _forget_legacy_password_file()
    except OSError:
        return 0


def _forget_legacy_password_file() -> int:
    path = legacy_password_file()
    folder = path.parent
    try:
        leftovers = [p for p in folder.glob(".pgpass-*") if p.is_file()]
    except OSError:
        leftovers = []
    if not path.exists() and not leftovers:
        return 0
    chosen = os.environ.get("PGPASSFILE")
    if chosen and Path(chosen).expanduser().absolute() == path.absolute():
        return 0
    if path.is_file() and keyring_available():
        _move_to_keyring(path)
    deleted = 0
    for victim in [path, *leftovers]:
        try:
            if victim.is_file() and not victim.is_symlink():
                victim.unlink()
                deleted += 1
        except OSError:
            pass  # not ours to fight over (read-only folder): libpq ignores it once PGPASSFILE is unset
    return deleted


def _move_to_keyring(path: Path) -> None:
    from mtreview.storage.credentials import store_entry

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return
    for line in lines:
        fields = _unescape_fields(line)
        if len(fields) != 5 or "*" in fields[:4] or not fields[4]:
            continue
        host, port, database, user, password = fields
        store_entry(user, host, port, database, password)
