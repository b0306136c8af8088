"""Schema revisions: which one a store has, which ones this app knows, and upgrading.

The revision list is kept here as plain data so that opening an up-to-date project does not
import Alembic (a third of the start-up time of `qda info`); a test checks that it matches
the Alembic revisions shipped in migrations/versions/.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from .write_access import writer

if TYPE_CHECKING:
    from alembic.config import Config

# Oldest first; append a revision here when adding one to migrations/versions/.
REVISIONS = ("0001", "0002", "0003", "0005", "0006", "0009", "0008", "0010")
VERSION_TABLE = "alembic_version"


def head_revision() -> str:
    """The newest schema revision this version of the app knows."""
    return REVISIONS[-1]


def known_revisions() -> list[str]:
    """All revisions of this app, oldest first."""
    return list(REVISIONS)


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in a store, or None if it has no version table."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def alembic_config() -> Config:
    """An Alembic configuration pointing at the revisions inside the installed package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("qda_app.migrations")))
    return config


def upgrade(engine: Engine, target: str = "head") -> None:
    """Bring a store to `target` in one transaction: all revisions or none."""
    with writer(engine).begin() as connection:
        upgrade_in(connection, target)


def upgrade_in(connection: Connection, target: str = "head") -> None:
    """`upgrade` inside a caller's transaction (creating a file stamps it in the same one)."""
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, target)
