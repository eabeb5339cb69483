"""The card prompt follows insert/remove events, including events sent from another thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from bureau_app.card_prompt import CardEvents, CardPromptDialog, ExpectedCard

pytestmark = pytest.mark.gui

PRESIDENT = ExpectedCard("Dr Marie Dupont", "présidente", "de la présidente", serial="0001")


@pytest.fixture
def events() -> CardEvents:
    return CardEvents()


@pytest.fixture
def prompt(qtbot, app, events):  # type: ignore[no-untyped-def]
    dialog = CardPromptDialog(PRESIDENT, events)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_it_says_whose_card_and_waits(prompt) -> None:  # type: ignore[no-untyped-def]
    assert prompt.heading.text() == "Insérez la carte de la présidente"
    assert prompt.holder.text() == "Titulaire de la carte : Dr Marie Dupont (présidente)"
    assert prompt.status.text().startswith("En attente de la carte")
    assert prompt.isVisible()


def test_the_expected_card_closes_the_prompt(qtbot, prompt, events) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(prompt.accepted):
        events.card_inserted.emit("0001")
    assert prompt.inserted_serial == "0001"
    assert not prompt.isVisible()


def test_a_wrong_card_is_named_and_removal_resumes_waiting(qtbot, prompt, events) -> None:  # type: ignore[no-untyped-def]
    events.card_inserted.emit("0042")
    assert prompt.isVisible() and prompt.inserted_serial is None
    assert "n° 0042" in prompt.status.text()
    assert "Retirez-la" in prompt.status.text()
    events.card_removed.emit("0042")
    assert prompt.status.text().startswith("En attente de la carte")
    with qtbot.waitSignal(prompt.accepted):
        events.card_inserted.emit("0001")


def test_any_card_is_accepted_when_the_serial_is_not_known_yet(qtbot, app, events) -> None:  # type: ignore[no-untyped-def]
    dialog = CardPromptDialog(
        ExpectedCard("Jean Martin", "délégué de la liste A", "du délégué de la liste A"), events
    )
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.accepted):
        events.card_inserted.emit("7777")
    assert dialog.inserted_serial == "7777"


def test_events_from_the_card_thread_arrive_in_the_gui_thread(qtbot, prompt, events) -> None:  # type: ignore[no-untyped-def]
    card_thread = threading.Thread(target=events.card_inserted.emit, args=("0001",))
    with qtbot.waitSignal(prompt.accepted, timeout=5000):
        card_thread.start()
    card_thread.join()
    assert prompt.inserted_serial == "0001"
    assert prompt.isHidden()


def test_escape_cancels(qtbot, prompt) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(prompt.rejected):
        qtbot.keyClick(prompt, Qt.Key.Key_Escape)
    assert prompt.inserted_serial is None


def test_a_closed_prompt_ignores_later_cards(qtbot, prompt, events) -> None:  # type: ignore[no-untyped-def]
    prompt.reject()
    events.card_inserted.emit("0001")
    assert prompt.inserted_serial is None
