"""Unblocking a card with its resetting code, on the real PC/SC stack (emulated card).

The resetting code is set under the admin PIN (PUT DATA D3), then a blocked
personal PIN is reset with RESET RETRY COUNTER P1=00 (resetting code + new PIN),
without the admin PIN; every attempt is journaled with its method, never a code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ceremony.cards.errors import CardUnblockError, PinBlockedError, WrongPinError
from ceremony.cards.interface import PinKind
from ceremony.workflow.card_custody import serials_with_reset_code
from ceremony.workflow.card_wipe import check_card, set_reset_code, unblock_card
from ceremony.workflow.phases import Action
from tests.cards.ceremony_cards import HolderPins, emulated, open_bureau, run_until, word_pin
from tests.cards.test_ceremony_cards_pcsc import _block, entries
from tests.pcsc_stack import PcscStack


def test_a_blocked_card_is_unblocked_with_its_reset_code_not_the_admin_pin(
    pcsc_stack: PcscStack, tmp_path: Path
) -> None:
    pins = HolderPins()
    president = emulated(pcsc_stack, 0, "presidente", pins)
    run_until(tmp_path, {"presidente": president}, "keys")
    bureau = open_bureau(tmp_path)
    try:
        # no resetting code set yet: refused before anything is asked, journaled
        _block(president, pins)
        with pytest.raises(CardUnblockError) as none_set:
            unblock_card(bureau, president, "reset_code")
        assert "code administrateur" in none_set.value.user_message
        assert pins.asked(PinKind.RESET) == 0
        # the admin PIN holder sets it (it only needs the admin PIN)
        set_reset_code(bureau, president)
        assert entries(bureau, Action.CARD_RESET_CODE_SET)[-1]["member_id"] == "presidente"
        # the hand-over document will give this card its envelope R
        serial = president.client.read_identity().serial
        assert serials_with_reset_code(bureau.store.entries()) == {serial}
        # a wrong resetting code: refused by the card, journaled as failed
        right = pins.reset_code
        pins.reset_code = word_pin(12)
        with pytest.raises(WrongPinError):
            unblock_card(bureau, president, "reset_code")
        failed = entries(bureau, Action.CARD_UNBLOCKED)[-1]
        assert (failed["outcome"], failed["method"]) == ("failed", "reset_code")
        with pytest.raises(PinBlockedError):  # still blocked
            check_card(bureau, president)
        # the right one, with a new personal PIN: no admin PIN asked
        pins.reset_code = right
        pins.user_pin = word_pin(8)
        admin_asked = pins.asked(PinKind.ADMIN)
        unblock_card(bureau, president, "reset_code")
        assert pins.asked(PinKind.ADMIN) == admin_asked
        done = entries(bureau, Action.CARD_UNBLOCKED)[-1]
        assert (done["outcome"], done["method"]) == ("ok", "reset_code")
        check_card(bureau, president)
        assert entries(bureau, Action.CARD_CHECKED)[-1]["outcome"] == "ok"
        # the journal never holds a code
        journal = json.dumps([dict(e.details) for e in bureau.store.entries()])
        for code in (pins.user_pin, pins.admin_pin, right, pins.reset_code):
            assert code not in journal
    finally:
        bureau.store.close()
