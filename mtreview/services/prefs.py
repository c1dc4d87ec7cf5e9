"""App-wide preferences (reviewer name, language, fonts, theme, recent projects, window state).

Stored as JSON in the platform's standard settings folder (platformdirs), shared by the GUI and the CLI.
``MTREVIEW_CONFIG_DIR`` overrides the folder (tests, portable installs). Writes are atomic.
"""

from __future__ import annotations

import getpass
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

APP = "mtreview"
MAX_RECENT = 10


def config_dir() -> Path:
    env = os.environ.get("MTREVIEW_CONFIG_DIR")
    return Path(env) if env else Path(platformdirs.user_config_dir(APP, appauthor=False))


def data_dir() -> Path:
    env = os.environ.get("MTREVIEW_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP, appauthor=False))


def is_project(location: str) -> bool:
    """A project location: a ``*.mtreview`` file or a database URL (not a document to import)."""
    return location.endswith(".mtreview") or "://" in location


def cache_dir() -> Path:
    """Where rebuildable caches live (translation-memory indexes). ``MTREVIEW_CACHE_DIR`` overrides it."""
    env = os.environ.get("MTREVIEW_CACHE_DIR")
    return Path(env) if env else Path(platformdirs.user_cache_dir(APP, appauthor=False))


def _default_reviewer() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getpass raises several types when no user name can be found
        return "reviewer"


@dataclass
class Preferences:
    reviewer: str = field(default_factory=_default_reviewer)
    language: str = "system"
    theme: str = "system"
    source_font: str = ""
    source_font_size: int = 11
    target_font: str = ""
    target_font_size: int = 12
    recent: list[str] = field(default_factory=list)
    window_geometry: str = ""
    window_state: str = ""
    shortcuts: dict[str, str] = field(default_factory=dict)
    draft_interval_ms: int = 2000
    last_segments: dict[str, int] = field(default_factory=dict)
    """Project location (as in ``recent``) -> the segment id that was open when it was left."""
    grid_tracked_changes: bool = False
    """Whether the grid shows the MT → correction column (tracked changes)."""

    @classmethod
    def path(cls) -> Path:
        return config_dir() / "preferences.json"

    @classmethod
    def load(cls) -> Preferences:
        try:
            data = json.loads(cls.path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        prefs = cls()
        for key, value in data.items() if isinstance(data, dict) else ():
            if key in known and isinstance(value, type(getattr(prefs, key))):
                setattr(prefs, key, value)
        # Older versions listed imported documents too; choosing one failed ("not an mtreview project").
        prefs.recent = [r for r in prefs.recent if isinstance(r, str) and is_project(r)]
        prefs.recent = _without_passwords(prefs.recent)  # files written by older versions
        return prefs

    def save(self) -> None:
        self.recent = _without_passwords(self.recent)
        path = self.path()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".preferences-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(asdict(self), handle, ensure_ascii=False, indent=2)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def add_recent(self, location: str) -> None:
        """Remember a project (a ``.mtreview`` file or a database URL); anything else is ignored, so Open
        Recent lists only what it can open. A database URL is kept without its password (never written)."""
        from mtreview.services.connection import without_password

        if not is_project(location):
            return
        location = without_password(location)
        self.recent = [location] + [r for r in self.recent if r != location]
        del self.recent[MAX_RECENT:]

    def last_project(self) -> str | None:
        """The project to reopen when mtreview starts with no argument: the most recent one that still
        exists (a database URL is taken as it is); ``None`` the first time (then the sample opens)."""
        for location in self.recent:
            if "://" in location or Path(location).is_file():
                return location
        return None

    def remember_segment(self, location: str, segment_id: int | None) -> None:
        if segment_id is None or not is_project(location):
            return
        self.last_segments[location] = int(segment_id)
        for stale in [k for k in self.last_segments if k not in self.recent and k != location][:-MAX_RECENT]:
            del self.last_segments[stale]

    def last_segment(self, location: str) -> int | None:
        value = self.last_segments.get(location)
        return value if isinstance(value, int) else None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _without_passwords(locations: list[str]) -> list[str]:
    from mtreview.services.connection import without_password

    out: list[str] = []
    for location in locations:
        bare = without_password(location) if isinstance(location, str) else location
        if bare not in out:
            out.append(bare)
    return out
