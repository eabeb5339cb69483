"""Alembic environment: always online, on the connection the store hands over.

There is no alembic.ini at run time: ``ceremony.store.migrate`` builds the
configuration in code and passes the open connection in ``attributes``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from ceremony.store.schema import Base


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("the store migrations run only through ceremony.store.migrate")
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
