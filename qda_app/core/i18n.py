"""Message catalogs (German first, English complete) shared by core, CLI and GUI.

Catalogs are JSON files in `resources/translations/` named `<area>.<lang>.json`; all areas of
one language are merged. The language follows QDA_LANG, then the system locale.
"""

from __future__ import annotations

import json
import locale
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("de", "en")
FALLBACK = "en"
_current: str | None = None
_override = threading.local()  # a language for one thread's work (an export), see `using`


def detect_language() -> str:
    """German if the environment or system locale asks for it, else English."""
    for var in ("QDA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    system = (locale.getlocale()[0] or "").lower()
    return "de" if system.startswith("de") else "en"


def language() -> str:
    """The language messages are rendered in now (on this thread)."""
    global _current
    forced = getattr(_override, "lang", None)
    if forced:
        return str(forced)
    if _current is None:
        _current = detect_language()
    return _current


def set_language(lang: str) -> None:
    """Switch the language for all later messages ("de" or "en")."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    _current = lang


@contextmanager
def using_language(lang: str | None) -> Iterator[None]:
    """Render this thread's messages in `lang` for a while (an export in the study's
    language, whatever the window shows); None or "" keeps the current language."""
    if lang and lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    before = getattr(_override, "lang", None)
    _override.lang = lang or before
    try:
        yield
    finally:
        _override.lang = before


@cache
def catalog(lang: str) -> dict[str, str]:
    """All messages of one language, merged from every area file."""
    merged: dict[str, str] = {}
    folder = resources.files("qda_app.resources") / "translations"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(f".{lang}.json"):
            merged.update(json.loads(entry.read_text(encoding="utf-8")))
    return merged


def tr(key: str, **params: Any) -> str:
    """The message for `key` in the current language, with `{name}` fields filled in."""
    text = catalog(language()).get(key) or catalog(FALLBACK).get(key) or key
    if params:
        try:
            return text.format_map(_Missing(params))
        except (IndexError, ValueError):
            return text
    return text


class _Missing(dict):
    """Fields a message names but the caller did not pass show as "…" (old log entries)."""

    def __missing__(self, key: str) -> str:
        return "…"


def tr_count(key: str, count: int, **params: Any) -> str:
    """The message for a number of things: `key.one` when `count` is 1 (where a catalog has
    it, so "1 Kodierung" not "1 Kodierungen"), else `key`; `{count}` is filled in."""
    if count == 1:
        one = f"{key}.one"
        if one in catalog(language()) or one in catalog(FALLBACK):
            return tr(one, count=count, **params)
    return tr(key, count=count, **params)
