"""The PySide6 window: item models over plain core values, docks and dialogs; no SQL here."""
