"""Initial store: blobs, journal entries and their blob references, checkpoints.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

# Tables whose rows, once written, are part of the record.
APPEND_ONLY = ("blobs", "journal_entries", "journal_blob_refs", "workstation_keys", "checkpoints")


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("direction", sa.String(16), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("metadata_json", sa.Text(), nullable=False),
        sa.CheckConstraint("length(sha256) = 64", name="ck_blobs_sha256_length"),
        sa.CheckConstraint(
            "direction IN ('imported', 'exported', 'internal')", name="ck_blobs_direction"
        ),
    )
    op.create_table(
        "journal_entries",
        sa.Column("position", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("sequence", sa.Integer(), nullable=False, unique=True),
        sa.Column("time", sa.String(32), nullable=False),
        sa.Column("phase", sa.String(64), nullable=False),
        sa.Column("actors_json", sa.Text(), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("details_json", sa.Text(), nullable=False),
        sa.Column("previous_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False, unique=True),
    )
    op.create_table(
        "journal_blob_refs",
        sa.Column(
            "entry_sequence",
            sa.Integer(),
            sa.ForeignKey("journal_entries.sequence"),
            primary_key=True,
        ),
        sa.Column("ordinal", sa.Integer(), primary_key=True),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("blobs.sha256"), nullable=False),
    )
    op.create_index("ix_journal_blob_refs_sha256", "journal_blob_refs", ["sha256"])
    op.create_table(
        "workstation_keys",
        sa.Column("public_key", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("weaker", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "checkpoints",
        sa.Column("position", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "sequence", sa.Integer(), sa.ForeignKey("journal_entries.sequence"), nullable=False
        ),
        sa.Column("head_hash", sa.String(64), nullable=False),
        sa.Column("time", sa.String(32), nullable=False),
        sa.Column(
            "public_key",
            sa.String(64),
            sa.ForeignKey("workstation_keys.public_key"),
            nullable=False,
        ),
        sa.Column("signature", sa.String(128), nullable=False),
    )
    for table in APPEND_ONLY:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    # Defence in depth: the database itself refuses an entry that does not
    # extend the chain (the store computes the same thing before inserting).
    # The first entry links to the genesis hash, 64 zeros (journal.GENESIS_HASH).
    op.execute(
        "CREATE TRIGGER journal_entries_extend_chain BEFORE INSERT ON journal_entries "
        "WHEN NEW.sequence != COALESCE((SELECT MAX(sequence) FROM journal_entries), 0) + 1 "
        "OR NEW.previous_hash != COALESCE("
        "(SELECT entry_hash FROM journal_entries WHERE sequence = NEW.sequence - 1), "
        "'0000000000000000000000000000000000000000000000000000000000000000') "
        "BEGIN SELECT RAISE(ABORT, 'journal entry does not extend the chain'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS journal_entries_extend_chain")
    for table in APPEND_ONLY:
        for event in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{event}")
    for table in reversed(APPEND_ONLY):
        op.drop_table(table)
