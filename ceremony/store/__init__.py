"""SQLite store (SQLAlchemy + Alembic) and the hash-chained journal."""
