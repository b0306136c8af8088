"""Plain helpers for tests (importable as `support` thanks to pytest's pythonpath)."""

from __future__ import annotations

SAMPLE_TEXT = (
    "Protokoll Manfort\n"
    "Die Hygienekonzepte haben viel Personal gebunden. 😀 Viele Familien waren nicht erreichbar.\n"
    "Nachbarschaftshilfe hat gut funktioniert – „Wir haben einfach angefangen“.\n"
)


def span(text: str, words: str) -> tuple[int, int]:
    """Code-point offsets of `words` in `text`."""
    start = text.index(words)
    return start, start + len(words)
