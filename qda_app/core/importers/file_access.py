"""Reading the files a user named: regular files only, never more than a limit of bytes.

A link to /dev/zero, a FIFO or a socket is refused before anything is read from it, and a
file is read in chunks so that one that grows while it is read still stops at the limit.
Names that are not valid UTF-8 (bytes such as 0xFF on Linux) are shown with U+FFFD.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from ..errors import QdaError

_CHUNK = 1024 * 1024
# O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused right after opening).
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


def shown(text: str) -> str:
    """Text as it can be printed: undecodable bytes of a file name become U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "replace")


def shown_name(path: Path) -> str:
    return shown(Path(path).name)


def shown_path(path: Path | str) -> str:
    return shown(str(path))


def has_valid_name(path: Path) -> bool:
    """Whether the file name can be stored as text (it is valid UTF-8)."""
    try:
        Path(path).name.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def read_regular_file(
    path: Path,
    limit: int,
    *,
    failed: Callable[[str], QdaError],
    not_regular: Callable[[], QdaError],
    too_large: Callable[[int], QdaError],
) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; errors come from the factories.

    `failed(reason)` when it cannot be opened or read, `not_regular()` for devices, pipes,
    sockets and folders, `too_large(size)` when it has or grows beyond `limit` bytes.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise not_regular()
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise failed(error.strerror or type(error).__name__) from error
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):  # replaced between the check and opening
            raise not_regular()
        if info.st_size > limit:
            raise too_large(info.st_size)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(descriptor, min(_CHUNK, limit + 1 - total))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise too_large(total)
    except OSError as error:
        raise failed(error.strerror or type(error).__name__) from error
    finally:
        os.close(descriptor)
