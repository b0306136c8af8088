"""Alembic revisions shipped in the package: where they are, which one a store has, upgrade."""

from __future__ import annotations

from functools import cache
from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine


def alembic_config() -> Config:
    """An Alembic configuration pointing at the revisions inside the installed package."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("qda_app.migrations")))
    return config


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest schema revision this version of the app knows."""
    head = _script().get_current_head()
    assert head is not None, "no migrations shipped"
    return head


def known_revisions() -> list[str]:
    """All revisions of this app, oldest first."""
    return [rev.revision for rev in reversed(list(_script().walk_revisions()))]


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in a store, or None if it has no Alembic version table."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Bring a store to `target` in one transaction."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
