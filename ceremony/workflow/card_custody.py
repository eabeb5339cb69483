"""Which cards have a resetting code, for the hand-over document (envelope R).

The journal says it: ``card.reset_code_set`` (``bureau card set-reset-code``),
whose actor is the card. Nothing about the code itself is ever journaled.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ceremony.report.handover import HandoverData
from ceremony.store.journal import JournalEntry
from ceremony.workflow.phases import Action


def serials_with_reset_code(entries: Iterable[JournalEntry]) -> set[str]:
    return {
        actor.card_serial
        for entry in entries
        if entry.action == Action.CARD_RESET_CODE_SET and entry.details.get("outcome") == "ok"
        for actor in entry.actors
    }


def with_reset_codes(data: HandoverData, entries: Iterable[JournalEntry]) -> HandoverData:
    """``data`` with ``reset_code`` set on the cards the journal says have one."""
    serials = serials_with_reset_code(entries)
    cards = tuple(replace(c, reset_code=c.serial in serials) for c in data.cards)
    return replace(data, cards=cards)
