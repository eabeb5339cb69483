"""OpenPGP cards through the real stack: pcscd + vpcd + the card emulator.

These are the issue's integration tests: two cards at once; initialise, wrap,
unwrap, sign, verify; wrong PIN down to blocked; card removed mid-operation;
state persisting across an emulator restart; errors for a missing pcscd, a
missing reader and an empty reader; card events.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ceremony.cards.discovery import find_openpgp_cards, open_card
from ceremony.cards.errors import (
    CardNotInitialisedError,
    CardRemovedError,
    NoCardError,
    PinBlockedError,
    PinPolicyError,
    UnwrapError,
    WrongCardError,
    WrongPinError,
)
from ceremony.cards.interface import (
    CardEvent,
    CardEventKind,
    PinKind,
    PinPrompt,
    WrapContext,
    check_expected_card,
    clear_secret,
    verify_card_signature,
)
from ceremony.cards.openpgp_card import OpenPGPCard
from ceremony.cards.pcsc import CardMonitor, PcscReader
from ceremony.cards.worker import CardWorker, ThreadedCard
from tests.cards.cardtools import (
    FACTORY_ADMIN_PIN,
    FACTORY_USER_PIN,
    Member,
    client_for,
    fresh_secret,
    initialise,
)
from tests.cards.pins import ScriptedPins
from tests.pcsc_stack import PcscStack, VirtualCard, start_pcscd

pytestmark = pytest.mark.pcsc

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_two_cards_initialise_wrap_unwrap_sign_verify(pcsc_stack: PcscStack) -> None:
    president = Member("Alice Martin", "president")
    secretary = Member("Bruno Petit", "secretary")
    card_p = pcsc_stack.card(0)
    card_s = pcsc_stack.card(1)
    client_p, id_p = initialise(card_p, president)
    client_s, id_s = initialise(card_s, secretary)
    assert id_p.serial != id_s.serial
    assert client_p.read_identity() == id_p
    assert client_s.read_identity() == id_s
    check_expected_card(
        id_p, bureau_id=president.bureau_id, role="president", holder="Alice Martin"
    )
    with pytest.raises(WrongCardError):
        check_expected_card(id_s, bureau_id=president.bureau_id, role="president")

    # The president's Single secret goes to both cards.
    single = fresh_secret()
    client_p.wrap_secret(single, president.context(id_p), president.pins())
    client_s.wrap_secret(single, secretary.context(id_s), secretary.pins())
    for client, member, identity in ((client_p, president, id_p), (client_s, secretary, id_s)):
        opened = client.unwrap_secret(member.context(identity), member.pins())
        assert bytes(opened) == single
        clear_secret(opened)

    # Another election's context does not open the blob.
    other = WrapContext(
        president.bureau_id, "president", id_p.serial, "fp-other", "belenios-single-key"
    )
    with pytest.raises(UnwrapError):
        client_p.unwrap_secret(other, president.pins())
    # A context naming the other card is refused before any PIN is asked.
    with pytest.raises(WrongCardError):
        client_p.unwrap_secret(secretary.context(id_s), president.pins())

    manifest = b'{"type":"seal","bureau":"bureau-test-1"}'
    sig_p = client_p.sign(manifest, president.pins())
    sig_s = client_s.sign(manifest, secretary.pins())
    verify_card_signature(id_p.signature_key, manifest, sig_p)
    verify_card_signature(id_s.signature_key, manifest, sig_s)
    assert sig_p.card_serial == id_p.serial and sig_p.algorithm == "ecdsa-p256-sha256"


def test_default_pins_refused_at_initialisation(openpgp_card: VirtualCard) -> None:
    member = Member("Chloé Durand", "delegate", user_pin=FACTORY_USER_PIN)
    with pytest.raises(PinPolicyError):
        client_for(openpgp_card).initialise(member.setup(), member.init_pins())
    member = Member("Chloé Durand", "delegate", admin_pin=FACTORY_ADMIN_PIN)
    with pytest.raises(PinPolicyError):
        client_for(openpgp_card).initialise(member.setup(), member.init_pins())
    # Nothing was written: the card is still blank.
    with pytest.raises(CardNotInitialisedError):
        client_for(openpgp_card).read_identity()


def test_wrong_pin_down_to_blocked(openpgp_card: VirtualCard) -> None:
    member = Member("Denis Moreau", "delegate")
    client, identity = initialise(openpgp_card, member)
    wrong = ScriptedPins({PinKind.USER: ["999000"]})
    for expected in (2, 1):
        with pytest.raises(WrongPinError) as error:
            client.sign(b"pv", wrong)
        assert error.value.tries_left == expected
        assert "999000" not in str(error.value)
    # The handler was told the tries left before each attempt.
    assert [t for _, t in wrong.asked] == [3, 2]
    with pytest.raises(PinBlockedError):
        client.sign(b"pv", wrong)
    with pytest.raises(PinBlockedError):
        client.sign(b"pv", member.pins())
    assert "bloqué" in PinBlockedError().user_message
    # Still the same card, still readable without a PIN.
    assert client.read_identity() == identity


def test_card_removed_mid_operation(openpgp_card: VirtualCard) -> None:
    member = Member("Emma Roux", "delegate")
    client, identity = initialise(openpgp_card, member)
    first = fresh_secret()
    client.wrap_secret(first, member.context(identity), member.pins())

    class PullWhileTyping:
        """The member pulls the card out while typing the PIN."""

        def get_pin(self, prompt: PinPrompt, tries_left: int | None) -> str:
            openpgp_card.remove()
            return member.user_pin

    with pytest.raises(CardRemovedError):
        client.wrap_secret(fresh_secret(), member.context(identity), PullWhileTyping())
    openpgp_card.insert()
    # The old secret is intact: nothing half-written.
    assert bytes(client.unwrap_secret(member.context(identity), member.pins())) == first

    with pytest.raises(CardRemovedError):
        client.unwrap_secret(member.context(identity), PullWhileTyping())
    openpgp_card.insert()
    with pytest.raises(CardRemovedError):
        client.sign(b"pv", PullWhileTyping())
    openpgp_card.insert()
    assert bytes(client.unwrap_secret(member.context(identity), member.pins())) == first


def test_state_persists_across_emulator_restart(pcsc_stack: PcscStack) -> None:
    member = Member("Farid Benali", "delegate")
    card = pcsc_stack.card(0)
    client, identity = initialise(card, member)
    secret = fresh_secret()
    client.wrap_secret(secret, member.context(identity), member.pins())
    # The card goes home and comes back, this time in the other reader.
    card.remove()
    back = pcsc_stack.card(1, card.state_path)
    client_back = client_for(back)
    assert client_back.read_identity() == identity
    assert bytes(client_back.unwrap_secret(member.context(identity), member.pins())) == secret
    signature = client_back.sign(b"pv", member.pins())
    verify_card_signature(identity.signature_key, b"pv", signature)


def test_empty_reader_and_uninitialised_card(pcsc_stack: PcscStack) -> None:
    with pytest.raises(NoCardError):
        OpenPGPCard(PcscReader(pcsc_stack.reader_name(1))).read_identity()
    blank = pcsc_stack.card(0)
    with pytest.raises(CardNotInitialisedError):
        client_for(blank).read_identity()
    assert client_for(blank).read_serial().startswith("FF")


def _list_readers_in_subprocess(socket_path: Path) -> str:
    """Run list_readers() in a fresh process (libpcsclite reads its socket once)."""
    code = (
        "from ceremony.cards.pcsc import list_readers\n"
        "from ceremony.cards.errors import CardError\n"
        "try:\n"
        "    print('readers', list_readers())\n"
        "except CardError as exc:\n"
        "    print(type(exc).__name__, exc.user_message)\n"
    )
    env = dict(os.environ, PCSCLITE_CSOCK_NAME=str(socket_path))
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout


def test_pcscd_not_running_and_no_reader(pcsc_daemon: object, tmp_path: Path) -> None:
    out = _list_readers_in_subprocess(tmp_path / "no-such-pcscd.comm")
    assert out.startswith("PcscdNotRunningError"), out
    assert "pcscd" in out
    empty = start_pcscd(tmp_path / "empty", with_readers=False)
    try:
        out = _list_readers_in_subprocess(empty.socket_path)
    finally:
        empty.stop()
    assert out.startswith("NoReaderError"), out


def test_card_events(pcsc_stack: PcscStack) -> None:
    events: list[CardEvent] = []
    arrived = threading.Event()
    left = threading.Event()

    def on_event(event: CardEvent) -> None:
        events.append(event)
        if event.reader == pcsc_stack.reader_name(1):
            (arrived if event.kind is CardEventKind.INSERTED else left).set()

    monitor = CardMonitor(on_event)
    monitor.start()
    try:
        card = pcsc_stack.card(1)
        assert arrived.wait(timeout=10), events
        card.remove()
        assert left.wait(timeout=10), events
    finally:
        monitor.stop()
    kinds = [e.kind for e in events if e.reader == pcsc_stack.reader_name(1)]
    assert kinds == [CardEventKind.INSERTED, CardEventKind.REMOVED]


def test_all_card_io_on_one_thread(openpgp_card: VirtualCard) -> None:
    member = Member("Gaëlle Simon", "delegate")
    worker = CardWorker()
    threads: set[str] = set()

    class RecordingPins(ScriptedPins):
        def get_pin(self, prompt: PinPrompt, tries_left: int | None) -> str:
            threads.add(threading.current_thread().name)
            return super().get_pin(prompt, tries_left)

    try:
        card = ThreadedCard(client_for(openpgp_card), worker)
        init_pins = RecordingPins(member.init_pins().answers)
        identity = card.initialise(member.setup(), init_pins)
        card.sign(b"x", RecordingPins(member.pins().answers))
        assert card.read_identity() == identity
    finally:
        worker.shutdown()
    assert len(threads) == 1 and threading.current_thread().name not in threads


def test_find_and_open_cards_by_serial(pcsc_stack: PcscStack) -> None:
    pcsc_stack.card(0, serial="0000CA01")
    pcsc_stack.card(1, serial="0000CA02")
    found = find_openpgp_cards()
    assert sorted(c.serial for c in found) == ["FF00-0000CA01", "FF00-0000CA02"]
    assert open_card("FF00-0000CA02").read_serial() == "FF00-0000CA02"
    with pytest.raises(NoCardError) as absent:
        open_card("FF00-0000CA03")
    assert "absente" in absent.value.user_message
    assert "pas la carte attendue" not in absent.value.user_message
