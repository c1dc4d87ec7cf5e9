"""Which checks exist: the built-in ones plus any installed under the entry-point group ``mtreview.checks``.

A plug-in package declares, in its ``pyproject.toml``::

    [project.entry-points."mtreview.checks"]
    my-check = "my_package.checks:MyCheck"

where ``MyCheck`` subclasses ``mtreview.qa.base.Check`` with a unique ``id``.

Per-project settings (a plain dict the caller passes, stored as JSON by the project) choose what runs::

    {"checks": {"numbers": {"enabled": false},
                "omission": {"severity": "major", "params": {"min_source_chars": 60}},
                "register-mix": true}}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any

from mtreview.domain.model import Severity
from mtreview.qa.base import Check, QaError

ENTRY_POINT_GROUP = "mtreview.checks"


def builtin_checks() -> list[type[Check]]:
    from mtreview.qa.checks import BUILTIN_CHECKS

    return list(BUILTIN_CHECKS)


def plugin_checks() -> tuple[list[type[Check]], list[QaError]]:
    found: list[type[Check]] = []
    errors: list[QaError] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plug-in must not stop the built-in checks
            errors.append(QaError(ep.name, None, f"cannot load check plug-in {ep.value}: {exc}"))
            continue
        if not (isinstance(obj, type) and issubclass(obj, Check) and obj.id):
            errors.append(QaError(ep.name, None, f"{ep.value} is not a Check subclass with an id"))
            continue
        found.append(obj)
    return found, errors


def available_checks() -> tuple[dict[str, type[Check]], list[QaError]]:
    """All checks by id, built-ins first; a plug-in may not replace a built-in id."""
    checks: dict[str, type[Check]] = {cls.id: cls for cls in builtin_checks()}
    plugins, errors = plugin_checks()
    for cls in plugins:
        if cls.id in checks:
            errors.append(QaError(cls.id, None, f"check id {cls.id!r} is already taken; plug-in ignored"))
            continue
        checks[cls.id] = cls
    return checks, errors


@dataclass(frozen=True)
class CheckSetting:
    enabled: bool
    severity: Severity | None
    params: Mapping[str, Any]


def check_setting(cls: type[Check], settings: Mapping[str, Any] | None) -> CheckSetting:
    value = ((settings or {}).get("checks") or {}).get(cls.id)
    if value is None:
        return CheckSetting(cls.enabled_by_default, None, {})
    if isinstance(value, bool):
        return CheckSetting(value, None, {})
    severity = value.get("severity")
    return CheckSetting(
        bool(value.get("enabled", cls.enabled_by_default)),
        Severity.parse(severity) if severity else None,
        dict(value.get("params") or {}),
    )


def default_settings() -> dict[str, Any]:
    """The settings dict a new project starts with: every check with its default flag and parameters."""
    checks, _errors = available_checks()
    return {
        "checks": {
            cid: {"enabled": cls.enabled_by_default, "params": dict(cls.parameters)}
            for cid, cls in checks.items()
        }
    }
