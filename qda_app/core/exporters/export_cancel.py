"""Cancelling an export inside a long file: writers call `checkpoint()` between sheets,
chapters and slides; while a cancel check is installed (`cancellable`) and says yes, the
checkpoint raises `ExportCancelled`, the writer stops, and `write_safely` removes the
temporary file, so no half-written file remains.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

CancelCheck = Callable[[], bool]
_state = threading.local()


class ExportCancelled(Exception):  # noqa: N818 - a signal, not an error to show
    """The person cancelled the export while a file was being written."""


@contextmanager
def cancellable(check: CancelCheck | None) -> Iterator[None]:
    """Let `checkpoint()` on this thread ask `check` whether to stop."""
    before = getattr(_state, "check", None)
    _state.check = check
    try:
        yield
    finally:
        _state.check = before


def checkpoint() -> None:
    """Stop the file being written when the export was cancelled meanwhile."""
    check = getattr(_state, "check", None)
    if check is not None and check():
        raise ExportCancelled
