"""The PV's sentence for each kind of card event the key work journals (crafted entries).

The events a training card cannot produce (an unblock needs an admin PIN, a wipe is
refused in the store whose key the card holds, a blocked card) are checked here on
journal entries shaped as card_wipe.py and card_check.py write them.
"""

from __future__ import annotations

from typing import Any

import pytest

from ceremony.store.journal import JournalEntry
from ceremony.workflow.phases import Action
from ceremony.workflow.pv_card_events import card_event_rows

NAMES = {"del-aph": "Dr Julie Caron", "presidente": "Mme Anne Rousseau"}
AT = "2024-12-11T09:05:00+00:00"


def _entry(action: Action, details: dict[str, Any]) -> JournalEntry:
    return JournalEntry(
        1, "2024-12-11T09:06:00.000000Z", "count", (), action, details, (), "0" * 64
    )


@pytest.mark.parametrize(
    ("action", "details", "text"),
    [
        (
            Action.CARD_EVENT,
            {"event": "pin_blocked", "member_id": "presidente", "step": "count"},
            "Carte de Mme Anne Rousseau bloquée au dépouillement : "
            "un autre membre a pris le relais.",
        ),
        (
            Action.CARD_EVENT,
            {"event": "pin_cancelled", "member_id": "del-aph", "step": "test_vote"},
            "Carte de Dr Julie Caron : saisie du code annulée au vote à blanc ; "
            "la carte est écartée.",
        ),
        (
            Action.CARD_EVENT,
            {"event": "card_failed", "member_id": "del-aph", "step": "recount", "error": "X"},
            "Carte de Dr Julie Caron défaillante au nouveau décompte (X) ; écartée.",
        ),
        (
            Action.CARD_CHECKED,
            {
                "member_id": "del-aph",
                "outcome": "failed",
                "error": "CardKeyMismatchError",
                "at": AT,
            },
            "Contrôle de la carte de Dr Julie Caron : échec (CardKeyMismatchError).",
        ),
        (
            Action.CARD_UNBLOCKED,
            {"member_id": "presidente", "outcome": "ok", "at": AT},
            "Carte de Mme Anne Rousseau débloquée avec son code administrateur.",
        ),
        (
            Action.CARD_WIPED,
            {"member_id": "del-aph", "outcome": "ok", "at": AT, "label": {}},
            "Carte de Dr Julie Caron effacée à la demande de son titulaire, après confirmation "
            "écrite et saisie de son code.",
        ),
    ],
)
def test_each_card_event_has_its_pv_sentence(
    action: Action, details: dict[str, Any], text: str
) -> None:
    (row,) = card_event_rows(NAMES, _entry(action, details))
    assert row.text == text
    assert row.kind == "finding"
    if "at" in details:
        assert row.at.isoformat() == AT


def test_other_entries_give_no_row() -> None:
    assert card_event_rows(NAMES, _entry(Action.COUNT_DONE, {})) == []
