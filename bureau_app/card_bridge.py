"""From the reader monitor of ``ceremony.cards`` to ``CardEvents`` signals with serials.

``ceremony.cards.pcsc.CardMonitor`` reports readers, not cards: a card came
into "reader X". The prompt needs the card's serial, so the bridge asks
``identify(reader)`` (the caller's card-thread call, e.g. reading the OpenPGP
AID) and remembers which serial sits in which reader for the removal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from bureau_app.card_prompt import CardEvents
from bureau_app.engine_messages import user_text
from ceremony.cards.errors import CardError
from ceremony.cards.interface import CardEvent, CardEventKind


class CardEventBridge:
    """A ``CardEventCallback``: give it to ``CardMonitor``; it runs on the monitor thread."""

    def __init__(self, events: CardEvents, identify: Callable[[str], str]) -> None:
        self._events = events
        self._identify = identify
        self._serials: dict[str, str] = {}
        self._lock = threading.Lock()

    def __call__(self, event: CardEvent) -> None:
        if event.kind is CardEventKind.INSERTED:
            try:
                serial = self._identify(event.reader)
            except CardError as unusable:
                self._events.card_unreadable.emit(user_text(unusable))
                return
            with self._lock:
                self._serials[event.reader] = serial
            self._events.card_inserted.emit(serial)
            return
        with self._lock:
            if event.reader not in self._serials:
                return  # a card we never identified left
            serial = self._serials.pop(event.reader)
        self._events.card_removed.emit(serial)
