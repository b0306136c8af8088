"""Categories pinned to the keys 1–9, remembered per project file in the app's settings."""

from __future__ import annotations

import hashlib
import os

from PySide6.QtCore import QSettings

from ..shell.app_settings import APPLICATION, ORGANISATION


def _key(location: str) -> str:
    digest = hashlib.sha1(os.path.abspath(location).encode("utf-8")).hexdigest()[:16]
    return f"pins/{digest}"


class PinnedCategories:
    """Key number (1–9) → category id for one project."""

    def __init__(self, location: str | None = None) -> None:
        self.location = location
        self.pins: dict[int, int] = {}
        if location:
            self.pins = self._load(location)

    @staticmethod
    def _settings() -> QSettings:
        return QSettings(
            QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )

    def _load(self, location: str) -> dict[int, int]:
        value = str(self._settings().value(_key(location), "") or "")
        pins = {}
        for pair in value.split(","):
            key, _sep, category = pair.partition(":")
            if key.isdigit() and category.isdigit() and 1 <= int(key) <= 9:
                pins[int(key)] = int(category)
        return pins

    def _save(self) -> None:
        if not self.location:
            return
        value = ",".join(f"{key}:{category}" for key, category in sorted(self.pins.items()))
        settings = self._settings()
        settings.setValue(_key(self.location), value)
        settings.sync()

    def pin(self, key: int, category_id: int) -> None:
        """Pin a category to a key; a category has at most one key."""
        self.pins = {k: c for k, c in self.pins.items() if c != category_id}
        self.pins[key] = category_id
        self._save()

    def unpin(self, category_id: int) -> None:
        self.pins = {k: c for k, c in self.pins.items() if c != category_id}
        self._save()

    def key_of(self, category_id: int) -> int | None:
        return next((k for k, c in self.pins.items() if c == category_id), None)

    def category(self, key: int) -> int | None:
        return self.pins.get(key)
