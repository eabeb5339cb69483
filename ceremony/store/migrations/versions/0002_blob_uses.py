"""Blob uses: every time a blob is put (imported, exported, kept), not only the first.

A bundle can be kept internally, then exported: the ``blobs`` row keeps the
first record, ``blob_uses`` keeps each one.

Revision ID: 0002_blob_uses
Revises: 0001_initial
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_blob_uses"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blob_uses",
        sa.Column("position", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("blobs.sha256"), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("direction", sa.String(16), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("metadata_json", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "direction IN ('imported', 'exported', 'internal')", name="ck_blob_uses_direction"
        ),
    )
    op.create_index("ix_blob_uses_sha256", "blob_uses", ["sha256"])
    # Stores made before this revision: their first records are their only known uses.
    op.execute(
        "INSERT INTO blob_uses (sha256, kind, direction, recorded_at, metadata_json) "
        "SELECT sha256, kind, direction, recorded_at, metadata_json FROM blobs "
        "ORDER BY recorded_at"
    )
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER blob_uses_no_{event.lower()} BEFORE {event} ON blob_uses "
            "BEGIN SELECT RAISE(ABORT, 'blob_uses is append-only'); END"
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS blob_uses_no_update")
    op.execute("DROP TRIGGER IF EXISTS blob_uses_no_delete")
    op.drop_index("ix_blob_uses_sha256", "blob_uses")
    op.drop_table("blob_uses")
