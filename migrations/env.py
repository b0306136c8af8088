"""Alembic environment: run on the connection handed over by qda_app.core.db.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from qda_app.core.db.models import Base

config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # `alembic -x url=...` from the command line, for developers
    url = context.get_x_argument(as_dictionary=True).get("url")
    with create_engine(url).begin() as own_connection:
        _run(own_connection)
