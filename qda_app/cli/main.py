"""The `qda` command: every headless operation, 0 on success, one clear line on error."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from ..core.errors import QdaError
from ..core.i18n import set_language, tr


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qda", description="Qualitative content analysis after Mayring (qda_app)."
    )
    parser.add_argument("--coder", help="coder name for changes (default: QDA_CODER or login)")
    parser.add_argument("--lang", choices=["de", "en"], help="language of messages")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in command_modules():
        module.register(commands)
    gui = commands.add_parser("gui", help="open the app window")
    gui.add_argument("file", nargs="?", help="project file (or postgresql:// URL) to open")
    gui.set_defaults(handler=_run_gui)
    return parser


def command_modules() -> list[ModuleType]:
    """Every module of this package named `*_command` or `*_commands`, in name order.

    A new command group is a new module with a `register(subparsers)` function; it imports
    heavy libraries (pandas, python-docx …) inside its handlers, so `qda info` starts fast.
    """
    names = sorted(
        (
            info.name
            for info in pkgutil.iter_modules(_package_path())
            if info.name.endswith(("_command", "_commands"))
        ),
        key=lambda name: (name != "project_commands", name),  # the basics first in --help
    )
    return [importlib.import_module(f".{name}", __package__) for name in names]


def _package_path() -> list[str]:
    return [str(Path(__file__).parent)]


def _run_gui(args: argparse.Namespace) -> int:
    from ..gui.shell.app import run_app

    return run_app([args.file] if args.file else [])


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        set_language(args.lang)
    try:
        return int(args.handler(args) or 0)
    except QdaError as error:
        print(f"qda: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"qda: {tr('cli.interrupted')}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
