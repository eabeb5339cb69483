"""What the recount screen reads from a ceremony archive before asking for cards (no Qt).

The bureau's definition (members, quorum, contests and lists, in the
definition's order), the cards registered at the key ceremony (serial → member)
and whether they were training cards. The archive itself is verified in full
by :func:`ceremony.verify.archive.verify_ceremony_archive`, then again by
:func:`ceremony.workflow.recount.recount_from_archive`; nothing here decides
anything about the recount.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ceremony.bundles.payloads.definition import BureauDefinition
from ceremony.errors import CeremonyError
from ceremony.store.export import JournalExport
from ceremony.workflow.recount import ArchiveIncompleteError
from ceremony.workflow.state import derive_state

TRAINING_CARDS = "cartes-entrainement"


@dataclass(frozen=True)
class ArchiveInfo:
    folder: Path
    definition: BureauDefinition
    serials: dict[str, str]  # registered card serial → member id
    training: bool


def read_archive(folder: Path) -> ArchiveInfo:
    """The definition and the registered cards (raises ``ArchiveIncompleteError``)."""
    from ceremony.workflow.engine import _definition_from_blob

    try:
        journal = JournalExport.from_bytes((folder / "journal.jsonl").read_bytes())
        state = derive_state(journal.entries)
        if state.bureau_id is None or state.count is None:
            raise ArchiveIncompleteError(f"{folder}: the archive's journal holds no count")
        payload = _definition_from_blob((folder / "bundles" / "definition.zip").read_bytes())
        definition = payload.bureau(state.bureau_id)
    except OSError as error:
        raise ArchiveIncompleteError(f"{folder}: {error}") from error
    except CeremonyError:
        raise
    except (KeyError, ValueError) as error:
        raise ArchiveIncompleteError(f"{folder}: {error!r}") from error
    serials = {str(card["serial"]): member_id for member_id, card in state.members.items()}
    training = any(bool(card.get("training")) for card in state.members.values())
    return ArchiveInfo(folder, definition, serials, training)


def guess_training_cards(archive: Path) -> Path | None:
    """Where the training cards of this archive's ceremony usually are.

    ``bureau-app --demo DIR`` writes the archive in ``DIR/archive`` and the cards in
    ``DIR/cartes-entrainement``; ``bureau demo OUT`` keeps them in ``OUT.store``.
    """
    for folder in (
        archive.parent / TRAINING_CARDS,
        archive.with_name(archive.name + ".store") / TRAINING_CARDS,
        archive / TRAINING_CARDS,
    ):
        if folder.is_dir():
            return folder
    return None


def training_members(folder: Path, definition: BureauDefinition) -> dict[str, str]:
    """member id → name, for the members whose training card file is in ``folder``.

    Only existing cards: a recount never makes a new (blank) training card."""
    return {
        m.member_id: m.name
        for m in definition.members
        if (folder / f"{m.member_id}.card").is_file()
    }


def suggested_store(archive: Path) -> Path:
    """A new folder beside the archive for the recount's working store (never inside it)."""
    base = archive.with_name(archive.name + "-recompte-travail")
    candidate, number = base, 2
    while candidate.exists() and any(candidate.iterdir()):
        candidate = base.with_name(f"{base.name}-{number}")
        number += 1
    return candidate
