"""The `qda` command: every headless operation, 0 on success, one clear line on error."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .commands import project_commands
from .core.errors import QdaError
from .core.i18n import set_language, tr


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qda", description="Qualitative content analysis after Mayring (qda_app)."
    )
    parser.add_argument("--coder", help="coder name for changes (default: QDA_CODER or login)")
    parser.add_argument("--lang", choices=["de", "en"], help="language of messages")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    project_commands.register(commands)
    for module in _optional_command_modules():
        module.register(commands)
    gui = commands.add_parser("gui", help="open the app window")
    gui.add_argument("file", nargs="?", help="project file to open")
    gui.set_defaults(handler=_run_gui)
    return parser


def _optional_command_modules() -> list:
    """Command groups that live in their own modules (import, demo …)."""
    import importlib

    modules = []
    for name in ("import_command", "demo_command"):
        try:
            modules.append(importlib.import_module(f".commands.{name}", __package__))
        except ModuleNotFoundError as error:
            if error.name != f"{__package__}.commands.{name}":
                raise
    return modules


def _run_gui(args: argparse.Namespace) -> int:
    from .gui.app import run_app

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
