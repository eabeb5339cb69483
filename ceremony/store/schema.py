"""The store's tables as typed ORM classes (the migrations create them).

Journal rows keep their insertion ``position`` apart from their ``sequence``
so that reordering shows up as sequence numbers out of order, whatever the
rows' contents. Update and delete are refused by triggers (see migrations).
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

BLOB_DIRECTIONS = ("imported", "exported", "internal")


class Base(DeclarativeBase):
    pass


class BlobRow(Base):
    __tablename__ = "blobs"
    __table_args__ = (
        CheckConstraint("length(sha256) = 64", name="ck_blobs_sha256_length"),
        CheckConstraint(
            "direction IN ('imported', 'exported', 'internal')", name="ck_blobs_direction"
        ),
    )

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(64))
    direction: Mapped[str] = mapped_column(String(16))
    recorded_at: Mapped[str] = mapped_column(String(32))
    metadata_json: Mapped[str] = mapped_column(Text)


class BlobUseRow(Base):
    """Each put of a blob: its first record is also kept in ``blobs``."""

    __tablename__ = "blob_uses"
    __table_args__ = (
        CheckConstraint(
            "direction IN ('imported', 'exported', 'internal')", name="ck_blob_uses_direction"
        ),
    )

    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), index=True)
    kind: Mapped[str] = mapped_column(String(64))
    direction: Mapped[str] = mapped_column(String(16))
    recorded_at: Mapped[str] = mapped_column(String(32))
    metadata_json: Mapped[str] = mapped_column(Text)


class JournalEntryRow(Base):
    __tablename__ = "journal_entries"

    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    time: Mapped[str] = mapped_column(String(32))
    phase: Mapped[str] = mapped_column(String(64))
    actors_json: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(64))
    details_json: Mapped[str] = mapped_column(Text)
    previous_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)


class JournalBlobRefRow(Base):
    __tablename__ = "journal_blob_refs"

    entry_sequence: Mapped[int] = mapped_column(
        ForeignKey("journal_entries.sequence"), primary_key=True
    )
    ordinal: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), index=True)


class WorkstationKeyRow(Base):
    __tablename__ = "workstation_keys"

    public_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    weaker: Mapped[bool]
    recorded_at: Mapped[str] = mapped_column(String(32))


class CheckpointRow(Base):
    __tablename__ = "checkpoints"

    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sequence: Mapped[int] = mapped_column(ForeignKey("journal_entries.sequence"))
    head_hash: Mapped[str] = mapped_column(String(64))
    time: Mapped[str] = mapped_column(String(32))
    public_key: Mapped[str] = mapped_column(ForeignKey("workstation_keys.public_key"))
    signature: Mapped[str] = mapped_column(String(128))
