"""Team-project connections without passwords on disk.

A ``postgresql+psycopg://user:secret@host/db`` location is split: the preferences, the recent-projects list,
window titles, messages and logs only ever get the location *without* the password (``without_password``)
or masked (``domain.redact``). The password itself lives where passwords belong:

* the system keyring (``keyring``: Secret Service, KWallet, macOS Keychain, Windows Credential Locker):
  ``remember_password`` puts a typed password there, and opening the bare location finds it again;
* libpq's own password file (``PGPASSFILE`` or ``~/.pgpass``), which the driver reads by itself;
* otherwise it is asked for again (the GUI prompts; the command line takes it from the URL of that run).

Where there is no keyring, nothing is written anywhere: mtreview keeps no password file of its own.
"""

from __future__ import annotations

import re

from mtreview.domain.redact import redact_text, redact_url

__all__ = ["redact_text", "redact_url", "remember_password", "without_password"]

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
