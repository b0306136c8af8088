"""Before the window starts: can Qt open a window here, and is the binding sound?

Qt's X11 platform plugin needs system libraries that some Linux installations lack; without
them Qt aborts with a long message about plugins. This check asks the dynamic linker (`ldd`)
which libraries the plugin cannot find and names the command that installs them. It also
refuses binding builds known to corrupt the interpreter (see `binding_fault`).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

from ...core.i18n import tr

# Shared libraries Qt's xcb plugin loads, and the Debian/Ubuntu packages that hold them.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}
NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.M)
# PySide6 releases whose wrappers drop a reference to None on every call of a function that
# returns nothing, when Python's None is not immortal (before 3.12): after a few thousand
# calls the interpreter aborts ("Fatal Python error: none_dealloc").
BROKEN_BINDINGS = {"6.12.0": (3, 12)}


def _qt_folder() -> Path | None:
    spec = find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt"


def uses_x11(environ: dict[str, str]) -> bool:
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.startswith("xcb")
    return not environ.get("WAYLAND_DISPLAY")


def missing_x11_libraries() -> list[str]:
    """Shared libraries the X11 platform plugin needs but the linker cannot find."""
    qt = _qt_folder()
    if qt is None or not sys.platform.startswith("linux"):
        return []
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return []
    try:
        output = subprocess.run(
            ["ldd", str(plugin)], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []  # no ldd here: let Qt try
    return sorted(set(NOT_FOUND.findall(output)))


def binding_fault(version: str, python: tuple[int, int]) -> str | None:
    """A sentence explaining why this PySide6 build cannot run here, or None."""
    fixed_from = BROKEN_BINDINGS.get(version)
    if fixed_from is not None and python < fixed_from:
        return tr("gui.start.broken_binding", version=version, python=f"{python[0]}.{python[1]}")
    return None


def start_problem(environ: dict[str, str] | None = None) -> str | None:
    """One sentence saying why the window cannot start here (and what to do), or None."""
    environ = dict(os.environ if environ is None else environ)
    import PySide6

    fault = binding_fault(PySide6.__version__, sys.version_info[:2])
    if fault:
        return fault
    if not sys.platform.startswith("linux") or not uses_x11(environ):
        return None
    if not environ.get("DISPLAY") and not environ.get("QT_QPA_PLATFORM"):
        return tr("gui.start.no_display")
    missing = missing_x11_libraries()
    if not missing:
        return None
    packages = sorted({DEBIAN_PACKAGES.get(name, name) for name in missing})
    return tr(
        "gui.start.missing_libraries",
        libraries=", ".join(missing),
        command="sudo apt-get install " + " ".join(packages),
    )
