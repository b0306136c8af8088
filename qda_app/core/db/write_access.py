"""Transactions that will write say so when they begin, so they queue for the write lock.

On SQLite a writing transaction starts with `BEGIN IMMEDIATE`: it waits (busy timeout) for
another writer to finish instead of failing halfway when it first writes. Reading
transactions start with a plain `BEGIN` and never wait for writers (WAL journal).
On PostgreSQL a writing transaction first takes one transaction-level advisory lock, the
same queue (db/postgres_specific.py); readers never wait there either.
"""

from __future__ import annotations

from sqlalchemy import Engine

WRITE_OPTION = "qda_write"


def writer(engine: Engine) -> Engine:
    """The same engine (and pool) whose transactions are marked as writing."""
    return engine.execution_options(**{WRITE_OPTION: True})
