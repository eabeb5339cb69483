"""PINs checked when each card is presented, then reused for the rest of the step.

A step with several cards (test vote, count, results) used to ask every PIN in
the middle of the work: one wrong or cancelled PIN threw away the cards already
done. Now the card prompt checks the holder's PIN as soon as the card is in
(``check_pin``, a signature over a throw-away message), and the step's work
gets its PINs from this handler without asking again. The PINs live in memory
for one step only and are dropped when it ends (``forget``); they never reach
disk, logs or messages.
"""

from __future__ import annotations

import os
import threading

from ceremony.cards.interface import CardClient, PinHandler, PinKind, PinPrompt

_CHECK_PREFIX = b"bureau-app: PIN check, not a bundle or a document\x00"


class StepPins:
    """A ``PinHandler``: answers the user PIN of a checked card, asks ``base`` otherwise."""

    def __init__(self, base: PinHandler) -> None:
        self._base = base
        self._known: dict[str, str] = {}
        self._lock = threading.Lock()

    def get_pin(self, prompt: PinPrompt, tries_left: int | None) -> str:
        if prompt.kind is PinKind.USER:
            with self._lock:
                known = self._known.get(str(prompt.card_serial))
            if known is not None:
                return known
        return self._base.get_pin(prompt, tries_left)

    def check_pin(self, client: CardClient, serial: str) -> None:
        """Ask the holder's PIN now (card thread) and keep it if the card accepts it.

        Raises the card's error: ``WrongPinError`` (tries left), ``PinBlockedError``,
        ``PinEntryCancelledError``, ``CardRemovedError``...
        """
        recorder = _Recorder(self._base)
        client.sign(_CHECK_PREFIX + os.urandom(16), recorder)
        if recorder.pin is not None:
            with self._lock:
                self._known[serial] = recorder.pin
        recorder.pin = None

    def knows(self, serial: str) -> bool:
        with self._lock:
            return serial in self._known

    def forget(self, serial: str | None = None) -> None:
        with self._lock:
            if serial is None:
                self._known.clear()
            else:
                self._known.pop(serial, None)


class _Recorder:
    """Passes the request on and remembers the last user PIN given."""

    def __init__(self, base: PinHandler) -> None:
        self._base = base
        self.pin: str | None = None

    def get_pin(self, prompt: PinPrompt, tries_left: int | None) -> str:
        pin = self._base.get_pin(prompt, tries_left)
        if prompt.kind is PinKind.USER:
            self.pin = pin
        return pin
