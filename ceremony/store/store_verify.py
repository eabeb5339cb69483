"""``verify_journal``: the whole record of a store, checked from its bytes."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ceremony.store.verify import JournalReport, verify_chain

if TYPE_CHECKING:  # the store calls this module before signing a checkpoint
    from ceremony.store.store import Store


def verify_journal(
    store: Store,
    *,
    trusted_public_key: str | None = None,
    check_blobs: bool = True,
    require_signed_head: bool = False,
) -> JournalReport:
    """Recompute the chain and every checkpoint; re-hash every blob if ``check_blobs``.

    Without ``trusted_public_key`` a checkpoint must be signed by a key the
    store recorded; pass the workstation's own key to also catch a checkpoint
    forged with a new key recorded by whoever forged it.
    """
    report = verify_chain(
        store.entries(),
        store.checkpoints(),
        trusted_public_key=trusted_public_key,
        known_public_keys={key.public_key for key in store.recorded_keys()},
        require_signed_head=require_signed_head,
    )
    if not check_blobs:
        return report
    records = store.blob_records()
    for record in records:
        store.blob_path(record.sha256)  # re-hashed in chunks
    return replace(report, blobs_checked=len(records))
