"""The `qda` command: sub-commands grouped by what they work on."""

from .main import main

__all__ = ["main"]
