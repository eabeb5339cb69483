"""Bring a store's database to the current schema with the shipped Alembic scripts."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from ceremony.store.errors import StoreMigrationError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:
        raise StoreMigrationError("no migration script found in the package")
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, revision: str) -> None:
    """Apply the migrations up to ``revision`` (tests use it to build old stores)."""
    try:
        command.upgrade(_config(connection), revision)
    except (CommandError, SQLAlchemyError) as error:
        raise StoreMigrationError(f"alembic upgrade failed: {error}") from error


def upgrade_to_head(connection: Connection) -> None:
    """Apply every missing migration; a database newer than this code is refused."""
    upgrade(connection, "head")
    found = current_revision(connection)
    if found != head_revision():
        raise StoreMigrationError(f"database at revision {found}, expected {head_revision()}")
