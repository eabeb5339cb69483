"""Reader events from the card monitor become card events with serials for the prompt."""

from __future__ import annotations

import threading

import pytest

from bureau_app.card_bridge import CardEventBridge
from bureau_app.card_prompt import CardEvents, CardPromptDialog, ExpectedCard
from ceremony.cards.errors import NotOpenPGPCardError
from ceremony.cards.interface import CardEvent, CardEventKind

pytestmark = pytest.mark.gui

READER = "Virtual PCD 00 00"


def _identify(reader: str) -> str:
    """Stands for reading the OpenPGP AID of the card in ``reader``."""
    if reader == "Lecteur carte vitale":
        raise NotOpenPGPCardError("no OpenPGP application")
    return {"Virtual PCD 00 00": "FF00-0000AA01", "Virtual PCD 00 01": "FF00-0000AA02"}[reader]


def test_insert_and_remove_carry_the_serial(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    events = CardEvents()
    seen: list[tuple[str, str]] = []
    events.card_inserted.connect(lambda serial: seen.append(("in", serial)))
    events.card_removed.connect(lambda serial: seen.append(("out", serial)))
    bridge = CardEventBridge(events, _identify)
    bridge(CardEvent(CardEventKind.INSERTED, READER, b"\x3b"))
    bridge(CardEvent(CardEventKind.REMOVED, READER))
    bridge(CardEvent(CardEventKind.REMOVED, "Virtual PCD 00 01"))  # nothing known there
    assert seen == [("in", "FF00-0000AA01"), ("out", "FF00-0000AA01")]


def test_an_unusable_card_is_told_to_the_prompt(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    events = CardEvents()
    prompt = CardPromptDialog(ExpectedCard("A", "présidente", "de la présidente"), events)
    qtbot.addWidget(prompt)
    prompt.show()
    CardEventBridge(events, _identify)(CardEvent(CardEventKind.INSERTED, "Lecteur carte vitale"))
    assert prompt.status.text() == NotOpenPGPCardError.default_message
    assert prompt.isVisible()


def test_monitor_thread_events_reach_the_prompt(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    events = CardEvents()
    prompt = CardPromptDialog(
        ExpectedCard("A", "présidente", "de la présidente", serial="FF00-0000AA01"), events
    )
    qtbot.addWidget(prompt)
    prompt.show()
    bridge = CardEventBridge(events, _identify)
    monitor = threading.Thread(
        target=bridge, args=(CardEvent(CardEventKind.INSERTED, READER, b"\x3b"),)
    )
    with qtbot.waitSignal(prompt.accepted, timeout=5000):
        monitor.start()
    monitor.join()
    assert prompt.inserted_serial == "FF00-0000AA01"
