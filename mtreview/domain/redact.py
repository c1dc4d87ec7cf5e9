"""Passwords never leave memory: every location or message that may hold a database URL is redacted
before it is shown, logged or saved (``postgresql+psycopg://alice:***@host/db``).

Robust to what users actually type: an unencoded ``@`` or ``:`` in the password (the user part ends at
the *last* ``@``), a ``password=``/``sslpassword=`` query parameter, several URLs in one message, libpq's
``key=value`` connection strings (``password='…'``). A password typed in a dialog or read from the keyring
is also registered (``register_secret``) and masked wherever it shows up verbatim (an exception message
of any library, a crash report).
"""

from __future__ import annotations

import re
import urllib.parse

MASK = "***"
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>]*")
_QUERY_SECRET = re.compile(r"((?:^|[?&;])(?:ssl)?pass(?:word|phrase)?=)[^&#;]*", re.IGNORECASE)


def redact_url(location: str) -> str:
    """``location`` with its password (userinfo and query) masked; anything without ``://`` unchanged."""
    scheme, sep, rest = location.partition("://")
    if not sep:
        return location
    at = rest.rfind("@")
    if at != -1:
        userinfo, host = rest[:at], rest[at + 1 :]
        user, colon, _password = userinfo.partition(":")
        rest = f"{user}:{MASK}@{host}" if colon else f"{user}@{host}"
    head, query_sep, query = rest.partition("?")
    if query_sep:
        rest = head + "?" + _QUERY_SECRET.sub(lambda m: m.group(1) + MASK, query)
    return f"{scheme}://{rest}"


_CONNINFO_SECRET = re.compile(
    r"(\b(?:ssl)?pass(?:word|phrase)\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s'\"&;,)]+)", re.IGNORECASE
)
_SECRETS: set[str] = set()
MIN_SECRET = 4
"""Shorter registered secrets are not masked verbatim (they would blank out ordinary words)."""


def register_secret(secret: str | None) -> None:
    """Mask ``secret`` verbatim in everything ``redact_text`` sees from now on (this process only)."""
    if secret and len(secret) >= MIN_SECRET:
        _SECRETS.add(secret)
        quoted = urllib.parse.quote(secret, safe="")
        if quoted != secret:
            _SECRETS.add(quoted)


def redact_text(text: str) -> str:
    """Every URL, libpq ``password=`` and registered secret in ``text`` masked (messages, logs, crash
    reports)."""
    for secret in sorted(_SECRETS, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, MASK)
    if "://" in text:
        text = _URL.sub(lambda m: redact_url(m.group(0)), text)
    if "pass" in text.lower():
        text = _CONNINFO_SECRET.sub(lambda m: m.group(1) + MASK, text)
    return text


def has_password(location: str) -> bool:
    return redact_url(location) != location
