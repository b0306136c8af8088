"""`python -m qda_app [FILE]` opens the app window."""

from __future__ import annotations

import sys


def main() -> int:
    from .gui.shell.app import run_app

    return run_app(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
