"""The quorum prompt: whoever may come, comes; a PIN problem never undoes the cards done.

The cards and the PIN answers are fakes (the prompt is the code under test);
the real cards and dialogs are driven in test_real_app_xvfb and test_ceremony_gui.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bureau_app.card_prompt import CardEvents
from bureau_app.quorum import quorum_need
from bureau_app.quorum_prompt import QuorumPromptDialog
from bureau_app.step_pins import StepPins
from bureau_app.worker import JobRunner
from ceremony.cards.errors import PinEntryCancelledError, WrongPinError
from ceremony.cards.interface import PinKind, PinPrompt
from tests.gui.test_quorum import LISTS, _Definition

pytestmark = pytest.mark.gui

SERIALS = {"S-P": "p", "S-S": "s", "S-A": "a", "S-B": "b", "S-C": "c"}
GOOD = {serial: f"{serial[-1]}12345" for serial in SERIALS}


class _Answers:
    """The members at the keyboard: a queue of answers per card ("cancel" cancels)."""

    def __init__(self, script: dict[str, list[str]]) -> None:
        self.script = script
        self.asked: list[str] = []

    def get_pin(self, prompt: PinPrompt, tries_left: int | None) -> str:
        serial = str(prompt.card_serial)
        self.asked.append(serial)
        queue = self.script.get(serial, [])
        answer = queue.pop(0) if queue else GOOD[serial]
        if answer == "cancel":
            raise PinEntryCancelledError("cancelled")
        return answer


class _Card:
    def __init__(self, serial: str) -> None:
        self.serial = serial
        self.tries = 3
        self.closed = False

    def sign(self, data: bytes, pins: object) -> object:
        pin = pins.get_pin(PinPrompt(PinKind.USER, "", self.serial), self.tries)  # type: ignore[attr-defined]
        if pin != GOOD[self.serial]:
            self.tries -= 1
            raise WrongPinError("wrong", tries_left=self.tries)
        return object()

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def runner(app) -> Iterator[JobRunner]:  # type: ignore[no-untyped-def]
    runner = JobRunner()
    yield runner
    assert runner.wait(30_000)


def _prompt(qtbot, runner, answers, **kwargs):  # type: ignore[no-untyped-def]
    events = CardEvents()
    pins = StepPins(answers)
    dialog = QuorumPromptDialog(
        "Faire le vote à blanc",
        kwargs.pop("need", quorum_need(_Definition())),  # type: ignore[arg-type]
        events=events,
        serials=SERIALS,
        open_client=_Card,
        pins=pins,
        runner=runner,
        lists=LISTS,
        **kwargs,
    )
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog, events, pins


def _insert(qtbot, dialog, events, serial: str) -> None:  # type: ignore[no-untyped-def]
    events.card_inserted.emit(serial)
    qtbot.waitUntil(lambda: dialog._checking is None, timeout=10_000)


def test_the_secretary_and_any_two_delegates_open(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    answers = _Answers({})
    dialog, events, pins = _prompt(qtbot, runner, answers)
    assert "présidente (Mme Anne Rousseau) ou secrétaire (M. Paul Mercier)" in dialog.who.text()
    assert "deux délégués de liste parmi trois" in dialog.who.text()
    _insert(qtbot, dialog, events, "S-S")
    _insert(qtbot, dialog, events, "S-P")  # the secretary already stands for the head
    assert "n'est pas nécessaire" in dialog.status.text()
    _insert(qtbot, dialog, events, "S-C")
    assert "✓  M. Paul Mercier (secrétaire)" in dialog.members.item(1).text()
    with qtbot.waitSignal(dialog.accepted):
        events.card_inserted.emit("S-A")
    assert [c.member_id for c in dialog.present] == ["s", "c", "a"]
    # The work gets each PIN from the check, without asking again.
    assert pins.get_pin(PinPrompt(PinKind.USER, "", "S-C"), 3) == GOOD["S-C"]
    assert answers.asked == ["S-S", "S-C", "S-A"]


def test_a_wrong_pin_keeps_the_cards_done_and_names_whose_card(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    answers = _Answers({"S-A": ["999999"]})
    dialog, events, _pins = _prompt(qtbot, runner, answers)
    _insert(qtbot, dialog, events, "S-P")
    _insert(qtbot, dialog, events, "S-A")
    text = dialog.status.text()
    assert "Code incorrect pour la carte de Dr Julie Caron" in text
    assert "il reste 2 essais avant blocage" in text
    assert "Dr Yves Perrin, Dr Sarah Benali" in text  # who may step in
    assert [c.member_id for c in dialog.present] == ["p"]  # the president's card stays done
    assert dialog.retry_button.isVisible() and "Dr Julie Caron" in dialog.retry_button.text()
    dialog.retry_button.click()
    qtbot.waitUntil(lambda: dialog._checking is None, timeout=10_000)
    with qtbot.waitSignal(dialog.accepted):
        events.card_inserted.emit("S-B")
    assert [c.member_id for c in dialog.present] == ["p", "a", "b"]


def test_the_retry_button_asks_again_the_code_of_the_card_it_names(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    # A wrong code on the secretary's card, then Dr Perrin cancels his: "Ressaisir le code de
    # Dr Yves Perrin" asks Dr Perrin's card, never the secretary's (whose tries it would burn).
    answers = _Answers({"S-S": ["999999"], "S-B": ["cancel"]})
    dialog, events, _pins = _prompt(qtbot, runner, answers)
    _insert(qtbot, dialog, events, "S-S")
    _insert(qtbot, dialog, events, "S-B")
    assert "Dr Yves Perrin" in dialog.retry_button.text()
    asked = len(answers.asked)
    dialog.retry_button.click()
    qtbot.waitUntil(lambda: dialog._checking is None, timeout=10_000)
    assert answers.asked[asked:] == ["S-B"]
    assert [c.member_id for c in dialog.present] == ["b"]


def test_wrong_and_cancelled_codes_are_reported_for_the_journal(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    answers = _Answers({"S-S": ["999999"], "S-B": ["cancel"]})
    journaled: list[tuple[str, str, int | None]] = []
    dialog, events, _pins = _prompt(
        qtbot, runner, answers, on_card_event=lambda *event: journaled.append(event)
    )
    _insert(qtbot, dialog, events, "S-S")
    _insert(qtbot, dialog, events, "S-B")
    assert journaled == [("s", "pin_wrong", 2), ("b", "pin_cancelled", None)]
    assert not any("12345" in str(event) for event in journaled)  # never a code


def test_a_cancelled_pin_is_not_a_problem_and_another_member_steps_in(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    answers = _Answers({"S-B": ["cancel"]})
    dialog, events, _pins = _prompt(qtbot, runner, answers)
    _insert(qtbot, dialog, events, "S-P")
    _insert(qtbot, dialog, events, "S-B")
    text = dialog.status.text()
    assert "Saisie du code annulée pour la carte de Dr Yves Perrin" in text
    assert "problème" not in text.lower()
    assert dialog.isVisible()
    _insert(qtbot, dialog, events, "S-A")
    with qtbot.waitSignal(dialog.accepted):
        events.card_inserted.emit("S-C")
    assert [c.member_id for c in dialog.present] == ["p", "a", "c"]


def test_one_more_signature_counts_those_who_signed_before(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    dialog, events, _pins = _prompt(qtbot, runner, _Answers({}), already={"p"}, one=True)
    assert "déjà fait" in dialog.members.item(0).text()
    _insert(qtbot, dialog, events, "S-S")  # the head is already there
    assert "n'est pas nécessaire" in dialog.status.text()
    with qtbot.waitSignal(dialog.accepted):
        events.card_inserted.emit("S-C")
    assert [c.member_id for c in dialog.present] == ["c"]


def test_cancelling_the_prompt_forgets_the_pins(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    dialog, events, pins = _prompt(qtbot, runner, _Answers({}))
    _insert(qtbot, dialog, events, "S-P")
    assert pins.knows("S-P")
    dialog.reject()
    assert not pins.knows("S-P")
    assert all(card.client.closed for card in dialog.present)  # type: ignore[attr-defined]
