"""Switching the UI language at run time: the app's catalogs and Qt's own dialog texts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ...core.i18n import set_language

_qt_translator: QTranslator | None = None


def apply_language(lang: str) -> None:
    """Render all later messages in `lang` and give Qt's standard buttons the same language."""
    global _qt_translator
    set_language(lang)
    app = QCoreApplication.instance()
    if app is None:
        return
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    QLocale.setDefault(
        QLocale(QLocale.Language.German if lang == "de" else QLocale.Language.English)
    )
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{lang}", folder):
        app.installTranslator(translator)
        _qt_translator = translator
