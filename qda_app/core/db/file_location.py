"""Where a project file lies: can this process create files in its folder, and is the folder
on a network share? SQLite's WAL journal needs memory shared on one computer, so projects on
network folders use the classic rollback journal instead.

For network shares, Linux reads the mount table, Windows asks for the drive type (and knows
UNC paths), macOS asks `mount`. When the answer is unknown the folder counts as local.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "ncpfs",
        "davfs",
        "webdav",
        "afpfs",
        "vboxsf",
        "fuse.sshfs",
        "fuse.glusterfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.cephfs",
    }
)
_DRIVE_REMOTE = 4


def folder_writable(folder: Path) -> bool:
    """Really try to create a file: permission bits alone mislead (root, read-only mounts)."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def is_network_folder(folder: Path) -> bool:
    """True when `folder` lies on a network file system (best effort, never raises)."""
    try:
        resolved = folder.resolve()
        if sys.platform == "win32":
            return _windows_remote(resolved)
        if sys.platform == "darwin":
            return _mount_type(resolved, _macos_mounts()) in NETWORK_FILE_SYSTEMS
        return _mount_type(resolved, _linux_mounts()) in NETWORK_FILE_SYSTEMS
    except (OSError, ValueError, subprocess.SubprocessError):
        return False


def _mount_type(path: Path, mounts: list[tuple[str, str]]) -> str:
    """The file-system type of the deepest mount point containing `path`."""
    best, kind = "", ""
    text = str(path)
    for point, fstype in mounts:
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fstype
    return kind


def _unescape_mount_point(field: str) -> str:
    """/proc/self/mountinfo writes spaces and the like as octal escapes (\\040)."""
    return field.encode("latin-1").decode("unicode_escape")


def _linux_mounts() -> list[tuple[str, str]]:
    mounts = []
    with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as table:
        for line in table:
            before, _, after = line.partition(" - ")
            fields, tail = before.split(), after.split()
            if len(fields) >= 5 and tail:
                mounts.append((_unescape_mount_point(fields[4]), tail[0]))
    return mounts


def _macos_mounts() -> list[tuple[str, str]]:
    output = subprocess.run(
        ["/sbin/mount"], capture_output=True, text=True, timeout=2, check=True
    ).stdout
    mounts = []
    for line in output.splitlines():  # "//u@server/share on /Volumes/share (smbfs, nodev …)"
        _, _, rest = line.partition(" on ")
        point, _, options = rest.rpartition(" (")
        if point and options:
            mounts.append((point, options.split(",")[0].strip()))
    return mounts


def _windows_remote(path: Path) -> bool:
    text = str(path)
    if text.startswith("\\\\"):
        return True
    import ctypes

    root = os.path.splitdrive(text)[0] + "\\"
    return ctypes.windll.kernel32.GetDriveTypeW(root) == _DRIVE_REMOTE  # type: ignore[attr-defined]
