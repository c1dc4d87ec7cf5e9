"""Project settings (typology, weights, threshold, checks, glossary…): key → JSON value."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select, update

from mtreview.storage.base import StoreBase
from mtreview.storage.orm import (
    SettingRow,
)


class SettingsStore(StoreBase):
    """Project settings."""

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self.read() as c:
            value = c.execute(select(SettingRow.value).where(SettingRow.key == key)).scalar_one_or_none()
        return default if value is None else value

    def settings(self) -> dict[str, Any]:
        with self.read() as c:
            return {k: v for k, v in c.execute(select(SettingRow.key, SettingRow.value))}

    def set_setting(self, key: str, value: Any) -> None:
        with self.write() as c:
            if c.execute(update(SettingRow).where(SettingRow.key == key).values(value=value)).rowcount == 0:
                c.execute(insert(SettingRow).values(key=key, value=value))
            self.notify(c, "", "settings")
