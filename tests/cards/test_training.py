"""Training card: same interface as a real card, secrets sealed under the PIN."""

from __future__ import annotations

from pathlib import Path

import pytest

from ceremony.cards.errors import (
    CardNotInitialisedError,
    CardSignatureError,
    PinBlockedError,
    PinPolicyError,
    TrainingCardRefusedError,
    UnwrapError,
    WrongPinError,
)
from ceremony.cards.interface import (
    CardClient,
    CardSetup,
    PinKind,
    WrapContext,
    check_card_allowed,
    clear_secret,
    verify_card_signature,
)
from ceremony.cards.training import TrainingCard
from tests.cards.pins import ScriptedPins, user_pins

PIN = "482916"
SECRET = b"training-secret-\x8f\x01\xaa-not-real"


def _initialised(tmp_path: Path) -> TrainingCard:
    card = TrainingCard.create(tmp_path / "card.json")
    card.initialise(
        CardSetup("Alice Martin", "delegate", "bureau-1"),
        ScriptedPins({PinKind.NEW_USER: [PIN]}),
    )
    return card


def _context(card: TrainingCard) -> WrapContext:
    return WrapContext("bureau-1", "delegate", card.serial, "fp-1234", "belenios-pedersen-seed")


def test_training_card_is_a_card_client_and_marked(tmp_path: Path) -> None:
    card = _initialised(tmp_path)
    assert isinstance(card, CardClient)
    identity = card.read_identity()
    assert identity.training and identity.serial.startswith("TRAINING-")
    assert "ENTRAÎNEMENT" in (tmp_path / "card.json").read_text()
    with pytest.raises(TrainingCardRefusedError):
        check_card_allowed(identity, training_allowed=False)
    check_card_allowed(identity, training_allowed=True)


def test_uninitialised_and_factory_pin_refused(tmp_path: Path) -> None:
    card = TrainingCard.create(tmp_path / "card.json")
    with pytest.raises(CardNotInitialisedError):
        card.read_identity()
    for bad in ("123456", "12345", "111111"):
        with pytest.raises(PinPolicyError):
            card.initialise(
                CardSetup("A", "delegate", "b"), ScriptedPins({PinKind.NEW_USER: [bad]})
            )


def test_sign_verify_and_tamper(tmp_path: Path) -> None:
    card = _initialised(tmp_path)
    identity = card.read_identity()
    signature = card.sign(b"seal manifest", user_pins(PIN))
    verify_card_signature(identity.signature_key, b"seal manifest", signature)
    with pytest.raises(CardSignatureError):
        verify_card_signature(identity.signature_key, b"seal manifesT", signature)


def test_wrap_unwrap_and_context_binding(tmp_path: Path) -> None:
    card = _initialised(tmp_path)
    context = _context(card)
    card.wrap_secret(SECRET, context, user_pins(PIN))
    secret = card.unwrap_secret(context, user_pins(PIN))
    assert bytes(secret) == SECRET
    clear_secret(secret)
    assert secret == bytearray(len(SECRET))
    other = WrapContext("bureau-2", "delegate", card.serial, "fp-1234", "belenios-pedersen-seed")
    with pytest.raises(UnwrapError):
        card.unwrap_secret(other, user_pins(PIN))
    # Reopened from its file, the card still opens the secret.
    again = TrainingCard(tmp_path / "card.json")
    assert bytes(again.unwrap_secret(context, user_pins(PIN))) == SECRET


def test_wrong_pin_counts_down_then_blocks(tmp_path: Path) -> None:
    card = _initialised(tmp_path)
    with pytest.raises(WrongPinError) as first:
        card.sign(b"x", user_pins("000111"))
    assert first.value.tries_left == 2
    assert "2 essais" in first.value.user_message
    assert "000111" not in str(first.value)
    card.sign(b"x", user_pins(PIN))  # a good PIN resets the counter
    for expected in (2, 1):
        with pytest.raises(WrongPinError) as err:
            card.sign(b"x", user_pins("000111"))
        assert err.value.tries_left == expected
    with pytest.raises(PinBlockedError):
        card.sign(b"x", user_pins("000111"))
    with pytest.raises(PinBlockedError):
        card.sign(b"x", user_pins(PIN))


def test_no_secret_in_the_file(tmp_path: Path) -> None:
    card = _initialised(tmp_path)
    card.wrap_secret(SECRET, _context(card), user_pins(PIN))
    raw = (tmp_path / "card.json").read_bytes()
    assert SECRET not in raw and SECRET.hex().encode() not in raw
    assert PIN.encode() not in raw
