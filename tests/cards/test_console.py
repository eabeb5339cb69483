"""Console PIN handler: confirmation of new PINs, cancellation, no echo of the PIN."""

from __future__ import annotations

import pytest

from ceremony.cards.console import ConsolePinHandler
from ceremony.cards.errors import PinEntryCancelledError
from ceremony.cards.interface import PinKind, PinPrompt


def _handler(answers: list[str], said: list[str]) -> ConsolePinHandler:
    return ConsolePinHandler(read=lambda _prompt: answers.pop(0), say=said.append)


def test_user_pin_with_tries_left() -> None:
    said: list[str] = []
    pin = _handler(["482916"], said).get_pin(
        PinPrompt(PinKind.USER, "Code personnel pour signer.", "FF00-00000001", "Alice"), 2
    )
    assert pin == "482916"
    assert any("Essais restants avant blocage : 2" in line for line in said)
    assert not any("482916" in line for line in said)


def test_new_pin_confirmed_after_a_mismatch() -> None:
    said: list[str] = []
    answers = ["48291600", "48291601", "48291600", "48291600"]
    prompt = PinPrompt(PinKind.NEW_ADMIN, "Nouveau code administrateur.", "FF00-00000001")
    assert _handler(answers, said).get_pin(prompt, None) == "48291600"
    assert any("diffèrent" in line for line in said)


def test_empty_answer_cancels() -> None:
    with pytest.raises(PinEntryCancelledError):
        _handler([""], []).get_pin(PinPrompt(PinKind.USER, "x", "s"), 3)
