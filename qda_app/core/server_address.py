"""Server addresses as the window handles them: recognised, shown and kept without password,
and joined with a password typed in only when connecting (never stored)."""

from __future__ import annotations

from .db import postgres_specific, store


def is_server_address(text: str) -> bool:
    """True for postgresql://… addresses (anything else is a project file)."""
    return store.is_server(text.strip())


def without_password(address: str) -> str:
    """The address with any password removed (for the recent list and window titles)."""
    return postgres_specific.without_password(address.strip())


def with_password(address: str, password: str) -> str:
    """The address to connect with: the password put in (replacing one typed in the address)."""
    return postgres_specific.with_password(address.strip(), password)


def shown(address: str) -> str:
    """The address as messages show it (password masked)."""
    return store.display_name(address.strip())
