"""What the app remembers between runs: language, coder name, recent projects, window layout,
the folder protocols were last imported from.

Everything lives in QSettings under organisation and application "qda_app". Tests point
QSettings at a temporary folder, so nothing here ever touches a user's real settings.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

from ...core.i18n import LANGUAGES, detect_language
from ...core.project import default_actor

ORGANISATION = "qda_app"
APPLICATION = "qda_app"
MAX_RECENT = 10
AUTOMATIC = ""  # the language setting meaning "follow the system locale"


class AppSettings:
    """Typed access to the app's QSettings."""

    def __init__(self) -> None:
        # The default format (native unless changed) lets tests redirect the file with setPath.
        self._settings = QSettings(
            QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )

    def sync(self) -> None:
        self._settings.sync()

    # -- language and coder ------------------------------------------------------------------

    @property
    def language_choice(self) -> str:
        """ "de", "en", or AUTOMATIC when the user has not chosen one."""
        value = str(self._settings.value("ui/language", AUTOMATIC) or AUTOMATIC)
        return value if value in LANGUAGES else AUTOMATIC

    @language_choice.setter
    def language_choice(self, value: str) -> None:
        self._settings.setValue("ui/language", value if value in LANGUAGES else AUTOMATIC)

    def effective_language(self) -> str:
        """The language the UI should use now."""
        return self.language_choice or detect_language()

    @property
    def coder_name(self) -> str:
        """The name changes are recorded under; the login name until the user sets one."""
        value = " ".join(str(self._settings.value("project/coder", "") or "").split())
        return value or default_actor()

    @coder_name.setter
    def coder_name(self, value: str) -> None:
        self._settings.setValue("project/coder", " ".join(value.split()))

    @property
    def coder_chosen(self) -> bool:
        """Whether the user has named a coder, here or in QDA_CODER (the window asks once
        when not)."""
        stored = str(self._settings.value("project/coder", "") or "").strip()
        return bool(stored or os.environ.get("QDA_CODER", "").strip())

    @property
    def import_folder(self) -> str:
        """Where protocols were last imported from (the file choosers start there)."""
        return str(self._settings.value("import/folder", "") or "")

    @import_folder.setter
    def import_folder(self, value: str) -> None:
        self._settings.setValue("import/folder", value)

    # -- recent projects ---------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        """Recently opened project files, newest first."""
        value = self._settings.value("recent/files", [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list
            value = [value]
        if not isinstance(value, list):
            return []
        return [str(path) for path in value if path]

    def add_recent(self, path: str) -> None:
        if "://" not in path:  # a server address (kept without password) stays as it is
            path = os.path.abspath(path)
        files = [path] + [p for p in self.recent_files() if p != path]
        self._settings.setValue("recent/files", files[:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        self._settings.setValue("recent/files", [p for p in self.recent_files() if p != path])

    def clear_recent(self) -> None:
        self._settings.setValue("recent/files", [])

    # -- window layout -----------------------------------------------------------------------

    def window_geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self._settings.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)
        self._settings.sync()
