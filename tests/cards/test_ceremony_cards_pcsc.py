"""Keys that always open the urn, on the real PC/SC stack (emulated OpenPGP cards).

- a card holding a ceremony key is never re-initialised nor re-keyed: ``register``
  in another store refuses it without asking any PIN, saying what it holds;
- the confirmed wipe (shown, typed sentence, current PIN) is the only way out, journaled;
- ``card check`` proves a card opens its key, journaled, nothing shown;
- the test vote opens every card (both copies of the Single key) with two quorums;
- with the president's card blocked the count uses the secretary's;
- a wrong PIN is asked again and a cancelled card is replaced, keeping the cards done;
- a blocked card is unblocked with its admin PIN, journaled.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ceremony.cards.errors import CardHoldsKeyError, PinBlockedError
from ceremony.cards.interface import CardSetup, PinKind, WrapContext
from ceremony.cards.keylabel import stored_in_paris
from ceremony.simulator.description import load_description
from ceremony.simulator.platform import PlatformSimulator
from ceremony.store.store import open_store
from ceremony.store.workstation_key import FileKeySource
from ceremony.workflow import rollcall
from ceremony.workflow.card_wipe import (
    WipeNotConfirmedError,
    WipeRefusedError,
    check_card,
    unblock_card,
    wipe_card,
)
from ceremony.workflow.engine import Bureau
from ceremony.workflow.errors import CardNotRegisteredError, QuorumError
from ceremony.workflow.holders import PresentCard
from ceremony.workflow.phases import Action
from tests.cards.ceremony_cards import (
    HolderPins,
    emulated,
    open_bureau,
    run_until,
    training,
    word_pin,
)
from tests.pcsc_stack import PcscStack
from tests.workflow.ceremony_setup import SEED, small_description


def entries(bureau: Bureau, action: Action) -> list[dict[str, object]]:
    return [dict(e.details) for e in bureau.store.entries() if e.action == action]


def actors(bureau: Bureau, action: Action) -> set[str]:
    found = [e for e in bureau.store.entries() if e.action == action]
    return {a.card_serial for a in found[-1].actors}


def fresh_store(folder: Path, bureau_id: str = "csn") -> Bureau:
    description = small_description() if bureau_id == "csn" else load_description()
    sim = PlatformSimulator(seed=SEED, ballots=4, description=description, workers=1)
    bureau = Bureau(
        open_store(folder / "store"), key_source=FileKeySource(folder / "workstation-key")
    )
    bureau.confirm_platform_key(sim.platform_key_id)
    bureau.import_definition(sim.definition_bundle(), bureau_id)
    return bureau


def test_register_refuses_a_keyed_card_and_only_the_confirmed_wipe_frees_it(
    pcsc_stack: PcscStack, tmp_path: Path
) -> None:
    pins = HolderPins()
    president = emulated(pcsc_stack, 0, "presidente", pins)
    run_until(tmp_path / "a", {"presidente": president}, "keys")
    first = open_bureau(tmp_path / "a")
    second = fresh_store(tmp_path / "b")
    try:
        fingerprint = first.state.keys["election_key_fingerprint"]  # type: ignore[index]
        label = president.client.read_key_label()
        assert label is not None
        assert (label.bureau_id, label.role) == ("csn", "president")
        assert label.election_key_fingerprint == fingerprint
        holder = president.client.read_identity().holder
        assert label.holder == holder and label.stored_at

        # register in a new store (same definition): refused, no PIN asked, says what it holds
        asked = len(pins.prompts)
        with pytest.raises(CardHoldsKeyError) as refused:
            second.register_member(president)
        message = refused.value.user_message
        assert holder in message and "csn" in message and fingerprint[:16] in message
        assert f"rangée le {stored_in_paris(label.stored_at)}" in message
        assert "(heure de Paris)" in message
        assert len(pins.prompts) == asked
        assert "presidente" not in second.state.members
        # the same member also sits on another bureau (cspm): refused, naming both bureaux
        third = fresh_store(tmp_path / "c", "cspm")
        try:
            with pytest.raises(CardHoldsKeyError) as elsewhere:
                third.register_member(president)
            text = elsewhere.value.user_message
            names = {b.bureau_id: b.name for b in third.definition().bureaux}
            assert f"la clé d'un autre bureau, le bureau « {names['csn']} » (csn)" in text
            assert "une carte par bureau" in text
            assert f"présentez une autre carte pour le bureau « {names['cspm']} » (cspm)" in text
            assert "rôle présidence" in text and "rôle president" not in text
            assert len(pins.prompts) == asked and "presidente" not in third.state.members
        finally:
            third.store.close()
        # the card-level guard as well: no re-initialisation, no second key
        with pytest.raises(CardHoldsKeyError):
            president.client.initialise(CardSetup("Quelqu'un", "president", "cspm"), pins)
        other = WrapContext("cspm", "president", label.card_serial, "f" * 64, "belenios-single-key")
        with pytest.raises(CardHoldsKeyError):
            president.client.wrap_secret(b"another secret", other, pins)

        # the card still opens this ceremony's key: card check, journaled, nothing shown
        check_card(first, president)
        assert entries(first, Action.CARD_CHECKED)[-1]["outcome"] == "ok"

        # the wipe: refused for this store's own key; refused without the sentence
        with pytest.raises(WipeRefusedError):
            wipe_card(first, president, lambda _label, phrase: phrase)
        shown: list[str] = []
        with pytest.raises(WipeNotConfirmedError):
            wipe_card(second, president, lambda lab, _phrase: shown.append(lab.describe()) or "oui")
        assert holder in shown[0] and fingerprint[:16] in shown[0]
        assert president.client.read_key_label() == label
        # confirmed in words, then the current PIN: erased and journaled
        before = pins.asked(PinKind.USER)
        wipe_card(second, president, lambda _label, phrase: phrase.upper())
        assert pins.asked(PinKind.USER) == before + 1
        assert president.client.read_key_label() is None
        wiped = entries(second, Action.CARD_WIPED)[-1]
        assert wiped["label"]["election_key_fingerprint"] == fingerprint  # type: ignore[index]

        # now the card may be prepared again (here for another member): the prompts name
        # its current holder, not a factory code
        pins.factory = False
        pins.prompts.clear()
        second.register_member(PresentCard("secretaire", president.client, pins))
        current = [m for k, m in pins.prompts if k in (PinKind.CURRENT_ADMIN, PinKind.CURRENT_USER)]
        assert current and all("usine" not in m and holder in m for m in current)
        # and the first ceremony's key is really gone from this card
        with pytest.raises(CardNotRegisteredError):
            check_card(first, president)
        assert entries(first, Action.CARD_CHECKED)[-1]["outcome"] == "failed"
    finally:
        first.store.close()
        second.store.close()


def test_the_test_vote_opens_every_card_with_two_quorums(
    pcsc_stack: PcscStack, tmp_path: Path
) -> None:
    pins_p, pins_s = HolderPins(), HolderPins()
    cards = {
        "presidente": emulated(pcsc_stack, 0, "presidente", pins_p),
        "secretaire": emulated(pcsc_stack, 1, "secretaire", pins_s),
    }
    run_until(tmp_path, cards, "keys")
    before = (pins_p.asked(PinKind.USER), pins_s.asked(PinKind.USER))
    run_until(tmp_path, cards, "test_vote")
    # both copies of the Single key were opened: the president's and the secretary's
    assert pins_p.asked(PinKind.USER) == before[0] + 1
    assert pins_s.asked(PinKind.USER) == before[1] + 1
    bureau = open_bureau(tmp_path)
    try:
        state = bureau.state
        assert state.test_vote is not None
        report = json.loads(bureau.store.get_blob(state.test_vote["report"]))
        members = sorted(state.members)
        assert report["cards_checked"] == members
        assert sorted(u["member_id"] for u in report["trustees_used"]) == members
        first, second = report["quorums"][:2]
        assert first != second
        assert {"presidente", "secretaire"} <= {m for q in report["quorums"] for m in q}
        delegates = {m for m in members if state.members[m]["role"] == "delegate"}
        assert delegates <= {m for q in report["quorums"] for m in q}
        for contest in report["contests"]:
            assert all(o == contest["expected"] for o in contest["obtained_by_quorum"])
            assert len(contest["obtained_by_quorum"]) == len(report["quorums"]) >= 2
        assert actors(bureau, Action.TEST_VOTE_PASSED) == {
            c["serial"] for c in state.members.values()
        }
    finally:
        bureau.store.close()


def _block(card: object, pins: HolderPins) -> None:
    wrong = HolderPins(user_pin="000111", admin_pin=pins.admin_pin, factory=False)
    client = card.client  # type: ignore[attr-defined]
    serial = client.read_identity().serial
    context = WrapContext("csn", "president", serial, "y", "z")
    with pytest.raises(PinBlockedError):
        for _ in range(5):
            try:
                client.unwrap_secret(context, wrong)
            except PinBlockedError:
                raise
            except Exception:  # noqa: BLE001
                continue


def test_count_with_the_presidents_card_blocked_uses_the_secretarys(
    pcsc_stack: PcscStack, tmp_path: Path
) -> None:
    pins_p, pins_s = HolderPins(), HolderPins()
    president = emulated(pcsc_stack, 0, "presidente", pins_p)
    secretary = emulated(pcsc_stack, 1, "secretaire", pins_s)
    run_until(tmp_path, {"presidente": president, "secretaire": secretary}, "expert")
    _block(president, pins_p)
    bureau = open_bureau(tmp_path)
    try:
        aph, inph = training(tmp_path, "del-aph"), training(tmp_path, "del-inph")
        # without the secretary: refused, naming who is missing from the definition
        with pytest.raises(QuorumError) as refused:
            bureau.count([president, aph, inph])
        message = refused.value.user_message
        secretary_name = secretary.client.read_identity().holder
        assert secretary_name in message and "bloquée" in message
        president_name = president.client.read_identity().holder
        # the blocked card is named as failed, not suggested as the one missing
        assert president_name not in message.split("Cartes qui")[0]
        assert "deux délégués" not in message
        kinds = [e["event"] for e in entries(bureau, Action.CARD_EVENT)]
        assert "pin_blocked" in kinds and "quorum_refused" in kinds
        # the refusal is signed at once (a checkpoint over the last event)
        assert bureau.store.checkpoints()[-1].sequence == bureau.store.entries()[-1].sequence
        # with the secretary present the count goes on with her card
        bureau.count([president, secretary, aph, inph])
        used = actors(bureau, Action.COUNT_DONE)
        serials = {m: c["serial"] for m, c in bureau.state.members.items()}
        assert serials["secretaire"] in used and serials["presidente"] not in used
        assert bureau.state.count is not None
        # the holder unblocks her card with the admin PIN and a new PIN, journaled
        pins_p.user_pin = word_pin(8)
        unblock_card(bureau, president)
        assert entries(bureau, Action.CARD_UNBLOCKED)[-1]["member_id"] == "presidente"
        check_card(bureau, president)
        assert entries(bureau, Action.CARD_CHECKED)[-1]["outcome"] == "ok"
        events = json.dumps(entries(bureau, Action.CARD_EVENT))
        for pin in (pins_p.user_pin, pins_p.admin_pin, pins_s.user_pin, "000111"):
            assert pin not in events
    finally:
        bureau.store.close()


def test_a_wrong_pin_is_asked_again_and_a_cancelled_card_replaced(
    pcsc_stack: PcscStack, tmp_path: Path
) -> None:
    pins_p = HolderPins()
    president = emulated(pcsc_stack, 0, "presidente", pins_p)
    run_until(tmp_path, {"presidente": president}, "expert")
    bureau = open_bureau(tmp_path)
    try:
        cancelling = HolderPins(script=[None])
        aph = training(tmp_path, "del-aph", cancelling)
        cmh, inph = training(tmp_path, "del-cmh-snam"), training(tmp_path, "del-inph")
        # The demo replaced del-cmh-snam at the count's roll-call: they arrive in time.
        arrival = rollcall.Movement("del-cmh-snam", bureau.now())
        rollcall.record_movement(bureau, "count", "arrivals", arrival)
        pins_p.script = ["999888"]  # one wrong PIN, then the right one
        notices: list[str] = []
        bureau.notice = notices.append
        bureau.count([president, aph, cmh, inph])
        serials = {m: c["serial"] for m, c in bureau.state.members.items()}
        used = actors(bureau, Action.COUNT_DONE)
        assert used == {serials["presidente"], serials["del-cmh-snam"], serials["del-inph"]}
        events = entries(bureau, Action.CARD_EVENT)
        assert [(e["event"], e["member_id"]) for e in events] == [
            ("pin_wrong", "presidente"),
            ("pin_cancelled", "del-aph"),
        ]
        assert any("annulée" in n for n in notices)
    finally:
        bureau.store.close()
