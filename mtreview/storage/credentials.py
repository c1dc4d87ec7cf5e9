"""Team-server passwords, kept only where passwords belong: the system keyring (``keyring``), libpq's own
``PGPASSFILE``/``~/.pgpass`` (read by the driver itself), or the URL typed for this one run (memory only).
mtreview never writes a password to a file of its own, a preference, a log, a report or a message."""

from __future__ import annotations

from typing import Any

SERVICE = "mtreview"


def _key(url: Any) -> str | None:
    """The keyring user name for a URL: ``user@host:port/database`` (no password)."""
    if not url.username:
        return None
    return _entry_key(url.username, url.host, url.port, url.database)


def _entry_key(user: str, host: str | None, port: int | str | None, database: str | None) -> str:
    return f"{user}@{host or 'localhost'}:{port or 5432}/{database or ''}"


def _keyring() -> Any | None:
    """The keyring module when a real backend is available (not the failing or null one)."""
    try:
        import keyring
        from keyring.backends import fail, null
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration: behave as without a keyring
        return None
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return None
    return keyring


def has_keyring() -> bool:
    return _keyring() is not None


def stored_password(url: Any) -> str | None:
    """The keyring's password for ``url`` (a SQLAlchemy URL without one), or ``None``."""
    key = _key(url)
    kr = _keyring()
    if key is None or kr is None:
        return None
    try:
        return kr.get_password(SERVICE, key)  # type: ignore[no-any-return]
    except Exception:  # locked or unavailable keyring: libpq's own sources still apply
        return None


def store_password(url: Any) -> bool:
    """Keep ``url``'s password in the keyring; ``False`` when there is no keyring (nothing is written)."""
    key = _key(url)
    kr = _keyring()
    if key is None or kr is None or url.password is None:
        return False
    try:
        kr.set_password(SERVICE, key, str(url.password))
        return True
    except Exception:
        return False


def store_entry(user: str, host: str, port: str, database: str, password: str) -> bool:
    """Keep one libpq password-file entry in the keyring (moving an old mtreview password file out)."""
    kr = _keyring()
    if kr is None or not user:
        return False
    try:
        kr.set_password(
            SERVICE, _entry_key(user, host, int(port) if port.isdigit() else None, database), password
        )
        return True
    except Exception:
        return False
