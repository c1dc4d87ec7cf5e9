"""Passwords never leave memory: every location or message that may hold a database URL is redacted
before it is shown, logged or saved (``postgresql+psycopg://alice:***@host/db``).

Robust to what users actually type: an unencoded ``@`` or ``:`` in the password (the user part ends at
the *last* ``@``), a ``password=``/``sslpassword=`` query parameter, several URLs in one message.
"""

from __future__ import annotations

import re

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


def redact_text(text: str) -> str:
    """Every URL in ``text`` redacted (messages, logs, crash reports)."""
    if "://" not in text:
        return text
    return _URL.sub(lambda m: redact_url(m.group(0)), text)


def has_password(location: str) -> bool:
    return redact_url(location) != location
